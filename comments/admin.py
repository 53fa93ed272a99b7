from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from lib.admin import ContentAdmin
from lib.markup import render_plain_text

from .models import Comment
from .services import delete_comment


@admin.register(Comment)
class CommentAdmin(ContentAdmin[Comment]):
    list_display = ("author", "created_at", "content_type", "object_id")
    # Moved or added here, a comment would leave the counts on posts wrong: members write them.
    readonly_fields = ("content_type", "object_id", "parent", "author")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Comment, form: ModelForm[Comment], change: bool
    ) -> None:
        obj.body_html = render_plain_text(obj.body)
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Comment) -> None:
        delete_comment(obj)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset.select_related("content_type"):
            delete_comment(comment)
