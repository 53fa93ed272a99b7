import datetime as dt
from typing import Any

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lib import sections

register = template.Library()


@register.filter
def posted_on(value: dt.datetime | None) -> str:
    """“March 28, 2025 at 8:30pm” in the active (the network's) time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    # Written out rather than through the date filter three times: pages call this for every
    # comment, and it showed in profiles of the post page.
    hour = local.hour % 12 or 12
    meridiem = _("p.m.") if local.hour >= 12 else _("a.m.")
    return _("%(date)s at %(time)s") % {
        "date": f"{MONTHS[local.month]} {local.day}, {local.year}",
        "time": f"{hour}:{local.minute:02d}{_MERIDIEM_SHORT.get(str(meridiem), meridiem)}",
    }


# "p.m." → "pm", as the byline writes it; other languages keep their own words.
_MERIDIEM_SHORT = {"p.m.": "pm", "a.m.": "am"}


@register.simple_tag
def avatar(member: Any, large: bool = False) -> str:
    """A member's photo, or their initial on a coloured disc when they have none."""
    css = "avatar large" if large else "avatar"
    if member.photo_thumb:
        url = member.photo.url if large else member.photo_thumb.url
        return format_html('<img class="{}" src="{}" alt="" loading="lazy">', css, url)
    return format_html('<span class="{}" aria-hidden="true">{}</span>', css, member.initial)


@register.filter
def bdi(value: object) -> str:
    """Member-written text (a name, a title) isolated from the text around it: `<bdi>`, so a
    right-to-left name or a stray direction mark cannot reorder the rest of the line."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def isolated(value: object) -> str:
    """The same for plain text, where no element can go (`<title>`, attribute values): between
    FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE."""
    return f"\u2068{value}\u2069"


@register.simple_tag(takes_context=True)
def page_sections(context: template.Context, page: str, obj: Any = None) -> SafeString:
    """The sections apps registered for `page` (lib/sections.py), e.g. "member_nav": the
    links a signed-in member sees in the navigation (notifications, messages)."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    return SafeString("".join(sections.render_sections(page, request, obj)))


@register.simple_tag
def member_link(member: Any) -> str:
    """A member's name linked to their profile, isolated in `<bdi>`; for a member who left the
    network keeping their content (Member.is_former), "a former member": no name, no link."""
    if getattr(member, "is_former", False):
        return format_html('<span class="former-member">{}</span>', _("a former member"))
    return format_html(
        '<a href="{}"><bdi>{}</bdi></a>', member.get_absolute_url(), member.display_name
    )
