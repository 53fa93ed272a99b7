"""Notifications, each member's choices of how to hear of them, and the digests sent.

A notification keeps what its sentence and email need (the target's title and a short excerpt,
copied when it is made), so the list page reads one row per notification and its actor, never
the things they are about. Rows about something that goes away (a deleted post or comment, a
removed member) go with it (handlers.py, services.delete_notifications_of).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.urls import fast_reverse

from .kinds import DIGESTS, Delivery

TITLE_CHARS = 200
EXCERPT_CHARS = 300


class Digest(models.Model):
    """One daily or weekly email sent to a member: at most one per member, frequency and
    period (the day, or the Monday of the week, in the network's time zone)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    frequency = models.CharField(max_length=10, choices=[(d.value, d.label) for d in DIGESTS])
    period = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            # What makes the digest job safe to run twice: the second insert fails.
            models.UniqueConstraint(
                fields=["member", "frequency", "period"], name="notifications_one_digest"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.frequency} {self.period}"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,  # notification_list
    )
    kind = models.CharField(max_length=40)
    # Who did it; for a grouped notification the latest of `actor_count` members.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", null=True
    )
    actor_count = models.PositiveIntegerField(default=1)
    # What it is about (a comment, a post, a message); None for a friend request.
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True)
    # Where that lives (the post a comment is on), so that deleting it takes these too.
    about_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True)
    # Unread notifications of a grouped kind with the same key are one row.
    group_key = models.CharField(max_length=100, blank=True, default="")
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=TITLE_CHARS, blank=True, default="")
    excerpt = models.CharField(max_length=EXCERPT_CHARS, blank=True, default="")
    # The recipient's choice for this kind when it was made: whether an email went, or which
    # digest it waits for.
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.PAGE)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    read_at = models.DateTimeField(null=True, blank=True, editable=False)
    digest = models.ForeignKey(
        Digest, on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications"
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "group_key"],
                condition=Q(read_at__isnull=True) & ~Q(group_key=""),
                name="notifications_one_unread_group",
            )
        ]
        indexes = [
            # The list, newest first: ids read from the index alone.
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list"),
            # The bell's count.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            # What waits for a digest.
            models.Index(
                fields=["delivery", "recipient"],
                condition=Q(digest__isnull=True, read_at__isnull=True, delivery__in=DIGESTS),
                name="notification_digest_due",
            ),
            models.Index(fields=["target_type", "target_id"], name="notification_target"),
            models.Index(fields=["about_type", "about_id"], name="notification_about"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    def get_absolute_url(self) -> str:
        """Opens it: marks it read and goes where it points (views.open_notification)."""
        return fast_reverse("notifications:open", self.pk)

    @property
    def read_url(self) -> str:
        return fast_reverse("notifications:mark_read", self.pk)

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """A member's choice for one kind, where it differs from the kind's default."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        db_index=False,  # notifications_one_preference
    )
    kind = models.CharField(max_length=40)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "kind"], name="notifications_one_preference")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.kind}: {self.delivery}"
