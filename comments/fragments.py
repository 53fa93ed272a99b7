"""The comment section of any commentable page, and its cached list of comments.

A page of the list holds COMMENTS_PER_PAGE top-level comments, oldest first, each with its
replies (oldest first, one level deep) under it. A top-level comment the viewer may not see
(hidden by a moderator, or written by someone hidden from them: registry.Commentable.
hidden_authors) is left out, unless it has replies they see: then a stub stands in its place.
"""

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lib.cachetags import cached, depends_on, versions
from likes import buttons as like_buttons
from members.permissions import can_contribute, is_member

from . import permissions, registry
from .models import MAX_COMMENT_CHARS, Comment
from .services import comments_on, pending_authors

# The author whole (a small row): what a byline reads of them (name, photo, address, whether
# they left) grows with the members app, and a deferred field would cost a query per comment.
FIELDS = ("body_html", "created_at", "hidden_at", "pending_at", "parent_id", "author")
# Top-level comments are shown oldest first, this many to a page (`?comments=N` on the
# target's page), each with all its replies: a post with a thousand comments costs what a
# post with fifty does.
COMMENTS_PER_PAGE = 50
PAGE_PARAMETER = "comments"
LAST = "last"
# What stands in for a top-level comment the viewer does not see, above its replies.
REMOVED, NOT_SHOWN = "removed", "not-shown"


def likes_tag(content_type_id: int, object_id: int) -> str:
    """The cache tag of the like counts of the comments on one target: only the target's page
    shows them (the comment list itself is cached without them, see section_context)."""
    return f"comment-likes:{content_type_id}:{object_id}"


def page_number(request: Any) -> str:
    """The comment page asked for in the request's address ("1" when none)."""
    value = str(request.GET.get(PAGE_PARAMETER, "1"))
    return str(min(int(value), 1_000_000)) if value.isdigit() else "1"


@dataclass
class Viewer:
    """What one viewer's list of comments on one target depends on, read once per request."""

    user: object
    target: models.Model
    hidden: Collection[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        self.moderate = permissions.can_moderate_comments(self.user)
        # Comments waiting for approval: the comments' moderators see them all, a member
        # their own.
        self.approve = permissions.can_approve_comments(self.user)
        self.delete_all = self.moderate or permissions.can_delete_all_comments(
            self.user, self.target
        )
        self.hidden = frozenset(self.hidden)
        self.can_comment = permissions.can_comment(self.user, self.target, self.hidden)

    def sees(self) -> Q:
        """Which comments this viewer sees."""
        seen = Q() if self.moderate else Q(hidden_at=None)
        if not self.approve:
            waiting = Q(pending_at=None)
            if is_member(self.user):
                waiting |= Q(author_id=self.user.pk)
            seen &= waiting
        if self.hidden:
            seen &= ~Q(author_id__in=self.hidden)
        return seen

    def shown(self, comments: models.QuerySet[Comment]) -> models.QuerySet[Comment]:
        """The comments among `comments` that this viewer sees."""
        return comments.filter(self.sees())

    def top_level(self, thread: models.QuerySet[Comment]) -> models.QuerySet[Comment]:
        """The top-level comments of the list: those shown, and the others with replies shown."""
        top = thread.filter(parent=None)
        if self.moderate and self.approve and not self.hidden:
            return top
        replies = self.shown(Comment.objects.filter(parent_id=OuterRef("pk")))
        return top.filter(self.sees() | Exists(replies))

    def removed(self, comment: "Comment | Row") -> str:
        """Why a top-level comment shows as a stub ("" if it does not)."""
        if comment.author_id in self.hidden:
            return NOT_SHOWN
        return REMOVED if comment.hidden_at is not None and not self.moderate else ""


def viewer(user: object, target: models.Model) -> Viewer:
    return Viewer(user, target, permissions.hidden_authors(user, target))


@dataclass
class Row:
    """What the list needs of a comment to place it; its HTML is kept apart (_render_each)."""

    pk: int
    parent_id: int | None
    hidden_at: Any
    author_id: int
    pending_at: Any = None
    html: str = ""


@dataclass
class Thread:
    comment: Row
    removed: str
    replies: list[Row]


# How long one comment's HTML is kept (it changes only with its author's name or photo, and
# those change the key).
COMMENT_HTML_SECONDS = 60 * 60


def _render_each(
    thread: models.QuerySet[Comment], threads: list[Thread], context: dict[str, Any]
) -> None:
    """Sets `html` on every comment shown in `threads`: comments/_comment.html for it, kept
    per comment and per way of showing it, and only the comments not kept are read whole. A
    new comment re-renders the list around the others, not the others: on a busy page that
    was most of each new comment's cost to its readers. The key holds all the comment's HTML
    depends on: how it shows (reply, hidden, the viewer's links), the language and time zone,
    and the "people" tag's version (its author's name and photo); a deleted comment leaves
    the page."""
    shown: list[tuple[Row, bool]] = []
    for each in threads:
        if not each.removed:  # a stub stands in its place
            shown.append((each.comment, False))
        shown.extend((answer, True) for answer in each.replies)
    if not shown:
        return
    people = ".".join(str(v) for _k, v in sorted(versions(["people"]).items()))
    where = f"{get_language()}:{timezone.get_current_timezone_name()}:{people}"
    deletable = context["deletable"]
    keys: dict[int, str] = {}
    for row, reply in shown:
        how = (
            reply,
            row.hidden_at is not None,
            row.pending_at is not None,
            context["delete_all"] or row.pk in deletable,
            context["moderate"],
            context["reply_links"],
            context["likes_open"],
        )
        flags = "".join("1" if flag else "0" for flag in how)
        keys[row.pk] = f"anjuman:comment-html:{row.pk}:{flags}:{where}"
    found = cache.get_many(list(keys.values()))
    missing = [row.pk for row, _reply in shown if keys[row.pk] not in found]
    whole = {c.pk: c for c in thread.filter(pk__in=missing).only(*FIELDS)} if missing else {}
    made = {}
    for row, reply in shown:
        key = keys[row.pk]
        html = found.get(key)
        if html is None:
            comment = whole.get(row.pk)
            if comment is None:
                continue  # deleted meanwhile
            html = render_to_string(
                "comments/_comment.html", {**context, "comment": comment, "reply": reply}
            )
            made[key] = html
        row.html = mark_safe(html)  # noqa: S308 — our own template's output
    if made:
        cache.set_many(made, COMMENT_HTML_SECONDS)


def comment_list(
    user: object, target: models.Model, page: str = "1", *, seen_by: Viewer | None = None
) -> tuple[SafeString, int, int]:
    """The HTML of one page of `target`'s comments as `user` sees it, that page's number and
    how many pages there are; `page` is a number or LAST, and out of range gives the nearest.

    Viewers differ only in which comments and links they see, so the HTML is kept once per
    case until the target's comments change: moderators (hidden comments too, with Hide and
    Delete links), the target's owner and administrators (Delete on all), a member's own
    (Delete on theirs), or none (visitors, and members who have not commented there); with
    Reply links or without; and the members hidden from them, if any.
    """
    commentable = registry.for_target(target)
    who = seen_by or viewer(user, target)
    thread = comments_on(target)
    deletable: set[int] = set()
    if not who.delete_all and is_member(user):
        deletable = set(thread.filter(author=user).values_list("pk", flat=True))
    if who.moderate:
        scope = "moderate"
    elif who.delete_all:
        scope = "all"
    else:
        scope = _digest(deletable)
    hidden = _digest(who.hidden) if who.hidden else "-"
    replies = "r" if who.can_comment else "-"
    waiting = _waiting_scope(who, thread)
    key = (
        f"comments:{commentable.kind}:{target.pk}:{get_language()}:{scope}:{replies}:{hidden}:"
        f"{waiting}:{page}"
    )

    def render() -> tuple[str, int, int]:
        top = who.top_level(thread).order_by("created_at", "id")
        paginator = Paginator(top, COMMENTS_PER_PAGE)
        shown = paginator.get_page(paginator.num_pages if page == LAST else page)
        # The page's top-level comments and their replies in one query (the page's ids as a
        # subquery), as cheap as the top-level comments alone.
        start = (shown.number - 1) * COMMENTS_PER_PAGE
        ids = top.values("pk")[start : start + COMMENTS_PER_PAGE]
        rows = thread.filter(Q(pk__in=ids) | Q(parent_id__in=ids) & who.sees())
        parents: list[Row] = []
        under: dict[int, list[Row]] = {}
        for values in rows.order_by("created_at", "id").values_list(
            "pk", "parent_id", "hidden_at", "author_id", "pending_at"
        ):
            row = Row(*values)
            if row.parent_id is None:
                parents.append(row)
            else:
                under.setdefault(row.parent_id, []).append(row)
        threads = [Thread(c, who.removed(c), under.get(c.pk, [])) for c in parents]
        context = {
            "deletable": deletable,
            "delete_all": who.delete_all,
            "moderate": who.moderate,
            "reply_links": who.can_comment,
            "likes_open": commentable.is_open(target),
        }
        _render_each(thread, threads, context)
        html = render_to_string("comments/_list.html", {"threads": threads, **context})
        return html, shown.number, paginator.num_pages

    html, number, pages = cached(key, render, [commentable.page_tag(target), "people"])
    return mark_safe(html), number, pages  # noqa: S308 — our own template's output


def _waiting_scope(who: Viewer, thread: models.QuerySet[Comment]) -> str:
    """Which comments waiting for approval `who` sees on this list: all of them (the comments'
    moderators), their own, or none. A member's own are told apart already by the list's
    scope (the digest of their comments there), unless they delete all comments there (the
    target's owner, moderators): then theirs are read, only for the few members the network
    has comments of waiting (services.pending_authors)."""
    if who.approve:
        return "a"
    user = who.user
    if not who.delete_all or not is_member(user) or user.pk not in pending_authors():
        return "-"
    own = set(
        thread.filter(author_id=user.pk).exclude(pending_at=None).values_list("pk", flat=True)
    )
    return "p" + _digest(own) if own else "-"


def _digest(ids: Collection[int]) -> str:
    return hashlib.sha256(repr(sorted(ids)).encode()).hexdigest()[:16]


def page_of(user: object, target: models.Model, comment: Comment) -> int:
    """The page of the list that shows `comment` (a top-level one) to `user`."""
    # The target counts every comment shown (replies too), and a list has at most that many
    # places (a stub stands for a hidden comment only above a shown reply): while they fit
    # on one page, that page is the first, without counting. Moderators see hidden ones too.
    count = getattr(target, "comment_count", COMMENTS_PER_PAGE)
    if count < COMMENTS_PER_PAGE and not permissions.can_moderate_comments(user):
        return 1
    top = viewer(user, target).top_level(comments_on(target))
    before = top.filter(
        Q(created_at__lt=comment.created_at) | Q(created_at=comment.created_at, pk__lt=comment.pk)
    ).count()
    return before // COMMENTS_PER_PAGE + 1


def comment_page_url(target: models.Model, number: int) -> str:
    url: str = target.get_absolute_url()  # type: ignore[attr-defined]
    return url if number <= 1 else f"{url}?{PAGE_PARAMETER}={number}"


def comment_url(target: models.Model) -> str:
    return reverse("comments:create", args=[registry.for_target(target).kind, target.pk])


def reply_slot(parent_pk: int) -> str:
    """The empty place under a top-level comment's replies where its reply form opens."""
    return f'<div class="reply-slot" id="reply-slot-{int(parent_pk)}"></div>'


def render_reply_form(
    request: Any,
    parent: Comment,
    *,
    text: str = "",
    error: str = "",
    inline: bool = True,
    cancel_url: str = "",
) -> SafeString:
    """The small form that replies to `parent`: `inline` under it on the target's page (sent
    by htmx, answered with the comment section), or on a page of its own (with a link back,
    `cancel_url`)."""
    context = {
        "cancel_url": cancel_url,
        "parent": parent,
        "reply_url": reverse("comments:reply", args=[parent.pk]),
        "text": text,
        "error": error,
        "inline": inline,
        "max_chars": MAX_COMMENT_CHARS,
    }
    html = render_to_string("comments/_reply_form.html", context, request=request)
    return mark_safe(html)  # noqa: S308 — our own template's output


def section_context(
    request: Any,
    target: models.Model,
    *,
    text: str = "",
    error: str = "",
    page: str = "",
    reply_to: Comment | None = None,
    reply_text: str = "",
    reply_error: str = "",
) -> dict[str, Any]:
    """What comments/_section.html needs: a page of the list (`page`, else the one the address
    asks for), links to the others, the form or the join gate; with `reply_to`, that comment's
    reply form open under it (keeping `reply_text`, saying `reply_error`)."""
    user = request.user
    who = viewer(user, target)
    html, number, pages = comment_list(user, target, page or page_number(request), seen_by=who)
    if reply_to is not None:
        form = render_reply_form(request, reply_to, text=reply_text, error=reply_error)
        slot = reply_slot(reply_to.pk)
        html = mark_safe(html.replace(slot, slot.replace("></div>", f">{form}</div>"), 1))  # noqa: S308
    # The list holds a slot for each comment's like button; the counts and whether this
    # viewer liked each are filled in per request (likes/buttons.py), so a like leaves the
    # cached list alone and refreshes only the pages of this target.
    depends_on(likes_tag(ContentType.objects.get_for_model(target).pk, target.pk))
    html = like_buttons.fill(request, html, next_url=comment_page_url(target, number))
    return {
        "target": target,
        "heading": registry.for_target(target).heading,
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
        "can_comment": who.can_comment,
        "needs_confirmation": is_member(user) and not can_contribute(user),
        # What the template reads that a context processor would give a whole page.
        "user": user,
        "network": getattr(request, "network", None),
    }


def render_section(request: Any, target: models.Model, **kwargs: Any) -> SafeString:
    """The section alone (htmx answers); pages use the {% comments %} tag."""
    html = render_to_string(
        "comments/_section.html", section_context(request, target, **kwargs), request=request
    )
    return mark_safe(html)  # noqa: S308 — our own template's output
