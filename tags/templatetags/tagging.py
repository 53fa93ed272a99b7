"""{% tag_links obj %}: an item's tags as links to their pages (one query).
{% tagged_byline row %}: a tag page row's "By NAME on DATE".
{% tagged_item row %}: a tag page's row."""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]

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


@register.simple_tag
def tagged_item(row: Row) -> SafeString:
    """One row of a tag page as an <article>, with the whitespace around it that
    tags/_listing.html's loop had: written here, as a template block per row cost more than
    the row's queries."""
    esc = conditional_escape
    author = row.author
    if author:
        when = byline(author, row.date)
    else:
        when = esc(date_format(template_localtime(row.date), "DATE_FORMAT"))
    # Every piece is escaped, or our own markup.
    return SafeString(
        '\n  <article class="entry tagged-item">\n    <p class="byline">'
        f"{esc(str(row.kind.label_one))}</p>\n"
        f'    <h2 dir="auto"><a href="{esc(row.url)}">{esc(row.title)}</a></h2>\n'
        f'    <p class="byline">{when}</p>\n  </article>\n  '
    )
