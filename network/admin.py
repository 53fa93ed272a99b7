from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from lib.admin import ContentAdmin
from members.models import Member

from . import services
from .forms import SidebarBoxForm
from .models import Network, SidebarBox


@admin.register(Network)
class NetworkAdmin(ContentAdmin[Network]):
    list_display = ("name", "tagline", "creator", "time_zone")


@admin.register(SidebarBox)
class SidebarBoxAdmin(ContentAdmin[SidebarBox]):
    # The /manage/sidebar/ form: kind, placement and items shown may be left out there too.
    form = SidebarBoxForm
    list_display = ("title", "kind", "placement", "position")

    def save_model(
        self, request: HttpRequest, obj: SidebarBox, form: ModelForm[SidebarBox], change: bool
    ) -> None:
        services.save_sidebar_box(obj)  # renders the Markdown

    def delete_model(self, request: HttpRequest, obj: SidebarBox) -> None:
        services.delete_sidebar_box(obj, by=_member(request), check=False)  # logged

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[SidebarBox]) -> None:
        for box in queryset:
            services.delete_sidebar_box(box, by=_member(request), check=False)


def _member(request: HttpRequest) -> Member | None:
    return request.user if isinstance(request.user, Member) else None
