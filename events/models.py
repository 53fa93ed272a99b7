"""Events: a gathering with a time, a place and a guest list (issue 10).

Times are stored in UTC (`start_at`, `end_at`). An all-day event also keeps its dates
(`start_date`, `end_date`, both inclusive): its days are the same wherever it is read, and its
`start_at` / `end_at` are the network's midnights around them, so lists and the calendar
order and query every event alike. `end_at` is exclusive.
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.urls import fast_reverse
from lib.validators import validate_web_address
from members.permissions import is_member, is_moderator, moderates

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member

# Everything that lists events (the lists, the calendar, the home page's section, feeds).
EVENTS_TAG = "events"


def event_tag(pk: int) -> str:
    """An event's own page (its details, guest list, comments)."""
    return f"event:{pk}"


class EventQuerySet(models.QuerySet["Event"]):
    def listed(self) -> "EventQuerySet":
        """Public, not hidden, not waiting for approval: what visitors see."""
        return self.filter(privacy=Event.Privacy.PUBLIC, hidden_at=None, pending_at=None)

    def approved(self) -> "EventQuerySet":
        return self.filter(pending_at=None)

    def pending(self) -> "EventQuerySet":
        """Waiting for a moderator's approval (Network.approval_required "events")."""
        return self.exclude(pending_at=None)

    def visible_to(self, user: "Member | AnonymousUser | object") -> "EventQuerySet":
        """What `user` may open (events/permissions.can_view_event, for many at once):
        moderators and administrators everything (waiting for approval: the events'
        moderators); a member the public events, their own and those they are invited to
        (not hidden, not waiting); everyone else the public ones."""
        if is_moderator(user):
            if moderates(user, "events"):
                return self.all()
            return self.filter(Q(pending_at=None) | Q(organiser=user))
        if is_member(user):
            invited = Invitation.objects.filter(member=user).values("event_id")
            return self.filter(
                Q(organiser=user)
                | Q(hidden_at=None, pending_at=None)
                & (Q(privacy=Event.Privacy.PUBLIC) | Q(pk__in=invited))
            )
        return self.listed()

    def upcoming(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Not yet over, soonest first."""
        return self.filter(end_at__gt=now or timezone.now()).order_by("start_at", "id")

    def past(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Over, the latest first."""
        return self.filter(end_at__lte=now or timezone.now()).order_by("-start_at", "-id")

    def between(self, start: dt.datetime, end: dt.datetime) -> "EventQuerySet":
        """Events that take place (some of the time) from `start` to `end`."""
        return self.filter(start_at__lt=end, end_at__gt=start)

    def for_listing(self) -> "EventQuerySet":
        return self.select_related("organiser").defer(
            "description", "description_html", "organiser__about"
        )


class Event(models.Model):
    class Privacy(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can see it")
        INVITED = "invited", _("Invited only: only the members you invite can see it")

    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organised_events",
        verbose_name=_("organiser"),
    )
    # Shown instead of the member's name when given ("The Class of 1998 committee").
    organiser_name = models.CharField(_("organised by"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, allow_unicode=True)
    description = models.TextField(
        _("description"), max_length=20_000, blank=True, help_text=_("Markdown")
    )
    description_html = models.TextField(editable=False, blank=True)
    start_at = models.DateTimeField(_("starts"))
    end_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("all day"), default=False)
    start_date = models.DateField(null=True, blank=True, editable=False)
    end_date = models.DateField(null=True, blank=True, editable=False)
    location = models.CharField(_("location"), max_length=300, blank=True)
    website = models.URLField(
        _("website"), max_length=2000, blank=True, validators=[validate_web_address]
    )
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    privacy = models.CharField(
        _("who can see it"), max_length=10, choices=Privacy.choices, default=Privacy.PUBLIC
    )
    attendee_limit = models.PositiveIntegerField(_("attendee limit"), null=True, blank=True)
    # Kept by services.rsvp with a conditional UPDATE: never above attendee_limit.
    attending_count = models.PositiveIntegerField(default=0, editable=False)
    # Kept by comments.services.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comments = GenericRelation("comments.Comment")
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, editable=False)
    # Waiting for a moderator's approval (moderation.approval): only its organiser and the
    # events' moderators see it; no list, activity or notification has it yet.
    pending_at = models.DateTimeField(_("awaiting approval"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start_at", "id"]
        indexes = [
            models.Index(fields=["end_at", "start_at", "id"], name="event_upcoming"),
            # What visitors see (public, not hidden; privacy a column, not the condition: the
            # value is a bound parameter, which a partial index's condition cannot match), by
            # when it ends: the upcoming lists' count and ids read this index alone (SQLite,
            # 2,000 events: the count 0.26 ms instead of 1.4, the ids 0.3 instead of 2.4).
            models.Index(
                fields=["privacy", "end_at", "start_at", "id"],
                condition=Q(hidden_at__isnull=True, pending_at__isnull=True),
                name="event_shown_upcoming",
            ),
            models.Index(fields=["start_at", "id"], name="event_start"),
            models.Index(fields=["organiser", "start_at"], name="event_organiser"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=models.F("start_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(attendee_limit__isnull=True)
                | Q(attending_count__lte=models.F("attendee_limit")),
                name="event_attending_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("events:detail", self.pk, self.slug or "event")

    @property
    def is_public(self) -> bool:
        return self.privacy == self.Privacy.PUBLIC

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_pending(self) -> bool:
        return self.pending_at is not None

    @property
    def is_over(self) -> bool:
        return self.end_at <= timezone.now()

    @property
    def is_full(self) -> bool:
        return self.attendee_limit is not None and self.attending_count >= self.attendee_limit

    @property
    def places_left(self) -> int | None:
        if self.attendee_limit is None:
            return None
        return max(self.attendee_limit - self.attending_count, 0)

    @property
    def organiser_label(self) -> str:
        return self.organiser_name or self.organiser.display_name

    def local_days(self, tz: dt.tzinfo) -> tuple[dt.date, dt.date]:
        """The first and last day (inclusive) the event takes place on, in `tz`."""
        if self.all_day and self.start_date and self.end_date:
            return self.start_date, self.end_date
        first = timezone.localtime(self.start_at, tz).date()
        last = timezone.localtime(self.end_at - dt.timedelta(microseconds=1), tz).date()
        return first, max(first, last)

    def cache_tags(self) -> list[str]:
        return [event_tag(self.pk), EVENTS_TAG]


class Rsvp(models.Model):
    class Answer(models.TextChoices):
        ATTENDING = "yes", _("Attending")
        MAYBE = "maybe", _("Maybe")
        NOT_ATTENDING = "no", _("Not attending")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_rsvps"
    )
    answer = models.CharField(max_length=5, choices=Answer.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    # When the reminder went out (services.send_reminders): each RSVP is reminded once.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "member"], name="rsvp_once_per_member")
        ]
        indexes = [
            models.Index(fields=["member", "answer"], name="rsvp_member"),
            models.Index(
                fields=["event", "answer"],
                name="rsvp_to_remind",
                condition=Q(reminded_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.event_id}: {self.answer}"


class Invitation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "member"], name="invitation_once")]
        indexes = [models.Index(fields=["member", "event"], name="invitation_member")]

    def __str__(self) -> str:
        return f"{self.member_id} invited to {self.event_id}"
