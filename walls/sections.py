"""The member page's comment wall (lib/sections.py): the `{% comments %}` section of their wall.

The member page is cached for visitors: the section names the wall's tag (its count) and the
comment list names its own (comments/fragments.py). Rendered with the request, as the comment
form needs its CSRF token (only members who may write get one)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from lib import sections
from lib.cachetags import depends_on

from .models import wall_tag
from .permissions import has_wall
from .services import wall_of


def member_wall(request: HttpRequest, member: Any) -> str:
    if not has_wall(member):
        return ""
    depends_on(wall_tag(member.pk))
    return render_to_string("walls/_member_section.html", {"wall": wall_of(member)}, request)


def register_all() -> None:
    # Last on the page, below what the member wrote and who their friends are.
    sections.register("member", "walls.wall", member_wall, order=90)
