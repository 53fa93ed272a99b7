"""{% result_byline entry %}: a search result's "By NAME on DATE"."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from members.templatetags.anjuman import byline

register = template.Library()


@register.simple_tag
def result_byline(entry: Any) -> SafeString:
    """The entry's byline (members' `byline`); the entry has an author."""
    return byline(entry.author, entry.date)
