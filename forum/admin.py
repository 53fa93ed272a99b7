from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from lib.admin import ContentAdmin

from . import services
from .models import Attachment, Category, Discussion


@admin.register(Category)
class CategoryAdmin(ContentAdmin[Category]):
    list_display = ("name", "position", "discussion_count")
    search_fields = ("name",)
    readonly_fields = ("discussion_count", "last_discussion")  # kept by forum.services


class AttachmentInline(admin.TabularInline[Attachment, Discussion]):
    model = Attachment
    extra = 0
    fields = ("name", "kind", "content_type", "size")
    readonly_fields = fields
    can_delete = False


@admin.register(Discussion)
class DiscussionAdmin(ContentAdmin[Discussion]):
    list_display = (
        "title",
        "category",
        "group",
        "author",
        "created_at",
        "comment_count",
        "pinned",
    )
    list_filter = ("category", "pinned")
    search_fields = ("title",)
    raw_id_fields = ("author",)
    readonly_fields = ("comment_count",)  # kept by comments.services
    inlines = [AttachmentInline]

    def save_model(
        self, request: HttpRequest, obj: Discussion, form: ModelForm[Discussion], change: bool
    ) -> None:
        services.render_body(obj)
        super().save_model(request, obj, form, change)
        if obj.category is not None:
            services.refresh_category(obj.category)

    def delete_model(self, request: HttpRequest, obj: Discussion) -> None:
        # Its files, likes, notifications and the category's count go with it.
        services.delete_discussion(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Discussion]) -> None:
        for obj in queryset:
            services.delete_discussion(obj)
