"""Turning what members write into safe HTML, and HTML into short plain text."""

import html
from typing import Any

import nh3
from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize
from markdown_it import MarkdownIt

# Raw HTML in Markdown is shown as text (html=False); nh3 then guarantees that nothing outside
# the allow-list survives, whatever the renderer produced.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
_markdown.enable(["table", "strikethrough", "linkify"])

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
}  # fmt: skip
# Every block a member writes takes its direction from its own first letters (dir="auto"), so
# an English paragraph in an Urdu post reads left to right and an Urdu one in an English post
# right to left, whatever the page's language. The sanitiser sets it on each of these blocks
# (whatever the input said: "auto" is the only value that comes out), so it holds for every
# block the renderer emits, lists and tables included.
DIRECTION_BLOCKS = {
    "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p", "pre", "table", "td", "th",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
}


def sanitize_html(value: str) -> str:
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
        set_tag_attribute_values={tag: {"dir": "auto"} for tag in DIRECTION_BLOCKS},
    )


def render_markdown(text: str) -> str:
    return sanitize_html(_markdown.render(text))


def rerender_stored(model: Any, source: str, target: str, *, batch: int = 500) -> int:
    """Renders every row's Markdown (`source`) into its stored HTML (`target`) again, for a
    data migration after the renderer changed (dir="auto" on blocks): in batches, reading only
    the two columns, leaving rows without Markdown alone. Returns the rows rewritten.

    `model` is the migration's historical model (apps.get_model), so this works at any point
    of the migration history."""
    changed = 0
    rows = model.objects.exclude(**{source: ""}).only("pk", source, target).order_by("pk")
    pending = []
    for row in rows.iterator(chunk_size=batch):
        html_now = render_markdown(getattr(row, source))
        if html_now != getattr(row, target):
            setattr(row, target, html_now)
            pending.append(row)
        if len(pending) >= batch:
            model.objects.bulk_update(pending, [target])
            changed += len(pending)
            pending = []
    if pending:
        model.objects.bulk_update(pending, [target])
        changed += len(pending)
    return changed


def html_to_text(value: str) -> str:
    """The readable text of some HTML, with block boundaries turned into spaces."""
    text = nh3.clean(value.replace("<", " <"), tags=set())
    return " ".join(html.unescape(text).split())


def truncate_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary and ended with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-—") + "…"


def render_plain_text(text: str) -> str:
    """Plain text as HTML: escaped, links made clickable, line breaks kept (for comments)."""
    return str(linebreaksbr(urlize(text, nofollow=True, autoescape=True), autoescape=False))
