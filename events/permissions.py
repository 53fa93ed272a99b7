"""Who may see and do what with events. Views, templates (through the views), services and
the other apps' registrations (comments, likes, activity, notifications) ask here;
docs/permissions.md has the whole matrix."""

from members.permissions import (
    can_contribute,
    is_member,
    is_moderator,
    manages_content_of,
    moderates,
)

from .models import Event, Invitation


def can_create_events(user: object) -> bool:
    return can_contribute(user)


def is_invited(user: object, event: Event) -> bool:
    return is_member(user) and Invitation.objects.filter(event=event, member=user).exists()


def can_view_event(user: object, event: Event) -> bool:
    """Moderators and administrators see every event, its organiser their own; others a
    public event, or one they are invited to, unless it is hidden (Event.objects.visible_to
    says the same for lists)."""
    if manages_content_of(user, event.organiser_id):
        return True
    if event.is_pending:  # waiting for approval: its organiser and the events' moderators
        return moderates(user, "events")
    if is_moderator(user):
        return True
    if event.is_hidden:
        return False
    return event.is_public or is_invited(user, event)


def can_edit_event(user: object, event: Event) -> bool:
    """The organiser and administrators; they also invite."""
    return manages_content_of(user, event.organiser_id)


def can_delete_event(user: object, event: Event) -> bool:
    """The organiser, moderators and administrators."""
    return can_edit_event(user, event) or is_moderator(user)


def can_hide_event(user: object, event: Event) -> bool:
    return is_moderator(user)


def can_invite(user: object, event: Event) -> bool:
    """The organiser and administrators, once the event is approved (if it waited)."""
    return can_edit_event(user, event) and can_contribute(user) and not event.is_pending


def can_rsvp(user: object, event: Event) -> bool:
    """Confirmed members who see the event, until it is over; not on a hidden event."""
    return (
        can_contribute(user)
        and not event.is_hidden
        and not event.is_pending
        and not event.is_over
        and can_view_event(user, event)
    )


def can_approve_event(user: object, event: Event) -> bool:
    """The events' moderators (administrators, the creator) approve or reject an event waiting
    for approval (moderation/: Network.approval_required)."""
    return event.is_pending and moderates(user, "events")
