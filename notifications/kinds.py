"""The kinds of notification, and how each is delivered unless a member chose otherwise.

A kind is what happened to the member ("a comment on your post", "a like"); this app registers
its own in AppConfig.ready() and a later app (events, groups, forum) registers more the same
way, with its sentence and its default, and calls services.notify() from its event handler:
nothing here changes. The settings page lists every registered kind.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

if TYPE_CHECKING:
    from .models import Notification


class Delivery(models.TextChoices):
    """How a member hears of one kind of notification."""

    OFF = "off", _("Not at all")
    PAGE = "page", _("On the site only")
    EMAIL = "email", _("On the site and by email at once")
    DAILY = "daily", _("On the site and in a daily email")
    WEEKLY = "weekly", _("On the site and in a weekly email")


# The deliveries that send an email, and those gathered into a digest.
EMAILED = (Delivery.EMAIL, Delivery.DAILY, Delivery.WEEKLY)
DIGESTS = (Delivery.DAILY, Delivery.WEEKLY)

# A sentence about a notification, with %(actor)s, %(others)d and %(title)s in it (rendered
# with the names escaped and isolated on the page, plain in emails).
type Sentence = Callable[["Notification"], str]


@dataclass(frozen=True)
class Kind:
    name: str
    # What the settings page calls it: "Comments on my posts".
    label: StrOrPromise
    default: Delivery
    sentence: Sentence
    # Several of one kind about one thing, unread, are one notification: "Ayesha and 4 others
    # liked your post" (services.notify with a group key).
    grouped: bool = False
    order: int = 50
    # Who may be told of it at all (moderators, administrators): the settings page offers the
    # kind to them only. None: every member.
    audience: Callable[[object], bool] | None = None

    def concerns(self, member: object) -> bool:
        return self.audience is None or self.audience(member)


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def get(name: str) -> Kind:
    try:
        return _kinds[name]
    except KeyError:
        raise LookupError(f"no notification kind {name!r} is registered") from None


def registered() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.name))
