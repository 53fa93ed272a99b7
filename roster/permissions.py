"""Who runs the network's members (/manage/members/, badges, hand-over).

The rule, decided here and nowhere else:
- The member list, a member's admin page, the CSV export, roles, badges and removal are the
  administrators' and the creator's. Moderators are not let in: they act on members from the
  moderation queue (moderation/), which suspends and reinstates with the same service.
- Only the creator makes or unmakes administrators (an administrator's role, suspension and
  removal are the creator's to change); nobody changes the creator's role, suspends or removes
  the creator, and nobody acts on themselves here (a member leaves from their own settings).
- The creator alone hands the network over, to an administrator, who alone answers.
"""

from typing import TYPE_CHECKING

from members.models import Member
from members.permissions import is_admin, is_member

if TYPE_CHECKING:
    from .models import HandOver


def can_manage_members(user: object) -> bool:
    """Opens /manage/members/, a member's admin page, the CSV export and /manage/badges/."""
    return is_admin(user)


def can_export_members(user: object) -> bool:
    return is_admin(user)


def can_manage_badges(user: object) -> bool:
    return is_admin(user)


def _may_act_on(user: object, member: Member) -> bool:
    """An administrator's decisions about another member: never the creator, never themselves,
    an administrator only when the creator decides."""
    if not is_admin(user) or member.pk == user.pk or member.is_creator:
        return False
    if member.role == Member.Role.ADMIN and not user.is_creator:
        return False
    return member.origin == Member.Origin.LOCAL and member.left_at is None


def can_change_role(user: object, member: Member, role: str | None = None) -> bool:
    """`role`: the one it would become (None: any). Making an administrator is the creator's;
    nobody makes a second creator here (that is the hand-over)."""
    if not _may_act_on(user, member):
        return False
    if role == Member.Role.CREATOR:
        return False
    if role == Member.Role.ADMIN:
        return is_member(user) and user.is_creator
    return True


def can_suspend(user: object, member: Member) -> bool:
    return _may_act_on(user, member) and member.suspended_at is None


def can_reinstate(user: object, member: Member) -> bool:
    return _may_act_on(user, member) and member.suspended_at is not None


def can_remove(user: object, member: Member) -> bool:
    return _may_act_on(user, member)


def can_set_badges(user: object, member: Member) -> bool:
    """Badges are no power: administrators give them to anyone, themselves included."""
    return is_admin(user) and member.origin == Member.Origin.LOCAL and member.left_at is None


def can_hand_over(user: object) -> bool:
    return is_member(user) and user.is_creator


def can_receive_network(member: Member) -> bool:
    """Whom the creator may hand the network to: an active administrator."""
    return is_member(member) and member.role == Member.Role.ADMIN and member.email_confirmed


def can_answer_hand_over(user: object, hand_over: "HandOver") -> bool:
    return is_member(user) and user.pk == hand_over.to_member_id and hand_over.is_open
