from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from lib.contentversion import invalidate_content
from lib.markup import render_plain_text
from members.models import Member, manages_content_of

from .models import MAX_COMMENT_CHARS, Comment


def can_comment(user: object) -> bool:
    return isinstance(user, Member) and user.can_contribute


def can_delete_all_comments(user: object, target_author_id: int) -> bool:
    """The author of what the comments are on, and administrators."""
    return manages_content_of(user, target_author_id)


def can_delete_comment(user: object, comment_author_id: int, target_author_id: int) -> bool:
    """The comment's author, and those who may delete all comments on its target."""
    return can_delete_all_comments(user, target_author_id) or (
        isinstance(user, Member) and user.is_active and user.pk == comment_author_id
    )


def comments_on(target: models.Model) -> models.QuerySet[Comment]:
    return Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).select_related("author")


def clean_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError(_("Please write a comment first."))
    if len(body) > MAX_COMMENT_CHARS:
        raise ValidationError(
            _("Comments can be at most %(max)d characters (this one has %(n)d)."),
            params={"max": MAX_COMMENT_CHARS, "n": len(body)},
        )
    return body


@transaction.atomic
def add_comment(target: models.Model, author: Member, body: str) -> Comment:
    if not can_comment(author):
        raise PermissionDenied(_("Only members with a confirmed email can comment."))
    text = clean_body(body)
    comment = Comment.objects.create(
        target=target, author=author, body=text, body_html=render_plain_text(text)
    )
    type(target)._default_manager.filter(pk=target.pk).update(comment_count=F("comment_count") + 1)
    invalidate_content()
    return comment


@transaction.atomic
def delete_comment(comment: Comment) -> None:
    model = comment.content_type.model_class()
    assert model is not None
    # The counter never goes below zero even if the row was already gone.
    deleted, _counts = Comment.objects.filter(pk=comment.pk).delete()
    if deleted:
        model._default_manager.filter(pk=comment.object_id, comment_count__gt=0).update(
            comment_count=F("comment_count") - 1
        )
        invalidate_content()


def recount_comments(model: type[models.Model], pks: Iterable[int] | None = None) -> None:
    """Sets `comment_count` of `model`'s rows (those in `pks`, or all) from the comments."""
    counted = (
        Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
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


def delete_comments_by(author: Member) -> int:
    """Deletes every comment the member wrote and recounts what they were on.

    Call inside the transaction that removes the member: a plain cascade would leave the
    counts on posts (and, later, photos and events) too high.
    """
    written = Comment.objects.filter(author=author)
    targets: dict[int, set[int]] = {}
    for content_type_id, object_id in written.values_list("content_type_id", "object_id"):
        targets.setdefault(content_type_id, set()).add(object_id)
    deleted, _counts = written.delete()
    for content_type_id, object_ids in targets.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        assert model is not None
        recount_comments(model, object_ids)
    if deleted:
        invalidate_content()
    return deleted
