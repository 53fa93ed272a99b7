"""Private messages: threads, who is in each, their messages; broadcasts to every member.

A **thread** has a subject and its messages in order. Each member in it has a **participant**
row: their own view of the thread — unread count, archived, deleted for themselves (hidden,
and the messages up to `cleared_upto` never shown to them again), whether it is in their inbox
(someone else wrote to them) and in their sent list (they wrote in it), and the time of its
last message, the order of their lists. The lists read the participant rows alone, through a
partial index each.

A **broadcast** is one thread of kind BROADCAST with one message, whose participant rows are
written by the task queue in batches (tasks.py); nobody replies in it (they write to the
sender instead).

Threads and messages may be imported (FromElsewhere); a thread's participants are found again
by the pair (thread, member), which is unique.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere
from lib.urls import fast_reverse

MAX_SUBJECT_CHARS = 150
MAX_BODY_CHARS = 10_000


class ThreadQuerySet(models.QuerySet["Thread"]):
    def visible_to(self, user: object) -> "ThreadQuerySet":
        """Threads `user` is in and has not deleted for themselves; none for visitors."""
        member_id = getattr(user, "pk", None)
        if member_id is None or not getattr(user, "is_active", False):
            return self.none()
        return self.filter(participants__member_id=member_id, participants__hidden=False).distinct()


class Thread(FromElsewhere):
    class Kind(models.TextChoices):
        PRIVATE = "private", _("Private")
        BROADCAST = "broadcast", _("To every member")

    subject = models.CharField(_("subject"), max_length=MAX_SUBJECT_CHARS)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PRIVATE)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)
    # What the lists show of the newest message, kept here so they read no messages.
    last_excerpt = models.CharField(max_length=200, blank=True, default="")

    objects = ThreadQuerySet.as_manager()

    class Meta(FromElsewhere.Meta):
        verbose_name = _("message thread")
        verbose_name_plural = _("message threads")

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return fast_reverse("messaging:thread", self.pk)

    @property
    def is_broadcast(self) -> bool:
        return self.kind == self.Kind.BROADCAST

    def cache_tags(self) -> list[str]:
        return [f"message-thread:{self.pk}"]


class ParticipantQuerySet(models.QuerySet["Participant"]):
    def visible_to(self, user: object) -> "ParticipantQuerySet":
        """`user`'s own rows of threads they have not deleted; none for visitors."""
        member_id = getattr(user, "pk", None)
        if member_id is None or not getattr(user, "is_active", False):
            return self.none()
        return self.filter(member_id=member_id, hidden=False)

    def inbox(self, user: object) -> "ParticipantQuerySet":
        return self.visible_to(user).filter(archived=False, received=True)

    def sent(self, user: object) -> "ParticipantQuerySet":
        return self.visible_to(user).filter(sent=True)

    def archived(self, user: object) -> "ParticipantQuerySet":
        return self.visible_to(user).filter(archived=True)

    def newest_first(self) -> "ParticipantQuerySet":
        return self.order_by("-last_activity_at", "-id")


_LIST = ["member", "-last_activity_at", "-id"]


class Participant(models.Model):
    """One member's place in one thread (see the module)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="participants")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_threads",
        db_index=False,  # the list indexes below start with it
    )
    unread = models.PositiveIntegerField(default=0)
    archived = models.BooleanField(default=False)
    # Deleted for themselves: out of every list until someone writes in the thread again, and
    # then only the messages after `cleared_upto` (a message id) show.
    hidden = models.BooleanField(default=False)
    cleared_upto = models.BigIntegerField(default=0)
    # The newest message id they have seen (the removal step counts unread messages past it).
    read_upto = models.BigIntegerField(default=0)
    received = models.BooleanField(default=False)
    sent = models.BooleanField(default=False)
    last_activity_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(default=timezone.now)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["thread", "member"], name="messaging_one_participant")
        ]
        indexes = [
            models.Index(
                fields=_LIST,
                condition=models.Q(hidden=False, archived=False, received=True),
                name="messaging_inbox",
            ),
            models.Index(
                fields=_LIST, condition=models.Q(hidden=False, sent=True), name="messaging_sent"
            ),
            models.Index(
                fields=_LIST,
                condition=models.Q(hidden=False, archived=True),
                name="messaging_archive",
            ),
            models.Index(
                fields=["member"],
                condition=models.Q(hidden=False, unread__gt=0),
                name="messaging_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} in {self.thread_id}"


class Message(FromElsewhere):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_written"
    )
    body = models.TextField(_("message"), max_length=MAX_BODY_CHARS)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    # A hash of the form's one-time token with what was sent: the same form sent twice (a
    # double click, a resubmission) finds the first message instead of writing a second.
    submission = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta(FromElsewhere.Meta):
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            *FromElsewhere.Meta.constraints,
            models.UniqueConstraint(
                fields=["author", "submission"],
                condition=~models.Q(submission=""),
                name="messaging_one_submission",
            ),
        ]
        # A thread's messages in order, ids read from the index alone.
        indexes = [models.Index(fields=["thread", "id"], name="messaging_thread_order")]

    def __str__(self) -> str:
        return f"{self.author_id} in {self.thread_id}"


class Broadcast(models.Model):
    """A message to every member, delivered by the task queue in batches (tasks.py): members
    with ids up to `upto` (the newest when it was sent), in id order past `cursor`."""

    thread = models.OneToOneField(Thread, on_delete=models.CASCADE, related_name="broadcast")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="broadcasts"
    )
    total = models.PositiveIntegerField(default=0)
    delivered = models.PositiveIntegerField(default=0)
    cursor = models.BigIntegerField(default=0)
    upto = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("broadcast")
        verbose_name_plural = _("broadcasts")
        indexes = [
            models.Index(
                fields=["updated_at"],
                condition=models.Q(finished_at__isnull=True),
                name="messaging_broadcast_running",
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender_id}: {self.delivered}/{self.total}"

    def get_absolute_url(self) -> str:
        return fast_reverse("messaging:broadcast_progress", self.pk)

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.delivered * 100 // self.total)


class Policy(models.Model):
    """The app's one setting, chosen by the creator on /manage/messages/ (one row, pk 1)."""

    admins_may_broadcast = models.BooleanField(
        _("Administrators may send messages to every member"), default=False
    )

    class Meta:
        verbose_name = _("messaging policy")
        verbose_name_plural = _("messaging policy")

    def __str__(self) -> str:
        return "messaging policy"

    @classmethod
    def current(cls) -> "Policy":
        return cls.objects.filter(pk=1).first() or cls(pk=1)
