"""{% result_byline entry %}: a search result's "By NAME on DATE".
{% search_result result %}: one result of the results page."""

from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from django.utils.translation import gettext as _

from members.templatetags.anjuman import bdi, byline

register = template.Library()


@register.simple_tag
def result_byline(entry: Any) -> SafeString:
    """The entry's byline (members' `byline`); the entry has an author."""
    return byline(entry.author, entry.date)


@register.simple_tag
def search_result(result: Any) -> SafeString:
    """One result (search.views.Result) as an <article>, with the whitespace around it that
    search/_results.html's loop had: written here, as a template block per result was a
    fifth of a search's time. The same HTML and the same messages to translate ("on
    %(title)s" is blocktranslate's "on {{ title }}")."""
    esc = conditional_escape
    entry = result.entry
    out = ['\n  <article class="entry search-result">\n    <p class="byline">', esc(result.label)]
    if result.context:
        # As blocktranslate writes it: the translation as it is, the value escaped.
        out.append(" · " + _("on %(title)s") % {"title": esc(bdi(result.context))})
    out.append("</p>\n    ")
    url = esc(entry.url)
    if result.title:
        out.append(f'<h2 dir="auto"><a href="{url}">{esc(result.title)}</a></h2>')
    out.append("\n    ")
    if result.snippet:
        snippet = esc(result.snippet)
        if result.title:
            out.append(f'<p class="excerpt" dir="auto">{snippet}</p>')
        else:
            out.append(f'<p class="excerpt" dir="auto"><a href="{url}">{snippet}</a></p>')
    out.append('\n    <p class="byline">')
    if entry.kind != "member" and entry.author:
        out.append(byline(entry.author, entry.date))
    else:
        out.append(esc(date_format(template_localtime(entry.date), "DATE_FORMAT")))
    out.append("</p>\n  </article>\n  ")
    # Every piece is escaped above, or our own markup.
    return SafeString("".join(out))
