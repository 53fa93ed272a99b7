"""Invitations to join the network, and the bulk sendings that make many of them at once.

An invitation's link carries a signed token (access/tokens.py) holding the invitation's id and
a random nonce whose hash is stored here: resending makes a new nonce, so the old link stops
working; accepting sets `accepted_at`, so a link lets one person in, once.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long an invitation's link works.
INVITATION_DAYS = 14


def _expiry() -> datetime:
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> "InvitationQuerySet":
        """Not accepted, not cancelled, not expired: their links still let someone in."""
        return self.filter(
            accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now()
        )

    def sent_by(self, member_id: int) -> "InvitationQuerySet":
        return self.filter(invited_by_id=member_id)


class InvitationBatch(models.Model):
    """Addresses pasted or uploaded at once: sent by the queue in batches, with progress."""

    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    addresses = models.JSONField(default=list)
    message = models.TextField(blank=True, max_length=1000)
    # How many addresses were looked at so far; of them, how many got an invitation.
    done = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation sending")

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"

    @property
    def total(self) -> int:
        return len(self.addresses)

    @property
    def skipped(self) -> int:
        return self.done - self.sent

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)


class Invitation(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        CANCELLED = "cancelled", _("Cancelled")

    email = models.EmailField(_("email"), max_length=254)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    # The invited_by's name when they sent it, for the list after they leave.
    inviter_name = models.CharField(max_length=150, blank=True)
    # Whether the inviter could let people in without approval (an administrator's invitation).
    by_admin = models.BooleanField(default=False)
    message = models.TextField(_("message"), blank=True, max_length=1000)
    nonce_hash = models.CharField(max_length=64)
    batch = models.ForeignKey(
        InvitationBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_count = models.PositiveSmallIntegerField(default=1)
    expires_at = models.DateTimeField(_("expires"), default=_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="invitation_newest"),
            models.Index(fields=["invited_by", "-created_at", "-id"], name="invitation_by_newest"),
            models.Index(fields=["email"], name="invitation_email"),
        ]

    def __str__(self) -> str:
        return self.email

    def cache_tags(self) -> list[str]:
        return ["invitations"]

    @property
    def state(self) -> "Invitation.State":
        if self.accepted_at is not None:
            return self.State.ACCEPTED
        if self.cancelled_at is not None:
            return self.State.CANCELLED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    @property
    def is_open(self) -> bool:
        return self.state == self.State.PENDING

    def get_state_display(self) -> str:
        return str(self.state.label)
