"""Moderation's own registrations (moderation/apps.py calls `register_all`): comments and
members, which sit below moderation; content apps register themselves."""

import contextlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member

from . import registry


def _comment_target(comment: models.Model) -> models.Model | None:
    return getattr(comment, "target", None)


def _comment_can_view(user: object, comment: models.Model) -> bool:
    from comments.permissions import can_see_comment
    from comments.registry import for_target

    target = _comment_target(comment)
    if target is None:
        return False
    try:
        commentable = for_target(target)
    except LookupError:
        return False
    return commentable.can_view(user, target) and can_see_comment(user, comment, target)  # type: ignore[arg-type]


def _comment_url(comment: models.Model) -> str:
    target = _comment_target(comment)
    if target is None or not hasattr(target, "get_absolute_url"):
        return ""
    return f"{target.get_absolute_url()}#comment-{comment.pk}"


def _comment_title(comment: models.Model) -> str:
    body = str(getattr(comment, "body", ""))
    return body if len(body) <= 80 else body[:79] + "…"


def _hide_comment(comment: models.Model, by: Member) -> None:
    from comments.services import set_hidden

    set_hidden(comment, True, by=by)  # type: ignore[arg-type]


def _show_comment(comment: models.Model, by: Member) -> None:
    from comments.services import set_hidden

    set_hidden(comment, False, by=by)  # type: ignore[arg-type]


def _delete_comment(comment: models.Model, by: Member | None) -> None:
    from comments.models import Comment
    from comments.services import delete_comment

    assert isinstance(comment, Comment)
    with contextlib.suppress(Comment.DoesNotExist):  # its target went first, with it
        delete_comment(comment, by=by)


def _member_can_view(user: object, member: models.Model) -> bool:
    return isinstance(member, Member) and member.is_active and not member.is_former


def register_all() -> None:
    from comments.models import Comment

    registry.register(
        Comment,
        feature="comments",
        hide=_hide_comment,
        show=_show_comment,
        delete=_delete_comment,
        author="author",
        title=_comment_title,
        url=_comment_url,
        can_view=_comment_can_view,
        label=_("comment"),
    )
    registry.register(
        Member,
        feature="members",
        hide=None,
        show=None,
        delete=None,
        author="",
        title=lambda m: str(getattr(m, "display_name", "")),
        url=lambda m: m.get_absolute_url(),
        can_view=_member_can_view,
        label=_("member"),
        goes_with_author=False,
    )
