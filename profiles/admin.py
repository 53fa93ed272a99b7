from django.contrib import admin

from lib.admin import ContentAdmin

from .models import Answer, Question


@admin.register(Question)
class QuestionAdmin(ContentAdmin[Question]):
    list_display = ("label", "kind", "visibility", "required", "searchable", "position")
    list_filter = ("kind", "visibility")


@admin.register(Answer)
class AnswerAdmin(ContentAdmin[Answer]):
    list_display = ("member", "question", "value", "updated_at")
    raw_id_fields = ("member",)
    list_select_related = ("member", "question")
