"""Every write of photos and albums: one function each, checking who may do it."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import Storage, default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import Comment
from lib import events
from lib.cachetags import invalidate
from likes.services import forget as forget_likes
from members.models import Member
from moderation import approval
from tags.services import set_tags

from . import images, permissions
from .models import LISTS, Album, Photo, member_tag

ADDED = "photos.added"
DELETED = "photos.deleted"
HIDDEN = "photos.hidden"
SHOWN = "photos.shown"


@dataclass
class Upload:
    """What an upload made: the photos stored, and a sentence for each file refused."""

    photos: list[Photo] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _files_of(photos: Sequence[Photo]) -> list[str]:
    return [f.name for photo in photos for f in (photo.image, photo.thumb) if f.name]


def _delete_files_after_commit(storage: Storage, names: list[str]) -> None:
    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def add_photos(
    owner: Member,
    files: Sequence[UploadedFile[bytes]],
    *,
    album: Album | None = None,
    tags: Sequence[str] = (),
) -> Upload:
    """Stores each file that is a picture as a photo of `owner` (in `album`, each with
    `tags`); the others are refused one by one, with a sentence naming them, and the rest of
    the upload is kept."""
    if not permissions.can_add_photos(owner):
        raise PermissionDenied(_("Please confirm your email before you add photos."))
    if album is not None and album.owner_id != owner.pk:
        raise PermissionDenied(_("That album is someone else's."))
    result = Upload()
    now = timezone.now()
    # The network approves photos first: the photos' moderators decide (moderation/), and
    # nothing is told or listed until they approve.
    pending = approval.needed(owner, "photos")
    written: list[str] = []
    try:
        for upload in files[: images.MAX_FILES]:
            try:
                sizes = images.prepare(upload)
            except images.NotAPhoto as refusal:
                result.refused.append(str(refusal))
                continue
            photo = Photo(
                owner=owner,
                album=album,
                created_at=now,
                width=sizes.width,
                height=sizes.height,
                pending_at=now if pending else None,
            )
            photo.image.save(sizes.name, sizes.large, save=False)
            written.append(photo.image.name or "")
            photo.thumb.save(sizes.name, sizes.thumb, save=False)
            written.append(photo.thumb.name or "")
            photo.save()
            if tags:
                set_tags(photo, tags)
            result.photos.append(photo)
    except BaseException:
        # Nothing of a failed upload stays behind: its rows roll back, its files go now.
        for name in filter(None, written):
            default_storage.delete(name)
        raise
    for photo in result.photos:
        if pending:
            approval.submitted(photo)
        else:
            events.publish(ADDED, actor=owner, target=photo)
    if result.photos:
        invalidate(LISTS, member_tag(owner.pk), *([f"album:{album.pk}"] if album else []))
    return result


@transaction.atomic
def approve_photo(photo: Photo, *, by: Member) -> None:
    """A moderator approves a photo waiting for approval: it is listed from now on, and told
    as added (activity)."""
    if not permissions.can_approve_photo(by, photo):
        raise PermissionDenied(_("Only the photos' moderators can approve photos."))
    if not Photo.objects.filter(pk=photo.pk).exclude(pending_at=None).update(pending_at=None):
        return  # approved meanwhile
    photo.pending_at = None
    invalidate(*photo.cache_tags())
    events.publish(ADDED, actor=photo.owner, target=photo)


@transaction.atomic
def reject_photo(photo: Photo, *, by: Member) -> None:
    """A moderator rejects a photo waiting for approval: it is deleted, with its files (the
    owner is told why by moderation.services.reject)."""
    if not permissions.can_approve_photo(by, photo):
        raise PermissionDenied(_("Only the photos' moderators can reject photos."))
    delete_photo(photo)


@transaction.atomic
def edit_photo(
    photo: Photo,
    *,
    by: Member,
    caption: str,
    album: Album | None,
    tags: Sequence[str] | None = None,
) -> Photo:
    """Its caption, album and (unless None) tags."""
    if not permissions.can_edit_photo(by, photo):
        raise PermissionDenied(_("Only the owner or an administrator can change this photo."))
    if album is not None and album.owner_id != photo.owner_id:
        raise PermissionDenied(_("That album is someone else's."))
    old_tags = photo.cache_tags()
    photo.caption = caption.strip()
    photo.album = album
    photo.save(update_fields=["caption", "album"])
    if tags is not None:
        set_tags(photo, tags)
    invalidate(*old_tags, *photo.cache_tags())
    return photo


@transaction.atomic
def delete_photo(photo: Photo, *, by: Member | None = None) -> None:
    """Deletes the photo, its comments and likes; its files go once that is committed."""
    if by is not None and not permissions.can_delete_photo(by, photo):
        raise PermissionDenied(_("You cannot delete this photo."))
    invalidate(*photo.cache_tags())
    _forget_likes_of([photo.pk])
    events.publish(DELETED, actor=by, target=photo)
    _delete_files_after_commit(photo.image.storage, _files_of([photo]))
    photo.delete()  # Photo.comments (a GenericRelation) takes its comments with it


@transaction.atomic
def set_hidden(photo: Photo, hidden: bool, *, by: Member) -> None:
    if not permissions.can_hide_photo(by, photo):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    if photo.is_hidden == hidden:
        return
    photo.hidden_at = timezone.now() if hidden else None
    photo.save(update_fields=["hidden_at"])
    invalidate(*photo.cache_tags())
    events.publish(HIDDEN if hidden else SHOWN, actor=by, target=photo)


@transaction.atomic
def save_album(album: Album, *, by: Member, title: str, description: str) -> Album:
    """Makes a new album of `by`, or renames one they may edit."""
    if album.pk is None:
        if not permissions.can_add_photos(by):
            raise PermissionDenied(_("Please confirm your email before you add photos."))
        album.owner = by
    elif not permissions.can_edit_album(by, album):
        raise PermissionDenied(_("Only the owner or an administrator can change this album."))
    album.title = title.strip()
    album.description = description.strip()
    album.save()
    invalidate(*album.cache_tags())
    return album


@transaction.atomic
def delete_album(album: Album, *, by: Member) -> None:
    """Deletes the album; its photos stay, in no album, among their owner's photos."""
    if not permissions.can_delete_album(by, album):
        raise PermissionDenied(_("You cannot delete this album."))
    photo_pks = list(album.photos.values_list("pk", flat=True))
    invalidate(*album.cache_tags(), *(f"photo:{pk}" for pk in photo_pks))
    album.delete()


def _forget_likes_of(photo_pks: list[int]) -> None:
    """The likes of photos about to be deleted, and of their comments, go with them."""
    forget_likes(Photo, photo_pks)
    on_them = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Photo), object_id__in=photo_pks
    )
    forget_likes(Comment, on_them.values_list("pk", flat=True))


def delete_photos_of(member: Member) -> None:
    """A removal step (members.removal): the member's photos go with the member (a cascade);
    their likes go first and their files once the removal is committed. A member who leaves
    keeping their content keeps their photos, shown as by a former member, as posts are."""
    photos = list(Photo.objects.filter(owner=member).only("pk", "image", "thumb"))
    if not photos:
        return
    _forget_likes_of([photo.pk for photo in photos])
    _delete_files_after_commit(photos[0].image.storage, _files_of(photos))
    invalidate(LISTS, member_tag(member.pk))
