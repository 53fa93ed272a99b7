"""The search box in the navigation of every page (lib/sections.py "main_nav")."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.translation import get_language

from lib import sections

from .queries import MAX_QUERY_CHARS

# The box's HTML by language and script prefix: the same on every page, made once per worker
# (rendered with the request it ran every context processor, on every page).
_boxes: dict[tuple[str | None, str], str] = {}


def search_box(request: HttpRequest, _user: Any) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "search:search":
        return ""  # the search page's own form is the box there
    key = (get_language(), get_script_prefix())
    box = _boxes.get(key)
    if box is None:
        box = render_to_string("search/_box.html", {"limit": MAX_QUERY_CHARS})
        if not settings.DEBUG:  # while developing, an edited template shows at once
            _boxes[key] = box
    return box


def register_all() -> None:
    # Last in the navigation's links, before the member's own (nav-end).
    sections.register("main_nav", "search.box", search_box, order=99)
