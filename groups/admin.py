from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from lib.admin import ContentAdmin
from lib.markup import render_markdown

from .models import Group, Membership


class MembershipInline(admin.TabularInline[Membership, Group]):
    model = Membership
    extra = 0
    raw_id_fields = ("member",)


@admin.register(Group)
class GroupAdmin(ContentAdmin[Group]):
    list_display = ("name", "slug", "is_private", "joining", "member_count", "hidden_at")
    list_filter = ("is_private", "joining")
    search_fields = ("name", "slug")
    readonly_fields = ("member_count", "comment_count")  # kept by the services
    inlines = [MembershipInline]

    def save_model(
        self, request: HttpRequest, obj: Group, form: ModelForm[Group], change: bool
    ) -> None:
        obj.description_html = render_markdown(obj.description)
        super().save_model(request, obj, form, change)
