"""The rendered list of comments, cached: on a busy post it is most of the page's work."""

import hashlib

from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lib.pagecache import cached

from .services import can_delete_comment, comments_on

AUTHOR_FIELDS = ("author__handle", "author__display_name", "author__photo", "author__photo_thumb")


def comment_list(
    user: object, target: models.Model, target_author_id: int
) -> tuple[int, SafeString]:
    """How many comments `target` has, and their HTML as `user` sees it.

    Viewers differ only in which Delete links they see, so the HTML is kept once per set of
    deletable comments (for visitors and most members: none) until content changes; only the
    comments' ids and authors are read for each view.
    """
    thread = comments_on(target)
    authors = list(thread.values_list("pk", "author_id"))
    deletable = {
        pk for pk, author_id in authors if can_delete_comment(user, author_id, target_author_id)
    }
    scope = hashlib.sha256(repr(sorted(deletable)).encode()).hexdigest()[:16]
    key = f"comments:{target._meta.label_lower}:{target.pk}:{get_language()}:{scope}"

    def render() -> str:
        comments = thread.only("body_html", "created_at", "author_id", *AUTHOR_FIELDS)
        return render_to_string(
            "comments/_list.html", {"comments": comments, "deletable": deletable}
        )

    return len(authors), mark_safe(cached(key, render))  # noqa: S308 — our own template's output
