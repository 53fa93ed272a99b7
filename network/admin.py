from django.contrib import admin

from .models import Network, SidebarBox


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin[Network]):
    list_display = ("name", "tagline", "creator", "time_zone")


@admin.register(SidebarBox)
class SidebarBoxAdmin(admin.ModelAdmin[SidebarBox]):
    list_display = ("title", "position")
