from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere
from lib.urls import fast_reverse
from members.permissions import is_member, is_moderator, moderates

# Cache tags. "photo-lists": every listing of photos (the network's, the home page's section);
# "photos-of:N": member N's photos and albums; "photo:N": one photo's page; "album:N" an album.
LISTS = "photo-lists"


def member_tag(member_id: int) -> str:
    return f"photos-of:{member_id}"


class Album(FromElsewhere):
    """A member's set of photos; a photo is in at most one album (or none)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="photo_albums"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta(FromElsewhere.Meta):
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at", "-id"], name="album_owner")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("photos:album", self.pk)

    def cache_tags(self) -> list[str]:
        return [f"album:{self.pk}", member_tag(self.owner_id), LISTS]


class PhotoQuerySet(models.QuerySet["Photo"]):
    def shown(self) -> "PhotoQuerySet":
        """Not hidden by a moderator, not waiting for approval: what every listing shows."""
        return self.filter(hidden_at=None, pending_at=None)

    def approved(self) -> "PhotoQuerySet":
        """Not waiting for approval (moderators' lists: hidden ones too, marked so)."""
        return self.filter(pending_at=None)

    def pending(self) -> "PhotoQuerySet":
        """Waiting for a moderator's approval (Network.approval_required "photos")."""
        return self.exclude(pending_at=None)

    def visible_to(self, user: object) -> "PhotoQuerySet":
        """What `user` may open (permissions.can_view_photo for many photos at once)."""
        if is_moderator(user):
            if moderates(user, "photos"):
                return self.all()
            return self.filter(Q(pending_at=None) | Q(owner=user))
        if is_member(user):
            return self.filter(Q(hidden_at=None, pending_at=None) | Q(owner=user))
        return self.shown()

    def for_listing(self) -> "PhotoQuerySet":
        return self.select_related("owner").defer("owner__about").order_by("-created_at", "-id")


class Photo(FromElsewhere):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="photos"
    )
    album = models.ForeignKey(
        Album, on_delete=models.SET_NULL, null=True, blank=True, related_name="photos"
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    # Stored re-encoded (photos.images): no EXIF, turned upright; the original is not kept.
    image = models.FileField(upload_to="photos/large/")
    thumb = models.FileField(upload_to="photos/thumbs/")
    # The large size's, written by services.add_photos (the page's <img> sizes).
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Hidden by a moderator: only the owner, moderators and administrators still see it.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, editable=False)
    # Waiting for a moderator's approval (moderation.approval): only its owner and the
    # photos' moderators see it; no list or activity has it yet.
    pending_at = models.DateTimeField(_("awaiting approval"), null=True, blank=True, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comments = GenericRelation("comments.Comment")

    objects = PhotoQuerySet.as_manager()

    class Meta(FromElsewhere.Meta):
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["hidden_at", "pending_at", "-created_at", "-id"], name="photo_listing"
            ),
            models.Index(
                fields=["owner", "hidden_at", "pending_at", "-created_at", "-id"],
                name="photo_owner_listing",
            ),
            models.Index(
                fields=["album", "hidden_at", "pending_at", "-created_at", "-id"],
                name="photo_album_listing",
            ),
        ]

    def __str__(self) -> str:
        return self.caption or _("Photo %(number)s") % {"number": self.pk}

    @property
    def title(self) -> str:
        """What the activity stream and comment notices call it."""
        return str(self)

    def get_absolute_url(self) -> str:
        return fast_reverse("photos:photo", self.pk)

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_pending(self) -> bool:
        return self.pending_at is not None

    def cache_tags(self) -> list[str]:
        tags = [f"photo:{self.pk}", member_tag(self.owner_id), LISTS]
        if self.album_id is not None:
            tags.append(f"album:{self.album_id}")
        return tags
