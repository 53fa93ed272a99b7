from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere
from lib.urls import fast_reverse
from lib.validators import validate_web_address
from members.permissions import is_admin, is_member, is_moderator, moderates

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member


class Tag(models.Model):
    """A tag is its name up to case, spacing and Unicode normalisation (`key`): "Karachi" and
    "karachi " are one tag, shown with the first spelling; "C++" and "C#" are two, with two
    slugs, however alike they slugify (blogs/services.tag_named)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    key = models.CharField(max_length=100, unique=True, editable=False)
    slug = models.SlugField(max_length=60, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blogs:tag", args=[self.slug])

    def cache_tags(self) -> list[str]:
        return ["posts", "post-lists"]


class PostQuerySet(models.QuerySet["Post"]):
    def published(self) -> "PostQuerySet":
        """Published and not hidden: what every listing and feed shows."""
        return self.filter(status=Post.Status.PUBLISHED, hidden_at=None)

    def visible_to(self, user: "Member | AnonymousUser | object") -> "PostQuerySet":
        """What `user` may open (blogs/permissions.can_view_post, for many posts at once)."""
        if is_admin(user):
            return self.all()
        if is_moderator(user):
            seen = Q(status=Post.Status.PUBLISHED) | Q(author=user)
            if moderates(user, "blogs"):
                seen |= Q(status=Post.Status.PENDING)
            return self.filter(seen)
        if is_member(user):
            return self.filter(Q(status=Post.Status.PUBLISHED, hidden_at=None) | Q(author=user))
        return self.published()

    def for_listing(self) -> "PostQuerySet":
        # Listings show the excerpt, never the body: leave the long columns in the database.
        return (
            self.select_related("author")
            .defer("body", "body_html", "author__about")
            .order_by("-published_at", "-id")
        )


class Post(FromElsewhere):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        # Goes public by itself at published_at (blogs.services.publish_due_posts, run by the
        # scheduler); until then it is a draft to everyone but its author and administrators.
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        # Published by its author on a network that approves blog posts first
        # (Network.approval_required): seen by its author and the blogs' moderators until a
        # moderator approves it (then published) or rejects it (then a draft again).
        PENDING = "pending", _("Awaiting approval")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, allow_unicode=True)
    body = models.TextField(_("body"), max_length=100_000, help_text=_("Markdown"))
    body_html = models.TextField(editable=False)
    excerpt = models.TextField(editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    # Plain defaults, not auto_now: an importer sets the dates its source gave.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    # Hidden by a moderator: only the author, moderators and administrators still see it.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, editable=False)
    # Featured by an administrator: first on the home page, marked in listings.
    featured_at = models.DateTimeField(_("featured"), null=True, blank=True, editable=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    # Kept by comments.services in the same transaction as each comment written or deleted.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comments = GenericRelation("comments.Comment")
    # Views by others than the author, counted in the cache and added here every few minutes
    # (lib/viewcounts.py; blogs.services.flush_post_views).
    view_count = models.PositiveIntegerField(default=0, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta(FromElsewhere.Meta):
        ordering = ["-published_at", "-id"]
        indexes = [
            # hidden_at is in both, so listings read ids from the index alone.
            models.Index(
                fields=["status", "hidden_at", "-published_at", "-id"], name="post_listing"
            ),
            models.Index(
                fields=["author", "status", "hidden_at", "-published_at", "-id"],
                name="post_author_listing",
            ),
            # The home page's featured posts: the few featured rows alone, newest first.
            models.Index(
                fields=["-featured_at", "-id"],
                name="post_featured",
                condition=Q(featured_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("blogs:post", self.pk, self.slug or "post")

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_featured(self) -> bool:
        return self.featured_at is not None

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.SCHEDULED

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def cache_tags(self) -> list[str]:
        """What shows this post: its page (the post, and its comments, whose form and like
        buttons follow its state), its author's blog, the network's listings."""
        return [
            f"post:{self.pk}",
            comments_tag(self.pk),
            f"blog:{self.author_id}",
            "posts",
            "post-lists",
        ]


def comments_tag(pk: int) -> str:
    """Changed by every comment written, hidden or deleted on the post: its page's comments
    depend on it, not the post itself (cached apart, blogs/views.py), which stays as it was."""
    return f"post-comments:{pk}"


def views_tag(pk: int) -> str:
    """Changed when the post's view count is written (at most every few minutes): its page and
    its author's own listing show the count; nothing else does."""
    return f"post-views:{pk}"


class RelatedLink(models.Model):
    """An outside article the post points to, shown as a quoted card under “Related Links”."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="related_links")
    position = models.PositiveSmallIntegerField(default=0)
    url = models.URLField(_("address (URL)"), max_length=2000, validators=[validate_web_address])
    title = models.CharField(_("article title"), max_length=300)
    source = models.CharField(
        _("source / author line"), max_length=300, blank=True,
        help_text=_("e.g. “The Daily Review — by A. Writer”"),
    )  # fmt: skip
    excerpt = models.TextField(_("quoted excerpt"), max_length=5000, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title
