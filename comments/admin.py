from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ("author", "created_at", "content_type", "object_id")
    raw_id_fields = ("author",)
