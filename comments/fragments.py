"""The rendered list of comments, cached: on a busy post it is most of the page's work."""

import hashlib

from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lib.pagecache import cached
from members.models import Member

from .services import can_delete_all_comments, comments_on

AUTHOR_FIELDS = ("author__handle", "author__display_name", "author__photo", "author__photo_thumb")


def comment_list(user: object, target: models.Model, target_author_id: int) -> SafeString:
    """The HTML of `target`'s comments as `user` sees it.

    Viewers differ only in which Delete links they see, so the HTML is kept once per case until
    content changes: all of them (the target's author, administrators), a member's own, or
    none (visitors, and members who have not commented there).
    """
    thread = comments_on(target)
    delete_all = can_delete_all_comments(user, target_author_id)
    deletable: set[int] = set()
    if not delete_all and isinstance(user, Member) and user.is_active:
        deletable = set(thread.filter(author=user).values_list("pk", flat=True))
    scope = "all" if delete_all else hashlib.sha256(repr(sorted(deletable)).encode()).hexdigest()
    key = f"comments:{target._meta.label_lower}:{target.pk}:{get_language()}:{scope[:16]}"

    def render() -> str:
        comments = thread.only("body_html", "created_at", "author_id", *AUTHOR_FIELDS)
        return render_to_string(
            "comments/_list.html",
            {"comments": comments, "deletable": deletable, "delete_all": delete_all},
        )

    return mark_safe(cached(key, render))  # noqa: S308 — our own template's output
