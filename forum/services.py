"""Every write of the forum: one function per action, each in one transaction, checking the
same permission the page asked (forum/permissions.py) and naming the cache tags it changed."""

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from comments.models import Comment
from groups.models import Group
from lib import events, ratelimit
from lib.cachetags import invalidate
from lib.markup import html_to_text, render_markdown, truncate_words
from likes.services import forget as forget_likes
from members.models import Member
from moderation import approval
from notifications import services as notifications
from notifications.models import Notification
from tags.services import set_tags

from . import attachments as files
from . import permissions
from .models import LISTS_TAG, Attachment, Category, Discussion, Follow, discussion_tag

EXCERPT_CHARS = 200
# Discussions one member may start in an hour (replies have the comments' own limit).
START_LIMIT = (10, 3600)


class TooManyDiscussions(PermissionDenied):
    """A member started more discussions than START_LIMIT allows in its window."""


# --- Categories ----------------------------------------------------------------------------


def _unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True)[:90].strip("-") or "category"
    taken = set(Category.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    return next(
        s for n in range(1, len(taken) + 2) if (s := base if n == 1 else f"{base}-{n}") not in taken
    )


@transaction.atomic
def save_category(
    category: Category, *, by: Member, name: str, description: str, position: int
) -> Category:
    if not permissions.can_manage_categories(by):
        raise PermissionDenied(_("Only the network's administrators can manage categories."))
    if category.pk is None:
        # Its address stays what it was first, so that links to it keep working.
        category.created_by = by
        category.slug = _unique_slug(name)
    category.name = name
    category.description = description
    category.position = position
    category.save()
    invalidate(LISTS_TAG)
    return category


@transaction.atomic
def delete_category(category: Category, *, by: Member, move_to: Category | None = None) -> int:
    """Deletes the category; its discussions go to `move_to` first (required when it has
    any: discussions are never deleted with a category). Returns how many moved."""
    if not permissions.can_delete_category(by, category):
        raise PermissionDenied(_("Only the network's administrators can manage categories."))
    discussions = Discussion.objects.filter(category=category)
    moved = 0
    if discussions.exists():
        if move_to is None or move_to.pk == category.pk:
            raise ValidationError(_("Choose the category its discussions move to."))
        pks = list(discussions.values_list("pk", flat=True))
        moved = discussions.update(category=move_to)
        refresh_category(move_to)
        invalidate(*(discussion_tag(pk) for pk in pks))
    category.delete()
    invalidate(LISTS_TAG)
    return moved


def refresh_category(category: Category) -> None:
    """The category's count and latest discussion, from its rows (after a start, a move, a
    deletion, hiding)."""
    shown = Discussion.objects.shown().filter(category=category)
    latest = shown.order_by("-last_activity_at", "-id").values_list("pk", flat=True).first()
    Category.objects.filter(pk=category.pk).update(
        discussion_count=shown.count(), last_discussion_id=latest
    )
    invalidate(LISTS_TAG)


# --- Discussions ---------------------------------------------------------------------------


def render_body(discussion: Discussion) -> None:
    discussion.body_html = render_markdown(discussion.body)
    discussion.excerpt = truncate_words(html_to_text(discussion.body_html), EXCERPT_CHARS)


def _add_files(discussion: Discussion, checked: Sequence[files.Checked]) -> None:
    """Stores the attachments (each passed attachments.check, in the form) under our names."""
    if discussion.attachments.count() + len(checked) > files.MAX_FILES:
        raise ValidationError(
            _("A discussion can have at most %(max)d attachments."),
            params={"max": files.MAX_FILES},
        )
    for one in checked:
        attachment = Attachment(
            discussion=discussion,
            name=one.name,
            kind=one.kind,
            content_type=one.content_type,
            extension=one.extension,
            size=one.content.size,
            token=files.new_token(),
        )
        attachment.file.save(one.name, one.content, save=False)
        attachment.save()


@transaction.atomic
def start_discussion(
    *,
    by: Member,
    category: Category | None = None,
    group: Group | None = None,
    title: str,
    body: str,
    uploads: Sequence[files.Checked] = (),
    tags: Sequence[str] = (),
) -> Discussion:
    """A new discussion by `by`, who follows it from now on: in a category of the forum, or
    in a group (its members only); with `tags` (tags.services.set_tags)."""
    if (category is None) == (group is None):
        raise ValueError("A discussion is in a category or in a group.")
    if group is not None and not permissions.can_start_discussion(by, group):
        raise PermissionDenied(_("Only the group's members start discussions in it."))
    if not permissions.can_start_discussion(by):
        raise PermissionDenied(_("Please confirm your email before you write."))
    limit, window = START_LIMIT
    if limit and ratelimit.record_attempt("forum-start", str(by.pk), window) > limit:
        raise TooManyDiscussions(
            _("You are starting discussions very fast. Please wait a while and try again.")
        )
    now = timezone.now()
    discussion = Discussion(
        category=category,
        group=group,
        author=by,
        title=title,
        slug=slugify(title, allow_unicode=True)[:80] or "discussion",
        body=body,
        created_at=now,
        updated_at=now,
        last_activity_at=now,
    )
    # The network approves discussions first, or holds a new member's links: the forum's
    # moderators decide (moderation/), and nothing is told or counted until they approve.
    if approval.needed(by, "forum", f"{title}\n{body}"):
        discussion.pending_at = now
    render_body(discussion)
    discussion.save()
    _add_files(discussion, uploads)
    if tags:
        set_tags(discussion, tags)
    Follow.objects.create(member=by, discussion=discussion)
    invalidate(*discussion.cache_tags())
    if discussion.is_pending:
        approval.submitted(discussion)
        return discussion
    if category is not None:
        refresh_category(category)
    events.publish("forum.started", actor=by, target=discussion)
    return discussion


@transaction.atomic
def approve_discussion(discussion: Discussion, *, by: Member) -> None:
    """A moderator approves a discussion waiting for approval: it shows in the lists from
    now on (at the top: its activity starts now), and is told as started."""
    if not permissions.can_approve_discussion(by, discussion):
        raise PermissionDenied(_("Only the forum's moderators can approve discussions."))
    changed = Discussion.objects.filter(pk=discussion.pk).exclude(pending_at=None)
    if not changed.update(pending_at=None, last_activity_at=timezone.now()):
        return  # approved meanwhile
    discussion.refresh_from_db(fields=["pending_at", "last_activity_at"])
    if discussion.category is not None:
        refresh_category(discussion.category)
    invalidate(*discussion.cache_tags())
    events.publish("forum.started", actor=discussion.author, target=discussion)


@transaction.atomic
def reject_discussion(discussion: Discussion, *, by: Member) -> None:
    """A moderator rejects a discussion waiting for approval: it is deleted, with its files
    (the author is told why by moderation.services.reject)."""
    if not permissions.can_approve_discussion(by, discussion):
        raise PermissionDenied(_("Only the forum's moderators can reject discussions."))
    delete_discussion(discussion)


@transaction.atomic
def edit_discussion(
    discussion: Discussion,
    *,
    by: Member,
    category: Category | None,
    title: str,
    body: str,
    uploads: Sequence[files.Checked] = (),
    remove: Sequence[int] = (),
    tags: Sequence[str] | None = None,
) -> Discussion:
    """Its category (None for a group's discussion: it stays in its group), title, body,
    files and (unless None) tags."""
    if not permissions.can_edit_discussion(by, discussion):
        raise PermissionDenied(_("Only the author or an administrator can change this discussion."))
    if (category is None) != (discussion.group_id is not None):
        raise ValueError("A group's discussion has no category; a forum one has one.")
    # Read from the row: a ModelForm has set the instance's fields already.
    old_category = Category.objects.filter(
        pk=Discussion.objects.values_list("category_id", flat=True).get(pk=discussion.pk)
    ).first()
    discussion.category = category
    discussion.title = title
    discussion.slug = slugify(title, allow_unicode=True)[:80] or "discussion"
    discussion.body = body
    discussion.updated_at = timezone.now()
    render_body(discussion)
    discussion.save()
    for attachment in discussion.attachments.filter(pk__in=list(remove)):
        _delete_attachment(attachment)
    _add_files(discussion, uploads)
    if tags is not None:
        set_tags(discussion, tags)
    if old_category is not None and category is not None and old_category.pk != category.pk:
        refresh_category(old_category)
        refresh_category(category)
    invalidate(*discussion.cache_tags())
    return discussion


def _delete_attachment(attachment: Attachment) -> None:
    name = attachment.file.name
    attachment.delete()
    if name:
        storage = attachment.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def delete_discussion(discussion: Discussion, *, by: Member | None = None) -> None:
    """Deletes the discussion with its replies, attachments, follows, likes and what members
    were told of it; `by` (when given) must be allowed to."""
    if by is not None and not permissions.can_delete_discussion(by, discussion):
        raise PermissionDenied(_("You cannot delete this discussion."))
    invalidate(*discussion.cache_tags())
    for attachment in discussion.attachments.all():
        _delete_attachment(attachment)
    forget_likes(Discussion, [discussion.pk])
    on_it = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Discussion), object_id=discussion.pk
    )
    forget_likes(Comment, list(on_it.values_list("pk", flat=True)))
    notifications.forget_about(discussion)
    events.publish("forum.deleted", actor=by, target=discussion)
    category = discussion.category
    # Discussion.comments (a GenericRelation) takes the replies with it.
    discussion.delete()
    if category is not None:
        refresh_category(category)


@transaction.atomic
def set_hidden(discussion: Discussion, hidden: bool, *, by: Member) -> None:
    if not permissions.can_hide_discussion(by, discussion):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    discussion.hidden_at = timezone.now() if hidden else None
    discussion.save(update_fields=["hidden_at"])
    if discussion.category is not None:
        refresh_category(discussion.category)
    invalidate(*discussion.cache_tags())
    if hidden:
        notifications.forget_unseeable(
            discussion, lambda member: permissions.can_view_discussion(member, discussion)
        )
    events.publish("forum.hidden" if hidden else "forum.shown", actor=by, target=discussion)


@transaction.atomic
def set_pinned(discussion: Discussion, pinned: bool, *, by: Member) -> None:
    if not permissions.can_pin_discussion(by, discussion):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    discussion.pinned = pinned
    discussion.save(update_fields=["pinned"])
    invalidate(*discussion.cache_tags())


@transaction.atomic
def set_closed(discussion: Discussion, closed: bool, *, by: Member) -> None:
    if not permissions.can_close_discussion(by, discussion):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    discussion.closed_at = timezone.now() if closed else None
    discussion.save(update_fields=["closed_at"])
    invalidate(*discussion.cache_tags())


# --- Following -------------------------------------------------------------------------------


@transaction.atomic
def follow(discussion: Discussion, *, by: Member) -> None:
    if not permissions.can_follow(by, discussion):
        raise PermissionDenied(_("You cannot follow this discussion."))
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(member=by, discussion=discussion)
    except IntegrityError:
        pass  # followed twice at once: once is enough


@transaction.atomic
def unfollow(discussion: Discussion, *, by: Member) -> None:
    Follow.objects.filter(member=by, discussion=discussion).delete()


def is_following(member: object, discussion: Discussion) -> bool:
    if not isinstance(member, Member):
        return False
    return Follow.objects.filter(member=member, discussion=discussion).exists()


# --- Last reply (kept from the comments events, handlers.py) --------------------------------


def replied(discussion_pk: int, comment: Comment) -> None:
    """A reply was added: it is the last one, and its author follows the discussion."""
    Discussion.objects.filter(pk=discussion_pk).update(
        last_reply_at=comment.created_at,
        last_reply_by_id=comment.author_id,
        last_activity_at=comment.created_at,
    )
    category_id = (
        Discussion.objects.filter(pk=discussion_pk, hidden_at=None, pending_at=None)
        .values_list("category_id", flat=True)
        .first()
    )
    if category_id is not None:
        Category.objects.filter(pk=category_id).update(last_discussion_id=discussion_pk)
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(member_id=comment.author_id, discussion_id=discussion_pk)
    except IntegrityError:
        pass
    invalidate(LISTS_TAG, discussion_tag(discussion_pk))


def recount_last_reply(discussion_pks: Sequence[int], *, leaving_out: Q | None = None) -> None:
    """The last reply of each discussion from its replies shown (after a reply was deleted or
    hidden, or shown again; `leaving_out`: replies about to go)."""
    content_type = ContentType.objects.get_for_model(Discussion)
    for discussion in Discussion.objects.filter(pk__in=list(discussion_pks)).only(
        "id", "created_at"
    ):
        replies = Comment.objects.filter(
            content_type=content_type, object_id=discussion.pk, hidden_at=None, pending_at=None
        )
        if leaving_out is not None:
            replies = replies.exclude(leaving_out)
        last = replies.order_by("-created_at", "-id").values("created_at", "author_id").first()
        Discussion.objects.filter(pk=discussion.pk).update(
            last_reply_at=last["created_at"] if last else None,
            last_reply_by_id=last["author_id"] if last else None,
            last_activity_at=last["created_at"] if last else discussion.created_at,
        )
        invalidate(discussion_tag(discussion.pk))
    invalidate(LISTS_TAG)


# --- Members who go (members.removal) --------------------------------------------------------


def remove_member(member: Member) -> None:
    """A removal step: the member's discussions go with them (their replies, likes, files,
    and category counts), and discussions whose last reply was theirs show the one before."""
    categories = set()
    for discussion in Discussion.objects.filter(author=member).select_related("category"):
        if discussion.category is not None:
            categories.add(discussion.category)
        delete_discussion(discussion)
    touched = list(Discussion.objects.filter(last_reply_by=member).values_list("pk", flat=True))
    recount_last_reply(touched, leaving_out=Q(author=member))
    for category in categories:
        refresh_category(category)


# --- Groups ----------------------------------------------------------------------------------


def delete_group_discussions(group: Group) -> None:
    """The group is about to go (`groups.deleted`): its discussions go first, each with its
    replies, files, likes and what members were told of it (the database's cascade would
    leave those behind)."""
    for discussion in Discussion.objects.filter(group=group).select_related("group"):
        delete_discussion(discussion)


def group_changed(group: Group) -> None:
    """The group was hidden or shown again: every list and each of its discussions' pages
    (visitors' cached copies among them) show it, or not, from now on."""
    pks = Discussion.objects.filter(group=group).values_list("pk", flat=True)
    invalidate(LISTS_TAG, *(discussion_tag(pk) for pk in pks))


def forget_group_notifications(group: Group, member: Member) -> None:
    """`member` left a private group or was removed from it: what they were told of its
    discussions (replies, likes, mentions) leaves their notifications, as it would had the
    discussions been deleted."""
    if not group.is_private:
        return
    content_type = ContentType.objects.get_for_model(Discussion)
    ids = Discussion.objects.filter(group=group).values("pk")
    Notification.objects.filter(
        Q(target_type=content_type, target_id__in=ids)
        | Q(about_type=content_type, about_id__in=ids),
        recipient=member,
    ).delete()


def forget_follows_of(member: Member) -> None:
    """A leaving step: a former member follows nothing (their discussions stay)."""
    Follow.objects.filter(member=member).delete()
