"""Who may report, moderate, suspend and read the log; docs/permissions.md has the matrix.
Built on members.permissions (roles and moderator scopes)."""

from typing import TypeGuard

from django.db import models

from members.models import Member
from members.permissions import can_contribute, is_admin, is_moderator, moderates

from .registry import Kind


def can_report(user: object) -> TypeGuard[Member]:
    """Members who confirmed their email (and are not suspended) report content and members."""
    return can_contribute(user)


def can_report_object(user: object, kind: Kind, obj: models.Model) -> bool:
    """What they see, and not their own (nor themselves)."""
    if not can_report(user):
        return False
    if kind.author_id_of(obj) == user.pk:
        return False
    return kind.can_view(user, obj)


def can_use_queue(user: object) -> bool:
    """Moderators (of any feature), administrators and the creator."""
    return is_moderator(user)


def can_moderate(user: object, kind: Kind) -> bool:
    """Moderators of the kind's feature, administrators and the creator."""
    return moderates(user, kind.feature)


def can_suspend(by: object, member: Member) -> bool:
    """Nobody suspends the creator, nor themselves; only the creator suspends an administrator;
    administrators suspend moderators and members; moderators (of members: an empty scope or
    "members") suspend plain members."""
    if not is_moderator(by) or member.pk == by.pk or member.is_creator:
        return False
    if member.role == Member.Role.ADMIN:
        return by.is_creator
    if member.role == Member.Role.MODERATOR:
        return is_admin(by)
    return moderates(by, "members")


def can_reinstate(by: object, member: Member) -> bool:
    return member.suspended_at is not None and can_suspend(by, member)


def can_see_member_notes(user: object) -> bool:
    """Moderators, administrators and the creator read and write notes about members."""
    return is_moderator(user)


def can_view_log(user: object) -> bool:
    """The moderation log: administrators and the creator."""
    return is_admin(user)
