"""Which rows and files an export takes: the whole network, or one member's own data.

A member's export holds their rows only (MEMBER_ROWS): their account (without the password
hash), profile answers and the questions they answer, posts with their tags and links, their
comments, discussions and their files, events they organise and their answers and invitations,
albums and photos with their files, videos, likes, friendships, friend requests, whom they
blocked, group memberships and the groups they made, notifications and their settings, their
activity, and the conversations they take part in (their own participant row, the threads and
every message in them that they have not deleted for themselves). The people those rows name
(friends, who wrote to them) come as a name and a handle only; nobody else's email, password,
settings or private rows are in it.
"""

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from members.models import Member

from .archive import Part, Selection, all_media, media_storage
from .kinds import exported_models, label_of

type Rows = Callable[[int], Q]


def network_selection() -> Selection:
    """Every kind, every row — capped at each table's highest id when the export starts, so a
    row written meanwhile (a comment on a post already written) is not half in it."""
    parts = []
    for model in exported_models():
        rows = model._base_manager.all()
        top = rows.aggregate(top=models.Max("pk"))["top"]
        if top is not None and isinstance(top, int):
            rows = rows.filter(pk__lte=top)
        parts.append(Part(model, rows))
    return Selection(
        scope="network", parts=parts, media=lambda named: list(all_media(media_storage()))
    )


def _ids(label: str, column: str, **where: Any) -> Any:
    return apps.get_model(label)._base_manager.filter(**where).values(column)


MEMBER_ROWS: dict[str, Rows] = {
    "members.badge": lambda m: Q(pk__in=_ids("members.member_badges", "badge_id", member_id=m)),
    "members.member_badges": lambda m: Q(member_id=m),
    "profiles.question": lambda m: Q(pk__in=_ids("profiles.answer", "question_id", member_id=m)),
    "profiles.answer": lambda m: Q(member_id=m),
    "blogs.post": lambda m: Q(author_id=m),
    "blogs.tag": lambda m: Q(pk__in=_ids("blogs.post_tags", "tag_id", post__author_id=m)),
    "blogs.post_tags": lambda m: Q(post__author_id=m),
    "blogs.relatedlink": lambda m: Q(post__author_id=m),
    "comments.comment": lambda m: Q(author_id=m),
    "walls.wall": lambda m: Q(member_id=m),
    "likes.like": lambda m: Q(member_id=m),
    "friends.friendship": lambda m: Q(low_id=m) | Q(high_id=m),
    "friends.friendrequest": lambda m: Q(from_member_id=m) | Q(to_member_id=m),
    "friends.block": lambda m: Q(blocker_id=m),
    "messaging.thread": lambda m: Q(pk__in=_threads(m)),
    "messaging.participant": lambda m: Q(member_id=m, hidden=False),
    "messaging.message": lambda m: Q(Exists(_reads(m))),
    "photos.album": lambda m: Q(owner_id=m),
    "photos.photo": lambda m: Q(owner_id=m),
    "videos.video": lambda m: Q(owner_id=m),
    "forum.discussion": lambda m: Q(author_id=m),
    "forum.attachment": lambda m: Q(discussion__author_id=m),
    "forum.follow": lambda m: Q(member_id=m),
    "events.event": lambda m: Q(organiser_id=m),
    "events.rsvp": lambda m: Q(member_id=m),
    "events.invitation": lambda m: Q(member_id=m),
    "groups.group": lambda m: Q(creator_id=m),
    "groups.membership": lambda m: Q(member_id=m),
    "notifications.preference": lambda m: Q(member_id=m),
    "notifications.notification": lambda m: Q(recipient_id=m),
    "activity.entry": lambda m: Q(actor_id=m),
}


def _threads(member_id: int) -> Any:
    return _ids("messaging.participant", "thread_id", member_id=member_id, hidden=False)


def _reads(member_id: int) -> Any:
    """The member's place in a message's thread, if they still see the message there (not
    deleted for themselves: a thread cleared shows only what came after)."""
    return apps.get_model("messaging.participant")._base_manager.filter(
        thread_id=OuterRef("thread_id"),
        member_id=member_id,
        hidden=False,
        cleared_upto__lt=OuterRef("pk"),
    )


# What is kept of the other people a member's rows name.
PUBLIC_PERSON = ("id", "display_name", "handle", "date_joined", "origin")


def _people_named(member_id: int) -> set[int]:
    """Friends, those who asked or were asked, whom they blocked, and who wrote in their
    conversations."""
    friendships = apps.get_model("friends.friendship")._base_manager
    requests = apps.get_model("friends.friendrequest")._base_manager
    found: set[int] = set()
    for low, high in friendships.filter(Q(low_id=member_id) | Q(high_id=member_id)).values_list(
        "low_id", "high_id"
    ):
        found |= {low, high}
    for a, b in requests.filter(
        Q(from_member_id=member_id) | Q(to_member_id=member_id)
    ).values_list("from_member_id", "to_member_id"):
        found |= {a, b}
    found |= set(
        _ids("friends.block", "blocked_id", blocker_id=member_id).values_list(
            "blocked_id", flat=True
        )
    )
    messages = apps.get_model("messaging.message")._base_manager
    found |= set(messages.filter(Exists(_reads(member_id))).values_list("author_id", flat=True))
    found.discard(member_id)
    found.discard(None)
    return found


def _blank(field: models.Field[Any, Any]) -> Any:
    if field.null:
        return None
    if field.has_default() and not callable(field.default):
        return field.default
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.IntegerField):
        return 0
    if isinstance(field, models.JSONField):
        return field.get_default()
    return ""


def _member_redact(member_id: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    blanks = {f.attname: _blank(f) for f in Member._meta.concrete_fields}

    def redact(record: dict[str, Any]) -> dict[str, Any]:
        if record["id"] == member_id:
            return {**record, "password": ""}
        return {k: v if k in PUBLIC_PERSON else blanks[k] for k, v in record.items()}

    return redact


def member_selection(member: Member) -> Selection:
    m = member.pk
    parts = [
        Part(
            Member,
            Member._base_manager.filter(Q(pk=m) | Q(pk__in=_people_named(m))),
            _member_redact(m),
        )
    ]
    for model in exported_models():
        rows = MEMBER_ROWS.get(label_of(model))
        if rows is not None:
            parts.append(Part(model, model._base_manager.filter(rows(m))))
    return Selection(
        scope="member",
        parts=parts,
        media=lambda named: sorted(n for n in named if media_storage().exists(n)),
        about={"member_id": m, "member_name": member.display_name},
    )
