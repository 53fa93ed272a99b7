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
from django.utils.safestring import SafeString

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
