from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from lib.admin import ContentAdmin

from .models import Post, RelatedLink, Tag
from .services import render_body


class RelatedLinkInline(admin.TabularInline[RelatedLink, Post]):
    model = RelatedLink
    extra = 0


@admin.register(Post)
class PostAdmin(ContentAdmin[Post]):
    list_display = ("title", "author", "status", "published_at", "comment_count")
    list_filter = ("status",)
    search_fields = ("title",)
    raw_id_fields = ("author",)
    readonly_fields = ("comment_count",)  # kept by comments.services
    inlines = [RelatedLinkInline]

    def save_model(
        self, request: HttpRequest, obj: Post, form: ModelForm[Post], change: bool
    ) -> None:
        render_body(obj)
        super().save_model(request, obj, form, change)


@admin.register(Tag)
class TagAdmin(ContentAdmin[Tag]):
    search_fields = ("name",)
