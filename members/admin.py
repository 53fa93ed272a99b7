from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from lib.admin import ContentAdmin

from .models import Member
from .services import remove_member


@admin.register(Member)
class MemberAdmin(ContentAdmin[Member]):
    list_display = (
        "display_name",
        "email",
        "role",
        "email_confirmed",
        "is_active",
        "date_joined",
        "left_at",
    )
    # Former members (left keeping their content) are inactive rows without a name or email.
    list_filter = ("role", "email_confirmed", "is_active", ("left_at", admin.EmptyFieldListFilter))
    search_fields = ("display_name", "email", "handle")
    exclude = ("password",)

    # Deleting here goes through the service, so counts elsewhere stay right.
    def delete_model(self, request: HttpRequest, obj: Member) -> None:
        remove_member(obj)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Member]) -> None:
        for member in queryset:
            remove_member(member)
