"""Who may see and change notifications. docs/permissions.md has the whole matrix.

A member's notifications and their choices of delivery are theirs alone: no role, the
creator's included, reads another member's. Unconfirmed members have them too (someone may
ask them to be friends before they open their email), but get no emails until they confirm.
The unsubscribe link in an email needs no session: its signature is the permission
(emails.py).
"""

from members.models import Member
from members.permissions import is_member

from .models import Notification


def can_have_notifications(user: object) -> bool:
    """See the bell, the list and the settings page."""
    return is_member(user)


def can_view_notification(user: object, notification: Notification) -> bool:
    """Open it and mark it read."""
    return is_member(user) and notification.recipient_id == user.pk


def may_be_notified(member: Member) -> bool:
    """A member of this network who is not suspended (accounts of other servers never)."""
    return member.is_active and member.origin == Member.Origin.LOCAL


def may_be_emailed(member: Member) -> bool:
    """Emails go only to addresses their owner confirmed."""
    return may_be_notified(member) and member.email_confirmed and bool(member.email)
