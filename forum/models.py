"""The forum: categories set up by administrators, discussions started by members in them,
their attachments, and who follows each discussion.

Replies are comments (comments.registry, kind "discussion"): the reply count is the
discussion's `comment_count`, kept by comments.services; `last_reply_at` / `last_reply_by` are
kept by this app's handlers of the comments events (handlers.py), so that every list shows
the last reply from the row itself.

A discussion lives either in a category (the network's forum) or in a group (its own
discussions: `group`, no category). A private group's discussions are its readers' only
(groups.queries.in_readable_groups in DiscussionQuerySet.visible_to, and
groups.permissions.can_view_group_content in permissions.can_view_discussion); the network-wide
lists (latest activity, "my discussions") show a group's discussions to those who read the group,
with its name; the home page's section and the feeds only those outside groups or in public ones.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import features
from groups.queries import in_readable_groups
from lib.models import FromElsewhere
from lib.urls import fast_reverse
from members.permissions import is_member, is_moderator, moderates
from network.services import current_network

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member

# Every forum list (the index, a category, latest activity, "my discussions", the home and
# member page sections) shows titles, reply counts and last replies: one tag for them all.
LISTS_TAG = "forum"
# A category's position is a number administrators choose to order the list: bounded the same
# on every database (PostgreSQL's integer has a range, SQLite's has none), and far below it.
MAX_CATEGORY_POSITION = 9999


def discussion_tag(pk: int) -> str:
    """The discussion's own page (its body, attachments, state and reply list)."""
    return f"discussion:{pk}"


class Category(FromElsewhere):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address"), max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    # Lower first; administrators set it.
    position = models.PositiveIntegerField(
        _("position"), default=0, validators=[MaxValueValidator(MAX_CATEGORY_POSITION)]
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # Kept by forum.services: the discussions everyone sees (not hidden), and the one most
    # recently active, so the index reads one row per category.
    discussion_count = models.PositiveIntegerField(default=0, editable=False)
    last_discussion = models.ForeignKey(
        "Discussion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta(FromElsewhere.Meta):
        ordering = ["position", "name", "id"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("forum:category", self.slug)

    def cache_tags(self) -> list[str]:
        return [LISTS_TAG]


def groups_on() -> bool:
    """Whether the network has its groups (features): switched off, a group's discussions
    are nobody's to read at /forum/ and in no list, as the groups themselves."""
    return features.is_on(current_network(), "groups")


def in_groups_read_by(user: object) -> Q:
    """Discussions outside groups, or in a group whose content `user` reads (while the
    network has groups)."""
    return in_readable_groups(user) if groups_on() else Q(group__isnull=True)


class DiscussionQuerySet(models.QuerySet["Discussion"]):
    def shown(self) -> "DiscussionQuerySet":
        """What every list shows: not hidden by a moderator, not waiting for approval."""
        return self.filter(hidden_at=None, pending_at=None)

    def approved(self) -> "DiscussionQuerySet":
        """Not waiting for approval (moderators' lists: hidden ones too, marked so)."""
        return self.filter(pending_at=None)

    def pending(self) -> "DiscussionQuerySet":
        """Waiting for a moderator's approval (Network.approval_required "forum")."""
        return self.exclude(pending_at=None)

    def visible_to(self, user: "Member | AnonymousUser | object") -> "DiscussionQuerySet":
        """What `user` may open (permissions.can_view_discussion, for many at once): not
        hidden (or theirs, or they moderate), not waiting for approval (or theirs, or they
        moderate the forum), and outside groups or in a group whose content they read."""
        readable = self.filter(in_groups_read_by(user))
        if is_moderator(user):
            if moderates(user, "forum"):
                return readable
            return readable.filter(Q(pending_at=None) | Q(author=user))
        if is_member(user):
            return readable.filter(Q(hidden_at=None, pending_at=None) | Q(author=user))
        return readable.shown()

    def for_everyone(self) -> "DiscussionQuerySet":
        """What a visitor reads: the same for every viewer (the home page's cached section,
        the feeds) — not hidden, outside groups or in a public group."""
        return self.shown().filter(in_groups_read_by(None))

    def for_listing(self) -> "DiscussionQuerySet":
        return self.select_related("author", "last_reply_by", "category", "group").defer(
            "body",
            "body_html",
            "author__about",
            "last_reply_by__about",
            "group__description",
            "group__description_html",
        )

    def by_activity(self) -> "DiscussionQuerySet":
        return self.order_by("-last_activity_at", "-id")

    def pinned_first(self) -> "DiscussionQuerySet":
        return self.order_by("-pinned", "-last_activity_at", "-id")


class Discussion(FromElsewhere):
    # In the network's forum: a category. In a group: the group, and no category (the group's
    # own list is where it is found; category counts are of the forum's discussions only).
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="discussions",
        verbose_name=_("category"),
    )
    # Deleting a group deletes its discussions: forum.handlers hears `groups.deleted` first
    # and deletes each through services.delete_discussion (replies, files, likes, notices).
    group = models.ForeignKey(
        "groups.Group",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("group"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_discussions"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, allow_unicode=True)
    body = models.TextField(_("body"), max_length=50_000, help_text=_("Markdown"))
    body_html = models.TextField(editable=False)
    excerpt = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    # The latest reply shown (None: no reply yet), and when the discussion last moved: its
    # start or its latest reply (what the lists order by).
    last_reply_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_reply_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    last_activity_at = models.DateTimeField(default=timezone.now, editable=False)
    # Kept by comments.services: replies shown (hidden ones not).
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comments = GenericRelation("comments.Comment")
    # Moderators pin a discussion at the top of its category, and close it to new replies.
    pinned = models.BooleanField(_("pinned"), default=False, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # Hidden by a moderator: only its author, moderators and administrators still see it.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, editable=False)
    # Waiting for a moderator's approval (moderation.approval): only its author and the
    # forum's moderators see it; no list, count, activity or notification has it yet.
    pending_at = models.DateTimeField(_("awaiting approval"), null=True, blank=True, editable=False)

    objects = DiscussionQuerySet.as_manager()

    class Meta(FromElsewhere.Meta):
        ordering = ["-last_activity_at", "-id"]
        indexes = [
            models.Index(
                fields=[
                    "category",
                    "hidden_at",
                    "pending_at",
                    "-pinned",
                    "-last_activity_at",
                    "-id",
                ],
                name="discussion_category",
            ),
            models.Index(
                fields=["hidden_at", "pending_at", "-last_activity_at", "-id"],
                name="discussion_latest",
            ),
            models.Index(
                fields=["author", "hidden_at", "pending_at", "-last_activity_at", "-id"],
                name="discussion_author",
            ),
            models.Index(
                fields=["group", "hidden_at", "pending_at", "-pinned", "-last_activity_at", "-id"],
                name="discussion_group",
            ),
        ]
        constraints = [
            *FromElsewhere.Meta.constraints,
            # A category's or a group's, never both, never neither.
            models.CheckConstraint(
                condition=Q(category__isnull=False, group__isnull=True)
                | Q(category__isnull=True, group__isnull=False),
                name="discussion_in_category_or_group",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("forum:discussion", self.pk, self.slug or "discussion")

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_pending(self) -> bool:
        return self.pending_at is not None

    def cache_tags(self) -> list[str]:
        return [discussion_tag(self.pk), LISTS_TAG]


def attachment_path(attachment: "Attachment", filename: str) -> str:
    # Our own name, never the member's: the original name is kept in `name` for downloads.
    return f"forum/attachments/{timezone.now():%Y/%m}/{attachment.token}.{attachment.extension}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Picture")
        DOCUMENT = "document", _("Document")

    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    # The name it was uploaded under (shown and offered when downloading), cleaned.
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    token = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("forum:attachment", self.pk, self.token)

    @property
    def is_image(self) -> bool:
        return self.kind == self.Kind.IMAGE


class Follow(models.Model):
    """A member follows a discussion: they are told of its new replies."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows"
    )
    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "discussion"], name="forum_follow_once")
        ]
        indexes = [models.Index(fields=["discussion", "member"], name="forum_followers")]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.discussion_id}"
