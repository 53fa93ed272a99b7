"""Pages that combine apps (the home page, a member's page) show sections the apps register.

An app adds its section in its AppConfig.ready(), e.g. blogs adds the latest posts to the home
page and a member's latest posts to their page; the page's own app never imports it. A section
renders itself (its own queries, cache tags and template) and returns HTML; `head` sections go
into the page's <head> (feed links).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .cachetags import cached_fragment

type Render = Callable[[HttpRequest, Any], str]


@dataclass(frozen=True)
class Section:
    name: str
    render: Render
    order: int


_registry: dict[str, list[Section]] = {}
# Functions that may leave a section out of a page for a request: filter(request, page,
# section) -> False leaves it out (features/ installs one: a feature switched off loses its
# navigation link and its sections). Lib imports no app; the app installs its filter.
type Filter = Callable[[HttpRequest, str, Section], bool]
_filters: list[Filter] = []


def register(page: str, name: str, render: Render, *, order: int = 50) -> None:
    """Adds a section to `page` ("home", "member", "member_head", …), sorted by `order`."""
    sections = [s for s in _registry.get(page, []) if s.name != name]
    _registry[page] = sorted([*sections, Section(name, render, order)], key=lambda s: s.order)


def add_filter(keep: Filter) -> None:
    """Installs a filter: sections for which `keep(request, page, section)` is False are left
    out of the page (installed once, however often an app's ready() runs)."""
    if keep not in _filters:
        _filters.append(keep)


def render_sections(page: str, request: HttpRequest, obj: Any = None) -> list[SafeString]:
    """Each section's HTML for this request (and the page's object, e.g. the member)."""
    return [
        SafeString(section.render(request, obj))
        for section in _registry.get(page, [])
        if all(keep(request, page, section) for keep in _filters)
    ]


# Pages whose sections show every visitor the same on a given view (the navigation's links):
# for visitors they are rendered once per language, view and set of switched-off features,
# and kept until the network's settings change or a cache tag a section named does (the
# pages in the navigation). Their sections must not read anything else of the request.
SHARED_FOR_VISITORS = frozenset({"main_nav"})


def render_for_visitor(page: str, request: HttpRequest, obj: Any = None) -> SafeString:
    """ "".join(render_sections(page, request, obj)) for a visitor, cached (SHARED_FOR_VISITORS):
    every page draws the navigation, and its links cost as much as a small page's content."""
    network = getattr(request, "network", None)
    match = getattr(request, "resolver_match", None)
    name = "\x00".join(
        [
            "sections:visitor",
            page,
            get_language() or "",
            get_script_prefix(),
            (match.view_name or "") if match is not None else "",
            ",".join(sorted(getattr(network, "features_off", None) or ())),
        ]
    )
    html = cached_fragment(name, lambda: "".join(render_sections(page, request, obj)), ["network"])
    # The sections' own HTML, kept as text in the cache.
    return SafeString(html)
