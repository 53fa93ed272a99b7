from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lib.urls import fast_reverse

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)
    slug = models.SlugField(max_length=60, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blogs:tag", args=[self.slug])


class PostQuerySet(models.QuerySet["Post"]):
    def published(self) -> "PostQuerySet":
        return self.filter(status=Post.Status.PUBLISHED)

    def visible_to(self, user: "Member | AnonymousUser") -> "PostQuerySet":
        """Published posts, plus the user's own drafts; administrators see every draft."""
        if not user.is_authenticated:
            return self.published()
        if user.is_network_admin:
            return self.all()
        return self.filter(Q(status=Post.Status.PUBLISHED) | Q(author=user))

    def for_listing(self) -> "PostQuerySet":
        # Listings show the excerpt, never the body: leave the long columns in the database.
        return (
            self.select_related("author")
            .defer("body", "body_html", "author__about")
            .order_by("-published_at", "-id")
        )


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    # Kept by comments.services in the same transaction as each comment written or deleted.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comments = GenericRelation("comments.Comment")

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="post_listing"),
            models.Index(
                fields=["author", "status", "-published_at", "-id"], name="post_author_listing"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("blogs:post", self.pk, self.slug or "post")

    def get_comment_url(self) -> str:
        return reverse("blogs:comment", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class RelatedLink(models.Model):
    """An outside article the post points to, shown as a quoted card under “Related Links”."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="related_links")
    position = models.PositiveSmallIntegerField(default=0)
    url = models.URLField(_("address (URL)"), max_length=2000)
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
