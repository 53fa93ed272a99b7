"""{% result_byline entry %}: a search result's "By NAME on DATE"."""

from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from django.utils.translation import gettext

from members.templatetags.anjuman import member_link

register = template.Library()


@register.simple_tag
def result_byline(entry: Any) -> SafeString:
    """What `{% member_link entry.author as name %}{% blocktranslate with
    date=entry.date|date:"DATE_FORMAT" %}By {{ name }} on {{ date }}{% endblocktranslate %}`
    writes (the same message to translate), without a template block for each of a page's
    results. The entry has an author."""
    date = date_format(template_localtime(entry.date), "DATE_FORMAT")
    # The sentence is the translators' (not escaped, as blocktranslate leaves it); the values
    # are escaped (the member's link is already HTML).
    return SafeString(
        gettext("By %(name)s on %(date)s")
        % {"name": conditional_escape(member_link(entry.author)), "date": conditional_escape(date)}
    )
