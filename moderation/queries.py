"""What the moderation pages read: the queue of reported things, a member's record, the log."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Max, Q

from members.models import ActionLog, Member
from members.permissions import moderates

from . import permissions, registry
from .models import Report

# Reasons shown per reported thing in the queue (the count says how many there are).
REASONS_SHOWN = 10


@dataclass
class Reported:
    """One reported thing in the queue, with its open reports."""

    kind: registry.Kind
    object_id: int
    count: int
    obj: models.Model | None = None  # None: deleted meanwhile
    reports: list[Report] = field(default_factory=list)
    # Whether the moderator looking may suspend its author (not an administrator's, say).
    may_suspend: bool = False

    @property
    def title(self) -> str:
        return self.kind.title(self.obj) if self.obj is not None else ""

    @property
    def url(self) -> str:
        return self.kind.url(self.obj) if self.obj is not None else ""

    @property
    def author(self) -> Member | None:
        return self.kind.author_of(self.obj) if self.obj is not None else None

    @property
    def is_hidden(self) -> bool:
        return self.obj is not None and self.kind.is_hidden(self.obj)

    @property
    def may_hide(self) -> bool:
        return self.obj is not None and self.kind.hide is not None and not self.is_hidden

    @property
    def may_delete(self) -> bool:
        return self.obj is not None and self.kind.delete is not None

    @property
    def may_warn(self) -> bool:
        author = self.author
        return author is not None and author.is_active

    @property
    def is_member(self) -> bool:
        return not self.kind.author

    @property
    def reporters(self) -> list[Member]:
        seen: dict[int, Member] = {}
        for r in self.reports:
            seen.setdefault(r.reporter_id, r.reporter)
        return list(seen.values())


def _content_types(kinds: list[registry.Kind]) -> dict[int, registry.Kind]:
    types = ContentType.objects.get_for_models(*[k.model for k in kinds])
    return {types[k.model].pk: k for k in kinds}


def moderated_kinds(user: object) -> dict[int, registry.Kind]:
    """The registered kinds `user` moderates, by content type id."""
    return _content_types([k for k in registry.kinds() if permissions.can_moderate(user, k)])


def queue_groups(user: object) -> "models.QuerySet[Any, Any]":
    """The open reports `user` may act on, one row per reported thing, most recent first."""
    return (
        Report.objects.open()
        .filter(content_type_id__in=list(moderated_kinds(user)))
        .values("content_type_id", "object_id")
        .annotate(count=Count("id"), latest=Max("created_at"))
        .order_by("-latest", "-object_id")
    )


def reported_things(user: object, groups: list[dict[str, object]]) -> list[Reported]:
    """A page of `queue_groups` with their reports, reporters and the things themselves
    (a query for the reports and one per kind on the page)."""
    kinds = moderated_kinds(user)
    items = [
        Reported(
            kind=kinds[int(str(g["content_type_id"]))],
            object_id=int(str(g["object_id"])),
            count=int(str(g["count"])),
        )
        for g in groups
    ]
    if not items:
        return []
    wanted = Q()
    for g in groups:
        wanted |= Q(content_type_id=g["content_type_id"], object_id=g["object_id"])
    by_thing: dict[tuple[int, int], list[Report]] = defaultdict(list)
    for r in Report.objects.open().filter(wanted).select_related("reporter"):
        by_thing[(r.content_type_id, r.object_id)].append(r)
    pks_by_kind: dict[str, list[int]] = defaultdict(list)
    for item in items:
        pks_by_kind[item.kind.key].append(item.object_id)
    by_key = {k.key: k for k in kinds.values()}
    rows = {key: by_key[key].fetch(pks) for key, pks in pks_by_kind.items()}
    types = {k.key: ct for ct, k in kinds.items()}
    for item in items:
        item.obj = rows[item.kind.key].get(item.object_id)
        item.reports = by_thing[(types[item.kind.key], item.object_id)][:REASONS_SHOWN]
        author = item.author
        item.may_suspend = (
            author is not None and author.is_active and permissions.can_suspend(user, author)
        )
    return items


def reports_about(member: Member) -> "models.QuerySet[Report]":
    """Reports of the member and of what they wrote (the kinds registered), newest first."""
    kinds = registry.kinds()
    types = _content_types(kinds)
    about = Q()
    for ct, kind in types.items():
        if not kind.author:
            about |= Q(content_type_id=ct, object_id=member.pk)
        else:
            pks = kind.model._default_manager.filter(**{kind.author: member}).values("pk")
            about |= Q(content_type_id=ct, object_id__in=pks)
    return Report.objects.filter(about).select_related("reporter", "resolved_by")


def history_of(member: Member) -> "models.QuerySet[ActionLog]":
    """What moderators and administrators did to the member (the log's entries about them)."""
    member_type = ContentType.objects.get_for_model(Member)
    return ActionLog.objects.filter(target_type=member_type, target_id=member.pk).order_by(
        "-created_at", "-id"
    )


def moderators_of(feature: str) -> list[Member]:
    """Who moderates `feature`: the creator, administrators, and moderators whose scope
    includes it."""
    people = Member.objects.local().filter(
        is_active=True,
        role__in=[Member.Role.CREATOR, Member.Role.ADMIN, Member.Role.MODERATOR],
    )
    return [m for m in people if moderates(m, feature)]
