"""What a page says of itself to other sites: its card (OpenGraph and Twitter tags) and its
canonical address.

Each route that shows one thing registers a provider (sharing/providers.py, from
AppConfig.ready()): given the page's template context, it returns the card of the thing the
view put there — the view already read it, with the viewer's permissions, so a card costs no
query and can only say what the viewer may see. A page without a provider, or whose provider
finds nothing (an error page of that route), gets the network's card.
"""

import datetime as dt
import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from django.http import HttpRequest
from django.utils.html import strip_tags

from lib.markup import truncate_words

EXCERPT_CHARS = 200


@dataclass(frozen=True)
class Card:
    title: str
    description: str = ""
    # The thing's own address (a path): the page's canonical address. Empty: the page's own
    # path, with its `page` number.
    url: str = ""
    # A picture of it: an absolute address or a path on this site.
    image: str = ""
    image_alt: str = ""
    image_width: int | None = None
    image_height: int | None = None
    kind: str = "website"  # og:type
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    # Seen by visitors too. Something only its viewer sees (a draft, a hidden post, an invited
    # event, a private group's discussion opened by one of its members) is marked noindex and
    # offers no oEmbed.
    public: bool = True
    # The blog post page: offers its oEmbed address.
    oembed: bool = False


class Lookup(Protocol):
    """A template context, read by name."""

    def get(self, key: str, otherwise: Any = None) -> Any: ...


Provider = Callable[[Lookup, HttpRequest], Card | None]

_providers: dict[str, Provider] = {}


def register(*routes: str) -> Callable[[Provider], Provider]:
    """Registers a provider for the named routes ("blogs:post")."""

    def add(provider: Provider) -> Provider:
        for route in routes:
            _providers[route] = provider
        return provider

    return add


def provider_for(route: str) -> Provider | None:
    return _providers.get(route)


def routes() -> list[str]:
    return sorted(_providers)


# Where one block of text ends and the next begins: a space between them. Inline elements
# (<strong>, <a>) end without one, so "**ten** years." stays "ten years.".
_BLOCK_END = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_OPEN_TAG_AT_END = re.compile(r"<[^>]*$")
# Enough of a long text for any excerpt: the rest is never read.
_READ_CHARS = 20 * EXCERPT_CHARS


def plain_text(value: str) -> str:
    """The readable start of sanitised HTML, on one line."""
    return _plain_head(value[:_READ_CHARS])


@functools.lru_cache(maxsize=64)
def _plain_head(head: str) -> str:
    # Remembered: the same post's card is made on each of its views, and strip_tags (an HTML
    # parser in Python) is most of a card's cost.
    head = _OPEN_TAG_AT_END.sub("", head)
    return " ".join(html.unescape(strip_tags(_BLOCK_END.sub(" ", head))).split())


def excerpt(body_html: str, chars: int = EXCERPT_CHARS) -> str:
    """At most `chars` characters of sanitised HTML's text, cut at a word."""
    return truncate_words(plain_text(body_html), chars)


def excerpt_of_text(text: str, chars: int = EXCERPT_CHARS) -> str:
    """The same of plain text (a caption, an "about"), which may hold a "<" of its own."""
    return truncate_words(" ".join(text.split()), chars)


_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def first_image(body_html: str) -> str:
    """The address of the first picture of sanitised HTML (lib/markup.py), if it is a web
    address or a path of this site."""
    for match in _IMG_SRC.finditer(body_html):
        src = html.unescape(match.group(1) or match.group(2) or "").strip()
        if src.lower().startswith(("http://", "https://")) or (
            src.startswith("/") and not src.startswith("//")
        ):
            return src
    return ""


def file_url(field: Any) -> str:
    """The address of an uploaded file (a FieldFile), or "" when there is none."""
    if not field:
        return ""
    try:
        return str(field.url)
    except ValueError:
        return ""


# A path as a URI: every character but unreserved ones and the path's own delimiters
# percent-encoded (Urdu slugs too, as browsers send them) — ":" as well, which no address of
# ours holds, so a path typed to carry markup or a scheme shows none in the page's links.
_PATH_SAFE = "/%-._~!$&'()*+,;=@"


def canonical_path(request: HttpRequest, card_url: str = "") -> str:
    """The page's address without query noise: the thing's own address if it has one, else
    the path, keeping a list's page number (2 and up)."""
    path = quote(card_url or request.path, safe=_PATH_SAFE)
    page = request.GET.get("page", "")
    if not card_url and page.isdigit() and int(page) > 1:
        return f"{path}?page={int(page)}"
    return path
