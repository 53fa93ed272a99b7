"""Reports of content and members, and moderators' private notes about members.

What moderators did is not kept here but in the network's one log of actions
(members.models.ActionLog, written through members.actionlog.record)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REASON_CHARS = 500
NOTE_CHARS = 2000


class ReportQuerySet(models.QuerySet["Report"]):
    def open(self) -> "ReportQuerySet":
        return self.filter(resolved_at=None)


class Report(models.Model):
    """A member's report of something (a post, a comment, a member…) with their reason; open
    until a moderator acts on the thing (hide, delete, warn, suspend) or dismisses it, which
    resolves every open report of it at once."""

    class Resolution(models.TextChoices):
        HIDDEN = "hidden", _("Hidden")
        DELETED = "deleted", _("Deleted")
        DISMISSED = "dismissed", _("Dismissed")
        WARNED = "warned", _("Author warned")
        SUSPENDED = "suspended", _("Author suspended")
        GONE = "gone", _("Deleted elsewhere")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    reason = models.TextField(_("reason"), max_length=REASON_CHARS)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    resolution = models.CharField(max_length=20, choices=Resolution.choices, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open report per reporter and thing: a second is refused, kindly.
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                condition=Q(resolved_at=None),
                name="moderation_one_open_report",
            )
        ]
        indexes = [
            # The queue: open reports, grouped by what they are about.
            models.Index(
                fields=["resolved_at", "content_type", "object_id", "-created_at"],
                name="report_queue",
            ),
            models.Index(fields=["content_type", "object_id"], name="report_target"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} by {self.reporter_id}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class MemberNote(models.Model):
    """A moderator's private note about a member: read by moderators and administrators
    only, never by the member."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_name = models.CharField(max_length=150, editable=False)
    body = models.TextField(_("note"), max_length=NOTE_CHARS)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["member", "-created_at", "-id"], name="membernote_list")]

    def __str__(self) -> str:
        return f"note on {self.member_id}"
