"""Writing, deleting and hiding comments on anything registered as commentable.

Each write checks the same permissions the pages check (comments/permissions.py), so a command,
the admin or a future API refuses what the page refuses; keeps the target's comment_count in
the same transaction; and refreshes only the cached pages that show the target's comments (its
registration's cache tags).

The count is of every comment shown: replies included, hidden comments and comments waiting
for approval not. A hidden comment's
replies stay shown (under a stub saying it was removed) and counted; a deleted comment takes
its replies with it, and the count loses those of them that were shown.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from lib import events, ratelimit
from lib.cachetags import cached, invalidate
from lib.markup import render_plain_text
from lib.text import clean_text
from likes.services import forget as forget_likes
from members.models import Member

from . import permissions, registry
from .models import MAX_COMMENT_CHARS, Comment


class TooManyComments(PermissionDenied):
    """A member wrote more comments than RATELIMIT_COMMENTS allows in its window."""


# Approval (Network.approval_required "comments", a new member's links held): comments sits
# below moderation and never imports it; moderation sets these in its AppConfig.ready()
# (moderation/plugins.py). `approval_needed(author, text)`: whether the comment waits;
# `approval_submitted(comment)`: tells the comments' moderators something waits.
def _never(author: Member, text: str) -> bool:
    return False


def _nobody(comment: Comment) -> None:
    return None


approval_needed: Callable[[Member, str], bool] = _never
approval_submitted: Callable[[Comment], None] = _nobody


def comments_on(target: models.Model) -> models.QuerySet[Comment]:
    """Every comment on `target`, hidden ones included, oldest first."""
    return Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).select_related("author")


def clean_body(body: str) -> str:
    body = clean_text(body, multiline=True).strip()
    if not body:
        raise ValidationError(_("Please write a comment first."))
    if len(body) > MAX_COMMENT_CHARS:
        raise ValidationError(
            _("Comments can be at most %(max)d characters (this one has %(n)d)."),
            params={"max": MAX_COMMENT_CHARS, "n": len(body)},
        )
    return body


def _count(target_model: type[models.Model], object_id: int, change: int) -> None:
    rows = target_model._default_manager.filter(pk=object_id)
    if change < 0:
        rows = rows.filter(comment_count__gt=0)  # never below zero, even if already gone
    rows.update(comment_count=F("comment_count") + change)


def _refresh(target: models.Model) -> None:
    invalidate(*registry.for_target(target).cache_tags(target))


def top_level(comment: Comment) -> Comment:
    """The comment a reply to `comment` is stored under: itself, or the comment it answers."""
    if comment.parent_id is None:
        return comment
    return Comment.objects.select_related("author").get(pk=comment.parent_id)


def add_comment(
    target: models.Model, author: Member, body: str, *, parent: Comment | None = None
) -> Comment:
    """A comment on `target`, or a reply to `parent` (a comment on `target`; a reply to a
    reply goes under the same top-level comment).

    Everything that only reads (who may, the text, the rate limit, its HTML) is done before the
    transaction opens: on SQLite the transaction holds the one write lock, and every other
    writer waits for it."""
    if parent is not None:
        parent = top_level(parent)
        if (parent.content_type_id, parent.object_id) != (
            ContentType.objects.get_for_model(target).pk,
            target.pk,
        ):
            raise ValueError("the comment replied to is on something else")
        if not permissions.can_reply(author, parent, target):
            raise PermissionDenied(_("You cannot reply to this comment."))
    elif not permissions.can_comment(author, target):
        raise PermissionDenied(_("Only members with a confirmed email can comment."))
    text = clean_body(body)
    limit, window = settings.RATELIMIT_COMMENTS
    # Counted before writing: a burst of parallel comments cannot slip past the limit.
    if limit and ratelimit.record_attempt("comment", str(author.pk), window) > limit:
        raise TooManyComments(
            _("You are commenting very fast. Please wait a few minutes and try again.")
        )
    comment = Comment(
        target=target,
        parent=parent,
        author=author,
        body=text,
        body_html=render_plain_text(text),
        pending_at=timezone.now() if approval_needed(author, text) else None,
    )
    with transaction.atomic():
        comment.save(force_insert=True)
        _refresh(target)
        if comment.is_pending:
            # Its author sees it; nobody is told and nothing counts it until it is approved.
            invalidate(PENDING_TAG)
            approval_submitted(comment)
        else:
            _count(type(target), target.pk, +1)
            events.publish("comments.added", actor=author, target=comment, on=target, parent=parent)
    return comment


def pending_comments() -> models.QuerySet[Comment]:
    """Comments waiting for a moderator's approval (moderation's queue)."""
    return Comment.objects.exclude(pending_at=None)


# The members with comments waiting for approval: kept, so that a comment list asks for a
# member's own waiting comments only when they have some.
PENDING_TAG = "comments-pending"


def pending_authors() -> frozenset[int]:
    return cached(
        "comments:pending-authors",
        lambda: frozenset(pending_comments().values_list("author_id", flat=True).distinct()),
        [PENDING_TAG],
    )


@transaction.atomic
def approve_comment(comment: Comment, *, by: Member) -> None:
    """A moderator approves a comment that waited: it shows and counts from now on, and is
    told as a new comment (activity, notifications, a discussion's followers)."""
    if not permissions.can_approve_comments(by):
        raise PermissionDenied(_("Only the comments' moderators can approve comments."))
    target = _target_of(comment)
    if not Comment.objects.filter(pk=comment.pk).exclude(pending_at=None).update(pending_at=None):
        return  # approved (or deleted) meanwhile
    comment.pending_at = None
    invalidate(PENDING_TAG)
    if not comment.is_hidden:
        _count(type(target), target.pk, +1)
    _refresh(target)
    parent = top_level(comment) if comment.parent_id is not None else None
    events.publish("comments.added", actor=comment.author, target=comment, on=target, parent=parent)


@transaction.atomic
def reject_comment(comment: Comment, *, by: Member) -> None:
    """A moderator rejects a comment that waited: it is deleted (its author is told why by
    moderation)."""
    if not permissions.can_approve_comments(by):
        raise PermissionDenied(_("Only the comments' moderators can reject comments."))
    if comment.is_pending:
        delete_comment(comment)


def _target_of(comment: Comment) -> models.Model:
    target: models.Model | None = comment.target
    if target is None:
        raise Comment.DoesNotExist("the comment's target is gone")
    return target


@transaction.atomic
def delete_comment(comment: Comment, *, by: Member | None = None) -> None:
    """Deletes the comment and its replies; `by` (when given) must be allowed to (None: the
    system, the admin)."""
    target = _target_of(comment)
    if by is not None and not permissions.can_delete_comment(by, comment, target):
        raise PermissionDenied(_("You cannot delete this comment."))
    # Read inside the transaction that deletes them: a reply written meanwhile is either
    # here, or refused by its missing parent.
    going = list(Comment.objects.filter(Q(pk=comment.pk) | Q(parent_id=comment.pk)))
    if not going:
        return
    Comment.objects.filter(pk__in=[c.pk for c in going]).delete()
    forget_likes(Comment, [c.pk for c in going])
    for gone in going:
        events.publish("comments.deleted", actor=by, target=gone, on=target)
    shown = sum(1 for c in going if not c.is_hidden and not c.is_pending)
    if any(c.is_pending for c in going):
        invalidate(PENDING_TAG)
    if shown:
        _count(type(target), target.pk, -shown)
    _refresh(target)


@transaction.atomic
def set_hidden(comment: Comment, hidden: bool, *, by: Member) -> None:
    """Hides a comment from everyone but moderators, or shows it again."""
    if not permissions.can_moderate_comments(by):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    target = _target_of(comment)
    changed = Comment.objects.filter(pk=comment.pk, hidden_at__isnull=hidden).update(
        hidden_at=timezone.now() if hidden else None
    )
    if changed:
        if not comment.is_pending:  # a comment waiting for approval is not counted anyway
            _count(type(target), target.pk, -1 if hidden else +1)
        _refresh(target)
        name = "comments.hidden" if hidden else "comments.shown"
        events.publish(name, actor=by, target=comment, on=target)
    comment.refresh_from_db(fields=["hidden_at"])


def recount_comments(model: type[models.Model], pks: Iterable[int] | None = None) -> None:
    """Sets `comment_count` of `model`'s rows (those in `pks`, or all) from the comments."""
    counted = (
        Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            hidden_at=None,
            pending_at=None,
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = model._default_manager.all()
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    rows.update(comment_count=Coalesce(Subquery(counted), 0))


def delete_all_comments_on(target: models.Model) -> int:
    """Deletes every comment on `target`, which is going away (a removed member's wall), with
    no `comments.deleted` for each (as a deleted post takes its comments)."""
    on = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    )
    pks = list(on.values_list("pk", flat=True))
    deleted, _counts = on.delete()
    forget_likes(Comment, pks)
    type(target)._default_manager.filter(pk=target.pk).update(comment_count=0)
    _refresh(target)
    return deleted


def delete_comments_by(author: Member) -> int:
    """Deletes every comment the member wrote, with the replies to theirs, and recounts what
    they were on.

    Runs inside the transaction that removes the member (members.services.remove_member calls
    it as a removal step): a plain cascade would leave the counts on posts too high.
    """
    written = Comment.objects.filter(Q(author=author) | Q(parent__author=author))
    targets: dict[int, set[int]] = {}
    pks = []
    for pk, content_type_id, object_id in written.values_list("pk", "content_type_id", "object_id"):
        pks.append(pk)
        targets.setdefault(content_type_id, set()).add(object_id)
    deleted, _counts = written.delete()
    forget_likes(Comment, pks)
    invalidate(PENDING_TAG)
    for content_type_id, object_ids in targets.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        recount_comments(model, object_ids)
        commentable = registry.for_model(model)
        for target in model._default_manager.filter(pk__in=object_ids):
            invalidate(*commentable.cache_tags(target))
    return deleted
