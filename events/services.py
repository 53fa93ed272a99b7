"""Every write of events: one function per write, each checking who may do it (a `by`
argument), writing in one transaction and naming the cache tags it changes."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lib import events as bus
from lib.cachetags import invalidate
from lib.markup import html_to_text, render_markdown, truncate_words
from lib.pictures import reencoded
from likes.services import forget as forget_likes
from members.models import Member
from members.timezones import zone_of
from moderation import approval
from network.services import current_network
from notifications import services as notifications
from tags.services import set_tags

from . import permissions, when
from .models import EVENTS_TAG, Event, Invitation, Rsvp, event_tag

IMAGE_SIZE = 1200
MAX_INVITES = 50
# Reminders go to who answered "attending" or "maybe" for events starting within this.
REMIND_AHEAD = dt.timedelta(hours=24)
REMIND_EVERY = dt.timedelta(minutes=15)
REMINDERS_PER_RUN = 2000


class EventFull(ValidationError):
    """Attending was refused: the event has as many attendees as its organiser allows."""


@dataclass
class EventData:
    title: str
    description: str
    start_at: dt.datetime
    end_at: dt.datetime
    all_day: bool = False
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    location: str = ""
    organiser_name: str = ""
    website: str = ""
    privacy: str = Event.Privacy.PUBLIC
    attendee_limit: int | None = None
    # None: the event's tags stay as they are (tags.services.set_tags).
    tags: list[str] | None = None


def all_day_span(first: dt.date, last: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The network's midnight before `first` and after `last`."""
    start = dt.datetime.combine(first, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start, end


@transaction.atomic
def save_event(
    event: Event,
    data: EventData,
    *,
    by: Member,
    image: UploadedFile[bytes] | None = None,
    remove_image: bool = False,
) -> Event:
    """Writes a new event organised by `by`, or `by`'s edit of one."""
    new = event.pk is None
    if new:
        if not permissions.can_create_events(by):
            raise PermissionDenied(_("Please confirm your email before you add an event."))
        event.organiser = by
    elif not permissions.can_edit_event(by, event):
        raise PermissionDenied(_("Only the organiser or an administrator can change this event."))
    if data.end_at <= data.start_at:
        raise ValidationError(_("The event must end after it starts."))
    if data.attendee_limit is not None and not new and data.attendee_limit < event.attending_count:
        raise ValidationError(
            _("%(n)d members already attend: the limit cannot be lower.")
            % {"n": event.attending_count}
        )
    was_public = not new and event.is_public
    moved = not new and event.start_at != data.start_at
    for name, value in vars(data).items():
        if name != "tags":
            setattr(event, name, value)
    if not data.all_day:
        event.start_date = event.end_date = None
    event.slug = slugify(data.title, allow_unicode=True)[:80] or "event"
    event.description_html = render_markdown(data.description) if data.description else ""
    event.updated_at = timezone.now()
    if remove_image and event.image:
        event.image.delete(save=False)
        event.image = ""
    if image is not None:
        old = event.image.name if event.image else ""
        content, extension = reencoded(image, size=IMAGE_SIZE)
        event.image.save(f"{slugify(data.title)[:40] or 'event'}.{extension}", content, save=False)
        if old:
            storage = event.image.storage
            transaction.on_commit(lambda: storage.delete(old))
    pending = new and approval.needed(by, "events", f"{data.title}\n{data.description}")
    if pending:
        # The network approves events first: the events' moderators decide (moderation/).
        event.pending_at = event.updated_at
    event.save()
    if data.tags is not None:
        set_tags(event, data.tags)
    if moved:
        # A new time: who answered is reminded again before it.
        Rsvp.objects.filter(event=event).update(reminded_at=None)
    invalidate(*event.cache_tags())
    if pending:
        approval.submitted(event)
    elif new:
        bus.publish("events.created", actor=by, target=event)
    elif was_public and not event.is_public:
        # Who saw it in the stream may no longer: its entry and notifications follow.
        notifications.forget_unseeable(event, lambda m: permissions.can_view_event(m, event))
    return event


@transaction.atomic
def approve_event(event: Event, *, by: Member) -> None:
    """A moderator approves an event waiting for approval: it is listed from now on, and told
    as created (activity, notifications)."""
    if not permissions.can_approve_event(by, event):
        raise PermissionDenied(_("Only the events' moderators can approve events."))
    if not Event.objects.filter(pk=event.pk).exclude(pending_at=None).update(pending_at=None):
        return  # approved meanwhile
    event.pending_at = None
    invalidate(*event.cache_tags())
    bus.publish("events.created", actor=event.organiser, target=event)


@transaction.atomic
def reject_event(event: Event, *, by: Member) -> None:
    """A moderator rejects an event waiting for approval: it is deleted (the organiser is
    told why by moderation.services.reject)."""
    if not permissions.can_approve_event(by, event):
        raise PermissionDenied(_("Only the events' moderators can reject events."))
    delete_event(event)


@transaction.atomic
def delete_event(event: Event, *, by: Member | None = None) -> None:
    """Deletes the event, its comments, answers and invitations."""
    if by is not None and not permissions.can_delete_event(by, event):
        raise PermissionDenied(_("You cannot delete this event."))
    invalidate(*event.cache_tags())
    bus.publish("events.deleted", actor=by, target=event)
    _forget(event)
    image = event.image.name if event.image else ""
    if image:
        storage = event.image.storage
        transaction.on_commit(lambda: storage.delete(image))
    event.delete()


def _forget(event: Event) -> None:
    from comments.models import Comment

    forget_likes(Event, [event.pk])
    on_it = Comment.objects.filter(
        content_type__app_label="events", content_type__model="event", object_id=event.pk
    )
    forget_likes(Comment, on_it.values_list("pk", flat=True))
    notifications.forget_about(event)


@transaction.atomic
def set_hidden(event: Event, hidden: bool, *, by: Member) -> None:
    """Hides the event from everyone but its organiser, moderators and administrators, or
    shows it again."""
    if not permissions.can_hide_event(by, event):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    event.hidden_at = timezone.now() if hidden else None
    event.save(update_fields=["hidden_at"])
    invalidate(*event.cache_tags())
    bus.publish("events.hidden" if hidden else "events.shown", actor=by, target=event)


@transaction.atomic
def answer(event: Event, value: str, *, by: Member) -> Rsvp:
    """Saves `by`'s answer (attending, maybe, not attending), or changes it. Attending is
    refused (EventFull) when the event has as many attendees as its limit: the count is
    taken by one conditional UPDATE of the event's row, so two members answering at once
    cannot both take the last place."""
    if not permissions.can_rsvp(by, event):
        raise PermissionDenied(_("You cannot answer for this event."))
    if value not in Rsvp.Answer.values:
        raise ValidationError(_("Please choose attending, maybe or not attending."))
    current = Rsvp.objects.filter(event=event, member=by).first()
    if current is not None and current.answer == value:
        return current
    rows = Event.objects.filter(pk=event.pk)
    if value == Rsvp.Answer.ATTENDING:
        has_room = Q(attendee_limit__isnull=True) | Q(attending_count__lt=F("attendee_limit"))
        if not rows.filter(has_room).update(attending_count=F("attending_count") + 1):
            raise EventFull(
                _(
                    "Sorry, this event is full: all %(n)d places are taken. "
                    "You can still answer “maybe”."
                )
                % {"n": event.attendee_limit or 0}
            )
    elif current is not None and current.answer == Rsvp.Answer.ATTENDING:
        rows.update(attending_count=F("attending_count") - 1)
    now = timezone.now()
    if current is None:
        current = Rsvp.objects.create(
            event=event, member=by, answer=value, created_at=now, updated_at=now
        )
    else:
        current.answer = value
        current.updated_at = now
        current.save(update_fields=["answer", "updated_at"])
    event.refresh_from_db(fields=["attending_count"])
    invalidate(*event.cache_tags())
    return current


@transaction.atomic
def invite(event: Event, members: Iterable[Member], *, by: Member) -> list[Member]:
    """Invites members to the event (those not yet invited); each is told. Returns them."""
    if not permissions.can_invite(by, event):
        raise PermissionDenied(_("Only the organiser or an administrator can invite."))
    members = [m for m in members if m.pk != event.organiser_id]
    if len(members) > MAX_INVITES:
        raise ValidationError(
            _("At most %(max)d members at a time, please.") % {"max": MAX_INVITES}
        )
    already = set(
        Invitation.objects.filter(event=event, member__in=members).values_list(
            "member_id", flat=True
        )
    )
    fresh = [m for m in members if m.pk not in already]
    Invitation.objects.bulk_create(Invitation(event=event, member=m, invited_by=by) for m in fresh)
    invalidate(*event.cache_tags())
    # The invitation says when in each invitee's own time zone too: one notify per zone.
    by_zone: dict[str, list[Member]] = {}
    for member in fresh:
        by_zone.setdefault(member.time_zone, []).append(member)
    for invitees in by_zone.values():
        notifications.notify(
            "event-invitation",
            invitees,
            actor=by,
            about=notifications.About(
                target=event,
                url=event.get_absolute_url(),
                title=event.title,
                excerpt=_summary(event, invitees[0]),
            ),
            can_view=lambda m: permissions.can_view_event(m, event),
        )
    return fresh


def _network_zone() -> dt.tzinfo:
    network = current_network()
    return when.zone(network.time_zone if network else "UTC")


def _summary(event: Event, member: Member | None = None) -> str:
    """When and where, in the network's time zone; for a `member` who chose another zone,
    in theirs too (all-day events are by date, the same everywhere)."""
    tz = _network_zone()
    text = f"{when.describe(event, tz)} ({when.zone_label(tz)})"
    if event.location:
        text += f" · {event.location}"
    yours = zone_of(member)
    if yours is not None and yours.key != when.zone_label(tz) and not event.all_day:
        text += " · " + _("In your time zone (%(zone)s): %(when)s") % {
            "zone": yours.key,
            "when": when.describe(event, yours),
        }
    return text


def plain_description(event: Event, limit: int = 0) -> str:
    text = html_to_text(event.description_html)
    return truncate_words(text, limit) if limit else text


def send_reminders(now: dt.datetime | None = None) -> int:
    """Reminds who answered "attending" or "maybe" of events that start within a day, once
    per answer (Rsvp.reminded_at); returns how many were reminded. Each member chooses how
    (the "event-reminder" notification kind: by email at once unless they chose otherwise)."""
    now = now or timezone.now()
    due = list(
        Rsvp.objects.filter(
            reminded_at=None,
            answer__in=[Rsvp.Answer.ATTENDING, Rsvp.Answer.MAYBE],
            event__start_at__gt=now,
            event__start_at__lte=now + REMIND_AHEAD,
            event__hidden_at=None,
            event__pending_at=None,
        )
        .select_related("event", "event__organiser", "member")
        .order_by("event__start_at", "pk")[:REMINDERS_PER_RUN]
    )
    sent = 0
    for rsvp in due:
        with transaction.atomic():
            # Claimed first: two runs at once remind each answer once.
            if not Rsvp.objects.filter(pk=rsvp.pk, reminded_at=None).update(reminded_at=now):
                continue
            event = rsvp.event
            notifications.notify(
                "event-reminder",
                [rsvp.member],
                actor=None,
                about=notifications.About(
                    target=event,
                    url=event.get_absolute_url(),
                    title=event.title,
                    excerpt=_summary(event, rsvp.member),
                ),
                can_view=lambda m, event=event: permissions.can_view_event(m, event),  # type: ignore[misc]
            )
            sent += 1
    return sent


@task
def send_reminders_task() -> None:
    send_reminders()


def delete_events_of(member: Member) -> None:
    """A removal step (members.removal): the member's events go with them (a cascade); their
    likes, the likes of their comments and the notifications about them go first; their
    answers to others' events too (forget_answers_of)."""
    for event in Event.objects.filter(organiser=member):
        _forget(event)
    forget_answers_of(member)
    invalidate(EVENTS_TAG)


def forget_answers_of(member: Member) -> None:
    """A removal and leaving step: the member's answers and invitations are theirs, not
    content others read; the events they attended count one attendee fewer."""
    attended = Rsvp.objects.filter(member=member, answer=Rsvp.Answer.ATTENDING)
    events = list(attended.values_list("event_id", flat=True))
    Event.objects.filter(pk__in=events).update(attending_count=F("attending_count") - 1)
    Rsvp.objects.filter(member=member).delete()
    Invitation.objects.filter(member=member).delete()
    invalidate(EVENTS_TAG, *(event_tag(pk) for pk in events))


def event_tags(pk: int) -> list[str]:
    return [event_tag(pk), EVENTS_TAG]
