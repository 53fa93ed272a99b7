"""Moderation's writes: suspending and reinstating members, reports and what moderators do
with them. Every function checks `by` (moderation/permissions.py), records the action in the
network's log (members.actionlog) and invalidates what changed."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.cachetags import EVERYTHING, invalidate
from members import actionlog
from members.models import Member
from members.services import end_sessions_task

from . import permissions, registry

# A suspension "with their content" deletes this many rows inside the request; more are
# deleted by a queued task (each row through its app's delete service, which is not cheap).
DELETE_AT_ONCE = 50


def _refuse_suspension(by: Member, member: Member) -> None:
    if member.is_creator:
        raise PermissionDenied(_("Nobody can suspend the network's creator."))
    if member.pk == by.pk:
        raise PermissionDenied(_("You cannot suspend yourself."))
    if member.role == Member.Role.ADMIN and not by.is_creator:
        raise PermissionDenied(_("Only the network's creator can suspend an administrator."))
    raise PermissionDenied(_("You cannot suspend this member."))


def content_of(member: Member) -> list[tuple[registry.Kind, list[int]]]:
    """The member's rows of every registered kind that goes with its author, comments last
    (a post deleted first takes the comments on it along)."""
    found = []
    for kind in sorted(registry.kinds(), key=lambda k: k.key == "comment"):
        if not kind.author or not kind.goes_with_author or kind.delete is None:
            continue
        pks = list(
            kind.model._default_manager.filter(**{kind.author: member})
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if pks:
            found.append((kind, pks))
    return found


def delete_content_of(member_pk: int) -> int:
    """Deletes what the member wrote (posts, discussions, comments, photos, events, videos),
    each through its app's own delete service; returns how many rows went."""
    member = Member.objects.filter(pk=member_pk).first()
    if member is None:
        return 0
    deleted = 0
    for kind, pks in content_of(member):
        assert kind.delete is not None
        for pk in pks:
            with transaction.atomic():
                obj = kind.get(pk)  # gone with something deleted before (a reply, a post)
                if obj is not None:
                    kind.delete(obj, None)
                    deleted += 1
    invalidate(EVERYTHING)
    return deleted


@task
def delete_content_task(member_pk: int) -> None:
    delete_content_of(member_pk)


@transaction.atomic
def suspend(member: Member, *, by: Member, reason: str, delete_content: bool = False) -> None:
    """Suspends the member: they are signed out at their next request (their stored sessions
    are ended too), cannot sign in, take part or be listed, until reinstated. With
    `delete_content`, what they wrote goes (in a queued task when there is much of it).

    Refused (PermissionDenied, its message for the page): the creator; an administrator unless
    `by` is the creator; anyone `by` may not suspend (permissions.can_suspend)."""
    if not permissions.can_suspend(by, member):
        _refuse_suspension(by, member)
    member.is_active = False
    member.suspended_at = timezone.now()
    member.save(update_fields=["is_active", "suspended_at"])
    actionlog.record(by, "suspend", member, reason=reason)
    member_pk = member.pk
    transaction.on_commit(lambda: end_sessions_task.enqueue(member_pk))
    invalidate(*member.cache_tags())
    if delete_content:
        actionlog.record(by, "delete-content", member, reason=reason)
        total = sum(len(pks) for _kind, pks in content_of(member))
        if total > DELETE_AT_ONCE:
            transaction.on_commit(lambda: delete_content_task.enqueue(member_pk))
        elif total:
            delete_content_of(member_pk)


@transaction.atomic
def reinstate(member: Member, *, by: Member, reason: str) -> None:
    """Lifts the suspension: the member signs in and takes part again (deleted content stays
    deleted)."""
    if not permissions.can_reinstate(by, member):
        raise PermissionDenied(_("You cannot reinstate this member."))
    member.is_active = True
    member.suspended_at = None
    member.save(update_fields=["is_active", "suspended_at"])
    actionlog.record(by, "reinstate", member, reason=reason)
    invalidate(*member.cache_tags())
