"""The comment section of any commentable page, and its cached list of comments."""

import hashlib
from typing import Any

from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lib.cachetags import cached
from members.permissions import is_member

from . import permissions, registry
from .models import MAX_COMMENT_CHARS
from .services import comments_on

AUTHOR_FIELDS = ("author__handle", "author__display_name", "author__photo", "author__photo_thumb")


def comment_list(user: object, target: models.Model) -> SafeString:
    """The HTML of `target`'s comments as `user` sees it.

    Viewers differ only in which comments and links they see, so the HTML is kept once per
    case until the target's comments change: moderators (hidden comments too, with Hide and
    Delete links), the target's author and administrators (Delete on all), a member's own
    (Delete on theirs), or none (visitors, and members who have not commented there).
    """
    commentable = registry.for_target(target)
    thread = comments_on(target)
    moderate = permissions.can_moderate_comments(user)
    delete_all = moderate or permissions.can_delete_all_comments(user, target)
    if not moderate:
        thread = thread.filter(hidden_at=None)
    deletable: set[int] = set()
    if not delete_all and is_member(user):
        deletable = set(thread.filter(author=user).values_list("pk", flat=True))
    if moderate:
        scope = "moderate"
    elif delete_all:
        scope = "all"
    else:
        scope = hashlib.sha256(repr(sorted(deletable)).encode()).hexdigest()[:16]
    key = f"comments:{commentable.kind}:{target.pk}:{get_language()}:{scope}"

    def render() -> str:
        comments = thread.only("body_html", "created_at", "hidden_at", "author_id", *AUTHOR_FIELDS)
        return render_to_string(
            "comments/_list.html",
            {
                "comments": comments,
                "deletable": deletable,
                "delete_all": delete_all,
                "moderate": moderate,
            },
        )

    html = cached(key, render, [commentable.page_tag(target), "people"])
    return mark_safe(html)  # noqa: S308 — our own template's output


def comment_url(target: models.Model) -> str:
    return reverse("comments:create", args=[registry.for_target(target).kind, target.pk])


def section_context(
    request: Any, target: models.Model, *, text: str = "", error: str = ""
) -> dict[str, Any]:
    """What comments/_section.html needs: the list, the form or the join gate."""
    user = request.user
    return {
        "target": target,
        "comment_count": getattr(target, "comment_count", 0),
        "comments_html": comment_list(user, target),
        "comment_url": comment_url(target),
        "comment_text": text,
        "comment_error": error,
        "comment_max_chars": MAX_COMMENT_CHARS,
        "can_comment": permissions.can_comment(user, target),
        # What the template reads that a context processor would give a whole page.
        "user": user,
        "network": getattr(request, "network", None),
    }


def render_section(request: Any, target: models.Model, **kwargs: str) -> SafeString:
    """The section alone (htmx answers); pages use the {% comments %} tag."""
    html = render_to_string(
        "comments/_section.html", section_context(request, target, **kwargs), request=request
    )
    return mark_safe(html)  # noqa: S308 — our own template's output
