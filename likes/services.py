"""Liking and unliking anything registered as likeable, and keeping its count.

Each write checks the same permissions the pages check (likes/permissions.py), so a command or
a future API refuses what the page refuses; is idempotent (a double submission or two racing
requests like once: the unique constraint decides); keeps the target's LikeCount in the same
transaction; and refreshes only the cached pages that show the target's count (its
registration's count_tags).
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from lib import events
from lib.cachetags import invalidate
from members.models import Member

from . import buttons, permissions, registry
from .models import Like, LikeCount


def _counted(content_type: ContentType, object_id: int) -> models.QuerySet[LikeCount]:
    return LikeCount.objects.filter(content_type=content_type, object_id=object_id)


@transaction.atomic
def like(target: models.Model, member: Member) -> bool:
    """`member` likes `target`; False if they already did (nothing changes)."""
    if not permissions.can_like(member, target):
        raise PermissionDenied(_("Only members with a confirmed email can like this."))
    content_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():  # a savepoint: the transaction goes on after a duplicate
            Like.objects.create(member=member, content_type=content_type, object_id=target.pk)
    except IntegrityError:
        return False  # liked already, by this request's twin or an earlier one
    # The count row exists before it is raised: two first likes at once both count.
    LikeCount.objects.bulk_create(
        [LikeCount(content_type=content_type, object_id=target.pk, count=0)],
        ignore_conflicts=True,
    )
    _counted(content_type, target.pk).update(count=F("count") + 1)
    invalidate(*registry.for_target(target).count_tags(target), buttons.liker_tag(member.pk))
    events.publish("likes.added", actor=member, target=target)
    return True


@transaction.atomic
def unlike(target: models.Model, member: Member) -> bool:
    """`member` takes back their like; False if there was none (nothing changes)."""
    if not permissions.can_unlike(member, target):
        raise PermissionDenied(_("You cannot change this."))
    content_type = ContentType.objects.get_for_model(target)
    deleted, _counts = Like.objects.filter(
        member=member, content_type=content_type, object_id=target.pk
    ).delete()
    if not deleted:
        return False
    _counted(content_type, target.pk).filter(count__gt=0).update(count=F("count") - 1)
    invalidate(*registry.for_target(target).count_tags(target), buttons.liker_tag(member.pk))
    events.publish("likes.removed", actor=member, target=target)
    return True


def count_of(target: models.Model) -> int:
    found = (
        _counted(ContentType.objects.get_for_model(target), target.pk)
        .values_list("count", flat=True)
        .first()
    )
    return found or 0


def likers(target: models.Model) -> models.QuerySet[Like]:
    """The likes of `target`, newest first, with their members."""
    return (
        Like.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )
        .order_by("-created_at", "-id")
        .select_related("member")
    )


def recount_likes(content_type: ContentType, pks: Iterable[int] | None = None) -> None:
    """Sets the LikeCount rows of `content_type`'s targets (those in `pks`, or all) from the
    likes themselves, making the rows that are missing."""
    likes = Like.objects.filter(content_type=content_type)
    if pks is not None:
        likes = likes.filter(object_id__in=list(pks))
    liked = set(likes.values_list("object_id", flat=True).distinct())
    LikeCount.objects.bulk_create(
        [LikeCount(content_type=content_type, object_id=pk) for pk in liked],
        ignore_conflicts=True,
        batch_size=1000,
    )
    counted = (
        Like.objects.filter(content_type=content_type, object_id=OuterRef("object_id"))
        .order_by()
        .values("object_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = LikeCount.objects.filter(content_type=content_type)
    if pks is not None:
        rows = rows.filter(object_id__in=list(pks))
    rows.update(count=Coalesce(Subquery(counted), 0))


def forget(model: type[models.Model], pks: Iterable[int]) -> None:
    """Deletes the likes of targets that are gone (a deleted post or comment)."""
    content_type = ContentType.objects.get_for_model(model)
    pks = list(pks)
    Like.objects.filter(content_type=content_type, object_id__in=pks).delete()
    LikeCount.objects.filter(content_type=content_type, object_id__in=pks).delete()


def delete_likes_by(member: Member) -> int:
    """Deletes every like the member gave and recounts what they were on.

    Runs inside the transaction that removes the member (members.services.remove_member calls
    it as a removal step): a plain cascade would leave the counts too high. The removal
    invalidates every cached page, so the counts' tags need no naming here.
    """
    given = Like.objects.filter(member=member)
    targets: dict[int, set[int]] = {}
    for content_type_id, object_id in given.values_list("content_type_id", "object_id"):
        targets.setdefault(content_type_id, set()).add(object_id)
    deleted, _counts = given.delete()
    for content_type_id, object_ids in targets.items():
        recount_likes(ContentType.objects.get_for_id(content_type_id), object_ids)
    return deleted
