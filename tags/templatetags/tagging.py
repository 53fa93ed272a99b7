"""{% tag_links obj %}: an item's tags as links to their pages (one query).
{% tagged_byline row %}: a tag page row's "By NAME on DATE"."""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from django.utils.translation import gettext

from members.templatetags.anjuman import member_link

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
    """What `{% member_link row.author as author %}{% blocktranslate with
    date=row.date|date:"DATE_FORMAT" %}By {{ author }} on {{ date }}{% endblocktranslate %}`
    writes (the same message to translate), without a template block for each of a page's
    rows. The row has an author."""
    date = date_format(template_localtime(row.date), "DATE_FORMAT")
    # The sentence is the translators' (not escaped, as blocktranslate leaves it); the values
    # are escaped (the member's link is already HTML).
    return SafeString(
        gettext("By %(author)s on %(date)s")
        % {"author": conditional_escape(member_link(row.author)), "date": conditional_escape(date)}
    )
