"""What roster adds to other apps' pages, registered in RosterConfig.ready(): its /manage/
links ("manage_nav") and the hand-over's notification kind."""

from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib import sections
from lib.urls import fast_reverse
from members.permissions import is_admin
from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification

from . import permissions
from .services import HAND_OVER_KIND


def _manage_links(request: HttpRequest, user: Any) -> str:
    links = ""
    if permissions.can_manage_members(user):
        links += format_html(' · <a href="{}">{}</a>', fast_reverse("roster:members"), _("Members"))
    if permissions.can_manage_badges(user):
        links += format_html(' · <a href="{}">{}</a>', fast_reverse("roster:badges"), _("Badges"))
    if permissions.can_hand_over(user):
        links += format_html(
            ' · <a href="{}">{}</a>', fast_reverse("roster:hand_over"), _("Hand over the network")
        )
    return links


def _hand_over_sentence(n: Notification) -> str:
    return _("%(actor)s asks you to take the network over as its creator")


def register_all() -> None:
    sections.register("manage_nav", "roster.manage", _manage_links, order=20)
    kinds.register(
        kinds.Kind(
            name=HAND_OVER_KIND,
            label=gettext_lazy("The creator asking me to take the network over"),
            default=Delivery.EMAIL,
            sentence=_hand_over_sentence,
            order=90,
            audience=is_admin,
        )
    )
