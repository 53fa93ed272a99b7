"""Every write of videos: one function each, checking who may do it."""

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import Comment
from lib import events
from lib.cachetags import invalidate
from likes.services import forget as forget_likes
from members.models import Member
from tags.services import set_tags

from . import permissions, providers
from .models import Video

ADDED = "videos.added"
DELETED = "videos.deleted"
HIDDEN = "videos.hidden"
SHOWN = "videos.shown"


@transaction.atomic
def save_video(
    video: Video,
    *,
    by: Member,
    url: str,
    title: str,
    description: str,
    tags: Sequence[str] | None = None,
) -> Video:
    """Adds a video of `by` from its address, or changes one `by` may edit (and, unless None,
    its tags). The address is parsed again here (providers.parse): only its provider, id and
    host make the player."""
    new = video.pk is None
    if new:
        if not permissions.can_add_videos(by):
            raise PermissionDenied(_("Please confirm your email before you add videos."))
        video.owner = by
    elif not permissions.can_edit_video(by, video):
        raise PermissionDenied(_("Only the owner or an administrator can change this video."))
    ref = providers.parse(url)
    video.provider, video.video_id, video.host = ref.provider, ref.video_id, ref.host
    video.url = url.strip()
    video.title = title.strip()
    video.description = description.strip()
    video.save()
    if tags is not None:
        set_tags(video, tags)
    invalidate(*video.cache_tags())
    if new:
        events.publish(ADDED, actor=by, target=video)
    return video


@transaction.atomic
def delete_video(video: Video, *, by: Member | None = None) -> None:
    if by is not None and not permissions.can_delete_video(by, video):
        raise PermissionDenied(_("You cannot delete this video."))
    invalidate(*video.cache_tags())
    _forget_likes_of([video.pk])
    events.publish(DELETED, actor=by, target=video)
    video.delete()


@transaction.atomic
def set_hidden(video: Video, hidden: bool, *, by: Member) -> None:
    if not permissions.can_hide_video(by, video):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    if video.is_hidden == hidden:
        return
    video.hidden_at = timezone.now() if hidden else None
    video.save(update_fields=["hidden_at"])
    invalidate(*video.cache_tags())
    events.publish(HIDDEN if hidden else SHOWN, actor=by, target=video)


def _forget_likes_of(pks: list[int]) -> None:
    forget_likes(Video, pks)
    on_them = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Video), object_id__in=pks
    )
    forget_likes(Comment, on_them.values_list("pk", flat=True))


def forget_likes_of_videos_by(member: Member) -> None:
    """A removal step (members.removal): the member's videos go with them (a cascade), and
    the likes of them and of their comments first."""
    _forget_likes_of(list(Video.objects.filter(owner=member).values_list("pk", flat=True)))
