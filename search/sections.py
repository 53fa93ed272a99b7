"""The search box in the navigation of every page (lib/sections.py "main_nav")."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from lib import sections

from .queries import MAX_QUERY_CHARS


def search_box(request: HttpRequest, _user: Any) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "search:search":
        return ""  # the search page's own form is the box there
    return render_to_string("search/_box.html", {"limit": MAX_QUERY_CHARS}, request=request)


def register_all() -> None:
    # Last in the navigation's links, before the member's own (nav-end).
    sections.register("main_nav", "search.box", search_box, order=99)
