"""The sidebar a page shows: which boxes (placement), in order, each as a title and its HTML.

base.html draws `sidebar_boxes` (network/context_processors.py) as `box.title` and
`box.body_html`: a text box's HTML is its Markdown rendered when it was saved; a feed box's is
its items rendered once per language and time zone and cached under the box's tag
(`sidebar-box:N`), so every visitor and member reads the same fragment. The cached list of
boxes (network/services.py, tag `network`) does not hold the items: a fragment that is not in
the cache reads them, one query for all the page's feed boxes.

Administrators see more, outside that fragment and never in a visitor's page: above a feed
box whose last fetch failed, "Last fetch failed at …: reason" (read fresh for them, one query,
only when a feed box is shown); a feed box with no items yet, which others do not see at all.
Pages cached for visitors (lib/pagecache.py) are only ever rendered for visitors, who get
neither.

"Blog pages" are the pages of the blogs app: /blog/ and everything under it (posts, tags,
the network blog's feeds), and members' blogs and their archives (/members/HANDLE/blog/…).
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib.cachetags import cached
from members.permissions import is_admin

from .feeds import FeedItem, item_date
from .models import SidebarBox
from .services import sidebar_boxes

BLOG_NAMESPACE = "blogs"


@dataclass(frozen=True)
class ShownBox:
    pk: int
    title: str
    body_html: SafeString
    kind: str


def placements_for(request: HttpRequest) -> set[str]:
    """The placements whose boxes this page shows."""
    shown = {SidebarBox.Placement.EVERYWHERE.value}
    match = getattr(request, "resolver_match", None)
    if match is not None:
        if match.view_name == "network:home":
            shown.add(SidebarBox.Placement.HOME.value)
        if BLOG_NAMESPACE in match.namespaces:
            shown.add(SidebarBox.Placement.BLOGS.value)
    return shown


class _Items:
    """The stored items of the feed boxes a page shows, read in one query, and only if one of
    their fragments is not in the cache."""

    def __init__(self, boxes: list[SidebarBox]) -> None:
        self._ids = [box.pk for box in boxes if box.is_feed]
        self._items: dict[int, list[FeedItem]] | None = None

    def of(self, box: SidebarBox) -> list[FeedItem]:
        if self._items is None:
            rows = SidebarBox.objects.filter(pk__in=self._ids).values_list("pk", "feed_items")
            self._items = {pk: list(items or []) for pk, items in rows}
        return self._items.get(box.pk, [])


def _render_items(box: SidebarBox, items: list[FeedItem]) -> str:
    if not items:
        return ""
    shown = [{"item": item, "when": item_date(item)} for item in items[: box.feed_items_shown]]
    return render_to_string("network/_feed_items.html", {"items": shown})


def feed_html(box: SidebarBox, items: _Items) -> SafeString:
    """The feed box's items as HTML ("" before any): cached per language and time zone until
    they change (tag `sidebar-box:N`)."""
    name = f"sidebar-feed:{box.pk}:{get_language()}:{timezone.get_current_timezone_name()}"
    html = cached(name, lambda: _render_items(box, items.of(box)), [f"sidebar-box:{box.pk}"])
    return mark_safe(html)  # noqa: S308 (rendered by our template, every value escaped)


def _failure_notes(boxes: list[SidebarBox]) -> dict[int, str]:
    """The administrators' notes: fresh from the database (a fetch's failure invalidates no
    cache, so visitors' pages stay cached while a feed is down)."""
    feed_ids = [box.pk for box in boxes if box.is_feed]
    if not feed_ids:
        return {}
    notes: dict[int, str] = {}
    rows = SidebarBox.objects.filter(pk__in=feed_ids).values_list(
        "pk", "failed_at", "last_error", "fetched_at"
    )
    for pk, failed_at, error, fetched_at in rows:
        if failed_at is not None:
            when = date_format(timezone.localtime(failed_at), "DATETIME_FORMAT")
            notes[pk] = format_html(
                '<p class="notice box-note" role="status">{}</p>',
                _("Last fetch failed at %(when)s: %(reason)s (only administrators see this.)")
                % {"when": when, "reason": error},
            )
        elif fetched_at is None:
            notes[pk] = format_html(
                '<p class="notice box-note" role="status">{}</p>',
                _("Not fetched yet: the feed is read within a few minutes."),
            )
    return notes


def boxes_for(request: HttpRequest) -> list[ShownBox]:
    """The boxes this page shows to this viewer, in order."""
    where = placements_for(request)
    boxes = [box for box in sidebar_boxes() if box.placement in where]
    admin = is_admin(getattr(request, "user", None))
    notes = _failure_notes(boxes) if admin else {}
    items = _Items(boxes)
    shown = []
    for box in boxes:
        if not box.is_feed:
            shown.append(ShownBox(box.pk, box.title, mark_safe(box.body_html), box.kind))  # noqa: S308
            continue
        body = feed_html(box, items)
        if not body and not admin:
            continue  # nothing to show yet
        if box.pk in notes:
            body = mark_safe(notes[box.pk] + body)  # noqa: S308 (both built escaped)
        shown.append(ShownBox(box.pk, box.title, body, box.kind))
    return shown
