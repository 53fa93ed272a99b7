"""Per-feature approval (Network.approval_required): new content of a feature the network
approves first waits, seen by its author and the feature's moderators only, until a moderator
approves or rejects it (moderation/views.py's approval queue).

A content app asks `needed(author, feature, text)` where it would publish, keeps the item
pending instead (its own status or `pending_at`, left out by its QuerySet privacy), publishes
no event (no activity, notification or count) but calls `submitted(obj)`, and registers
`pending`, `approve` and `reject` with moderation.registry. Blog posts (a rejected one is its
author's draft again), forum discussions, photos and events (a rejected one is deleted) do;
comments, which sit below moderation, ask through comments.services.approval_needed, set by
moderation/plugins.py.
"""

import datetime as dt
import re

from django.db import models
from django.urls import reverse
from django.utils import timezone

from members.models import Member
from members.permissions import moderates
from network.services import current_network
from notifications.services import About, notify

from . import queries, registry

PENDING_KIND = "moderation-pending"
REJECTED_KIND = "moderation-rejected"
# The features whose new content can wait for approval (Network.approval_required).
FEATURES = ("blogs", "forum", "comments", "photos", "events")


def required(feature: str) -> bool:
    """Whether the network approves new content of `feature` first."""
    network = current_network()
    return network is not None and feature in (network.approval_required or [])


def needed(author: Member, feature: str = "blogs", text: str = "") -> bool:
    """Whether `author`'s new content of `feature` (saying `text`) waits for approval: the
    network asks for it, or holds new members' links (Network.hold_new_members_links) and this
    is a new member's text with a link in it; never for who moderates the feature."""
    if moderates(author, feature):
        return False
    return required(feature) or (bool(text) and holds_links_of(author) and has_link(text))


# A member is new for this many days after joining: their links wait (hold_new_members_links).
NEW_MEMBER_DAYS = 7
_LINK = re.compile(r"https?://|www\.|\]\(", re.IGNORECASE)


def has_link(text: str) -> bool:
    """An address or a Markdown link in `text`."""
    return _LINK.search(text) is not None


def holds_links_of(author: Member) -> bool:
    """The network holds new members' links, and `author` joined less than NEW_MEMBER_DAYS
    ago."""
    network = current_network()
    if network is None or not network.hold_new_members_links:
        return False
    return author.date_joined > timezone.now() - dt.timedelta(days=NEW_MEMBER_DAYS)


def submitted(obj: models.Model) -> None:
    """Tells the feature's moderators something waits (one notification gathering them until
    they look)."""
    kind = registry.kind_of(obj)
    if kind is None:
        return
    notify(
        PENDING_KIND,
        queries.moderators_of(kind.feature),
        actor=kind.author_of(obj),
        about=About(target=None, url=reverse("moderation:pending"), title=kind.title(obj)),
        group_key="moderation-pending",
    )
