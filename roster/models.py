from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.urls import fast_reverse

# A hand-over not answered in this time lapses.
HAND_OVER_DAYS = 7


def _expiry() -> datetime:
    return timezone.now() + timedelta(days=HAND_OVER_DAYS)


class HandOver(models.Model):
    """The creator asking an administrator to take the network over (roster.services): open
    until the administrator accepts or declines, the creator cancels, or it expires."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    from_member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="+", verbose_name=_("from")
    )
    to_member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="+", verbose_name=_("to")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_expiry)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One question at a time.
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="pending"), name="one_pending_hand_over"
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_member_id} → {self.to_member_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return fast_reverse("roster:hand_over_answer", self.pk)

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.PENDING and self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING and not self.is_expired
