"""Who may read and write messages. docs/permissions.md has the whole matrix.

Reading one's messages, archiving and deleting them for oneself only ever concern oneself:
every signed-in member may, confirmed or not. Writing is writing, as for posts and comments:
confirmed members only. Whom they may write to is decided with the database at hand
(services.py): listed members (not suspended, of this network), not themselves, and nobody
either of them blocked. A thread is seen only by the members in it: for anyone else it does
not exist (404).

Broadcasts (a message to every member) are the creator's, and administrators' when the creator
allows it (Policy, on /manage/messages/); only the creator changes that.
"""

from members.models import Member
from members.permissions import can_contribute, is_admin, is_member

from .models import Participant, Policy, Thread


def can_read_messages(user: object) -> bool:
    return is_member(user)


def can_write_messages(user: object) -> bool:
    return can_contribute(user)


def is_reachable(member: Member) -> bool:
    """A member messages can go to: this network's, not suspended (the directory's listed())."""
    return member.is_active and member.origin == Member.Origin.LOCAL


def can_view_thread(user: object, participant: Participant | None) -> bool:
    """`participant`: the user's own row of the thread, if they have one."""
    return (
        is_member(user)
        and participant is not None
        and participant.member_id == user.pk
        and not participant.hidden
    )


def can_reply(user: object, thread: Thread, participant: Participant | None) -> bool:
    """Nobody replies to a broadcast: they write to its sender."""
    return (
        can_view_thread(user, participant)
        and can_write_messages(user)
        and thread.kind == Thread.Kind.PRIVATE
    )


def can_broadcast(user: object, policy: Policy | None = None) -> bool:
    if not can_contribute(user):
        return False
    if user.is_creator:
        return True
    return is_admin(user) and (policy or Policy.current()).admins_may_broadcast


def can_manage_messaging(user: object) -> bool:
    """The broadcast setting is the creator's to give."""
    return is_member(user) and user.is_creator
