from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere
from lib.urls import fast_reverse
from members.permissions import is_member, is_moderator

from . import providers

LISTS = "video-lists"


def member_tag(member_id: int) -> str:
    return f"videos-of:{member_id}"


class VideoQuerySet(models.QuerySet["Video"]):
    def shown(self) -> "VideoQuerySet":
        return self.filter(hidden_at=None)

    def visible_to(self, user: object) -> "VideoQuerySet":
        """What `user` may open (permissions.can_view_video for many videos at once)."""
        if is_moderator(user):
            return self.all()
        if is_member(user):
            return self.filter(Q(hidden_at=None) | Q(owner=user))
        return self.shown()

    def for_listing(self) -> "VideoQuerySet":
        return (
            self.select_related("owner")
            .defer("owner__about", "description")
            .order_by("-created_at", "-id")
        )


class Video(FromElsewhere):
    """A video on YouTube, Vimeo or a PeerTube server, shown here in its provider's player."""

    class Provider(models.TextChoices):
        YOUTUBE = providers.YOUTUBE, "YouTube"
        VIMEO = providers.VIMEO, "Vimeo"
        PEERTUBE = providers.PEERTUBE, "PeerTube"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="videos"
    )
    provider = models.CharField(max_length=10, choices=Provider.choices, editable=False)
    # Checked by videos.providers.parse: the player is built from these alone.
    video_id = models.CharField(max_length=64, editable=False)
    host = models.CharField(max_length=253, blank=True, editable=False)
    url = models.CharField(_("address"), max_length=providers.MAX_URL_CHARS)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comments = GenericRelation("comments.Comment")

    objects = VideoQuerySet.as_manager()

    class Meta(FromElsewhere.Meta):
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["hidden_at", "-created_at", "-id"], name="video_listing"),
            models.Index(
                fields=["owner", "hidden_at", "-created_at", "-id"], name="video_owner_listing"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("videos:video", self.pk)

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def embed_url(self) -> str:
        return providers.embed_url(self.provider, self.video_id, self.host)

    @property
    def watch_url(self) -> str:
        return providers.VideoRef(self.provider, self.video_id, self.host).watch_url

    def cache_tags(self) -> list[str]:
        return [f"video:{self.pk}", member_tag(self.owner_id), LISTS]
