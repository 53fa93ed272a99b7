from django.contrib import admin

from .models import Post, RelatedLink, Tag


class RelatedLinkInline(admin.TabularInline[RelatedLink, Post]):
    model = RelatedLink
    extra = 0


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    list_display = ("title", "author", "status", "published_at", "comment_count")
    list_filter = ("status",)
    search_fields = ("title",)
    raw_id_fields = ("author",)
    inlines = [RelatedLinkInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    search_fields = ("name",)
