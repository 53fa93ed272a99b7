"""Another site's RSS or Atom feed, read into the few plain items a sidebar feed box shows.

The feed's bytes come from lib/fetch.py (never from feedparser itself: given a string that
looks like an address it fetches it, and given bytes it first tries them as a *file name*, so
it only ever gets a stream of what was already fetched). What is kept of each entry is plain:
its title as one line of text (markup and entities gone), its link only if it is an absolute
http(s) address, its date in UTC; nothing of the feed is ever shown as HTML.
"""

import datetime as dt
import html
import io
from typing import Any, TypedDict
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from lib.text import clean_text

from .models import FEED_ITEMS_MAX

TITLE_MAX = 300
LINK_MAX = 1000


class FeedItem(TypedDict):
    title: str
    link: str  # an absolute http(s) address, or ""
    date: str  # ISO 8601 in UTC, or ""


class NotAFeed(Exception):
    """The answer is not an RSS or Atom feed with entries; str() says so for administrators."""


def safe_link(value: object) -> str:
    """`value` if it is an absolute http(s) address without spaces or controls, else ""."""
    if not isinstance(value, str):
        return ""
    link = value.strip()
    if not link or len(link) > LINK_MAX or any(ord(c) < 33 or ord(c) == 127 for c in link):
        return ""
    try:
        parts = urlsplit(link)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return link


def plain_title(value: object) -> str:
    if not isinstance(value, str):
        return ""
    text = clean_text(html.unescape(strip_tags(value)))
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"


def _date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)  # not FeedParserDict.get: no deprecated key mapping
        if parsed:
            try:
                year, month, day, hour, minute, second = (int(v) for v in parsed[:6])
                return dt.datetime(
                    year, month, day, hour, minute, second, tzinfo=dt.UTC
                ).isoformat()
            except (TypeError, ValueError):
                continue
    return ""


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> list[FeedItem]:
    """The first FEED_ITEMS_MAX entries of the feed in `body` (fetched from `url`)."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers=headers, resolve_relative_uris=True
    )
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise NotAFeed(
            _("This is not an RSS or Atom feed (%(error)s).") % {"error": type(reason).__name__}
            if reason
            else _("This is not an RSS or Atom feed.")
        )
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = safe_link(entry.get("link"))
        title = plain_title(entry.get("title")) or link
        if not title:
            continue
        items.append({"title": title, "link": link, "date": _date(entry)})
        if len(items) == FEED_ITEMS_MAX:
            break
    return items


def item_date(item: FeedItem) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(item["date"]) if item.get("date") else None
    except (TypeError, ValueError):
        return None
