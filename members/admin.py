from django.contrib import admin

from .models import Member


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin[Member]):
    list_display = ("display_name", "email", "role", "email_confirmed", "is_active", "date_joined")
    list_filter = ("role", "email_confirmed", "is_active")
    search_fields = ("display_name", "email", "handle")
    exclude = ("password",)
