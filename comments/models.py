from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere

MAX_COMMENT_CHARS = 5000


class Comment(FromElsewhere):
    """A member's comment on any commentable thing (a blog post, a member's wall; photos,
    events later), or a reply to one: replies are one level deep, under a top-level comment."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # The top-level comment this one answers (None: a comment of its own). A reply to a reply
    # is stored under the same top-level comment (services.add_comment); deleting a comment
    # deletes its replies (services.delete_comment keeps the counts).
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies",
        editable=False,
    )  # fmt: skip
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_CHARS)
    # What the page shows, made once when the comment is written (lib.markup.render_plain_text).
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Hidden by a moderator: left out of the page and the count, kept for moderators.
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Waiting for a moderator's approval (services.approval_needed): shown to its author and
    # the comments' moderators only, not counted, told to nobody until approved.
    pending_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(FromElsewhere.Meta):
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at"], name="comment_thread"),
            # The approval queue (moderation): the few comments waiting.
            models.Index(
                fields=["pending_at"],
                name="comment_pending",
                condition=models.Q(pending_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_pending(self) -> bool:
        return self.pending_at is not None

    def cache_tags(self) -> list[str]:
        from .registry import for_target

        target = self.target
        return for_target(target).cache_tags(target) if target is not None else ["everything"]
