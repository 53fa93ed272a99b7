"""{% tag_links obj %}: an item's tags as links to their pages (one query).
{% tagged_byline row %}: a tag page row's "By NAME on DATE"."""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from members.templatetags.anjuman import byline

from ..queries import Row
from ..services import tags_of

register = template.Library()


@register.simple_tag
def tag_links(obj: Any) -> SafeString:
    if obj is None or getattr(obj, "pk", None) is None:
        return SafeString("")
    return SafeString(render_to_string("tags/_links.html", {"tags": tags_of(obj)}))


@register.simple_tag
def tagged_byline(row: Row) -> SafeString:
    """The row's byline (members' `byline`); the row has an author."""
    return byline(row.author, row.date)
