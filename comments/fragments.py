"""The comment section of any commentable page, and its cached list of comments."""

import hashlib
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lib.cachetags import cached, depends_on
from likes import buttons as like_buttons
from members.permissions import is_member

from . import permissions, registry
from .models import MAX_COMMENT_CHARS
from .services import comments_on

AUTHOR_FIELDS = ("author__handle", "author__display_name", "author__photo", "author__photo_thumb")
# Comments are shown oldest first, this many to a page (`?comments=N` on the target's page):
# a post with a thousand comments costs what a post with fifty does.
COMMENTS_PER_PAGE = 50
PAGE_PARAMETER = "comments"
LAST = "last"


def likes_tag(content_type_id: int, object_id: int) -> str:
    """The cache tag of the like counts of the comments on one target: only the target's page
    shows them (the comment list itself is cached without them, see section_context)."""
    return f"comment-likes:{content_type_id}:{object_id}"


def page_number(request: Any) -> str:
    """The comment page asked for in the request's address ("1" when none)."""
    value = str(request.GET.get(PAGE_PARAMETER, "1"))
    return str(min(int(value), 1_000_000)) if value.isdigit() else "1"


def comment_list(
    user: object, target: models.Model, page: str = "1"
) -> tuple[SafeString, int, int]:
    """The HTML of one page of `target`'s comments as `user` sees it, that page's number and
    how many pages there are; `page` is a number or LAST, and out of range gives the nearest.

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
    key = f"comments:{commentable.kind}:{target.pk}:{get_language()}:{scope}:{page}"

    def render() -> tuple[str, int, int]:
        comments = thread.only("body_html", "created_at", "hidden_at", "author_id", *AUTHOR_FIELDS)
        paginator = Paginator(comments.order_by("created_at", "id"), COMMENTS_PER_PAGE)
        shown = paginator.get_page(paginator.num_pages if page == LAST else page)
        html = render_to_string(
            "comments/_list.html",
            {
                "comments": shown.object_list,
                "deletable": deletable,
                "delete_all": delete_all,
                "moderate": moderate,
                "likes_open": commentable.is_open(target),
            },
        )
        return html, shown.number, paginator.num_pages

    html, number, pages = cached(key, render, [commentable.page_tag(target), "people"])
    return mark_safe(html), number, pages  # noqa: S308 — our own template's output


def comment_page_url(target: models.Model, number: int) -> str:
    url: str = target.get_absolute_url()  # type: ignore[attr-defined]
    return url if number <= 1 else f"{url}?{PAGE_PARAMETER}={number}"


def comment_url(target: models.Model) -> str:
    return reverse("comments:create", args=[registry.for_target(target).kind, target.pk])


def section_context(
    request: Any, target: models.Model, *, text: str = "", error: str = "", page: str = ""
) -> dict[str, Any]:
    """What comments/_section.html needs: a page of the list (`page`, else the one the address
    asks for), links to the others, the form or the join gate."""
    user = request.user
    html, number, pages = comment_list(user, target, page or page_number(request))
    # The list holds a slot for each comment's like button; the counts and whether this
    # viewer liked each are filled in per request (likes/buttons.py), so a like leaves the
    # cached list alone and refreshes only the pages of this target.
    depends_on(likes_tag(ContentType.objects.get_for_model(target).pk, target.pk))
    html = like_buttons.fill(request, html, next_url=comment_page_url(target, number))
    return {
        "target": target,
        "comment_count": getattr(target, "comment_count", 0),
        "comments_html": html,
        "comment_page": number,
        "comment_pages": pages,
        "comment_previous": comment_page_url(target, number - 1) if number > 1 else "",
        "comment_next": comment_page_url(target, number + 1) if number < pages else "",
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
