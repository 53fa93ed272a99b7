import datetime as dt
from typing import Any

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from django.utils.translation import gettext as _

from lib import sections
from lib.cachetags import cached
from lib.urls import fixed_reverse, static_url

register = template.Library()


@register.simple_tag
def route(name: str, *args: Any) -> str:
    """`{% url name args %}` for the links every page draws the same (base.html's navigation
    and footer): made once per process (lib.urls.fixed_reverse). Fixed names and arguments
    only."""
    return fixed_reverse(name, *(str(arg) for arg in args))


@register.simple_tag
def asset(path: str) -> str:
    """`{% static path %}`, made once per process (lib.urls.static_url)."""
    return static_url(path)


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
    # Each language orders the date its own way ("28 مارچ 2025" in Urdu).
    date = _("%(month)s %(day)s, %(year)s") % {
        "month": MONTHS[local.month],
        "day": local.day,
        "year": local.year,
    }
    short = _MERIDIEM_SHORT.get(str(meridiem))
    clock = f"{hour}:{local.minute:02d}"
    return _("%(date)s at %(time)s") % {
        "date": date,
        "time": f"{clock}{short}" if short else f"{clock} {meridiem}",
    }


# "p.m." → "pm", as the byline writes it; other languages keep their own words.
_MERIDIEM_SHORT = {"p.m.": "pm", "a.m.": "am"}


@register.simple_tag
def avatar(member: Any, large: bool = False, decorative: bool = False) -> str:
    """A member's photo, or their initial on a coloured disc when they have none, named with
    the member's name for screen readers (an avatar alone in a link is that link's name).
    `decorative=True` where the name is written beside it in the same link or heading: then it
    is hidden from screen readers rather than read twice. The name is member-written: it takes
    its own direction (dir="auto")."""
    css = "avatar large" if large else "avatar"
    if decorative:
        name = ""
    elif getattr(member, "is_former", False):
        name = _("a former member")
    else:
        name = member.display_name
    if member.photo_thumb:
        url = member.photo.url if large else member.photo_thumb.url
        return format_html(
            '<img class="{}" src="{}" alt="{}" dir="auto" loading="lazy">', css, url, name
        )
    if not name:
        return format_html('<span class="{}" aria-hidden="true">{}</span>', css, member.initial)
    return format_html(
        '<span class="{}" role="img" aria-label="{}" dir="auto">{}</span>',
        css,
        name,
        member.initial,
    )


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
    user = getattr(request, "user", None)
    if page in sections.SHARED_FOR_VISITORS and user is not None and not user.is_authenticated:
        return sections.render_for_visitor(page, request, obj)
    return SafeString("".join(sections.render_sections(page, request, obj)))


# Badges beside names (roster/): {member id: ((name, image url), …)} for every member who has
# any, read in one query and kept until a badge or a member changes ("people"), so a page of
# bylines costs no query per name.
type BadgeMap = dict[int, tuple[tuple[str, str], ...]]


def _read_badge_map() -> BadgeMap:
    from members.models import Badge, Member

    storage = Badge._meta.get_field("image").storage
    found: dict[int, list[tuple[str, str]]] = {}
    rows = Member.badges.through.objects.order_by("badge__position", "badge__name").values_list(
        "member_id", "badge__name", "badge__image"
    )
    for member_id, name, image in rows:
        url = storage.url(image) if image else ""
        found.setdefault(member_id, []).append((name, url))
    return {pk: tuple(badges) for pk, badges in found.items()}


def badge_map() -> BadgeMap:
    return cached("members:badge-map", _read_badge_map, ["people"])


def badges_html(member_id: int | None) -> str:
    """A member's badges as small labels (an image badge: its picture, named in alt)."""
    badges = badge_map().get(member_id or 0) if member_id else None
    if not badges:
        return ""
    parts = []
    for name, url in badges:
        if url:
            parts.append(
                format_html(
                    ' <img class="member-badge-image" src="{}" alt="{}" title="{}">',
                    url,
                    name,
                    name,
                )
            )
        else:
            parts.append(format_html(' <span class="member-badge" dir="auto">{}</span>', name))
    return "".join(parts)


@register.simple_tag
def member_badges(member: Any) -> SafeString:
    """The member's badges, for pages that show a name without member_link (their own page,
    the directory)."""
    if getattr(member, "is_former", False):
        return SafeString("")
    return SafeString(badges_html(getattr(member, "pk", None)))


@register.simple_tag
def member_link(member: Any) -> str:
    """A member's name linked to their profile, isolated in `<bdi>`, and their badges beside it;
    for a member who left the network keeping their content (Member.is_former), "a former
    member": no name, no link; for someone with no profile to open (suspended, an author an
    import kept), the name alone; for an account of another server, its page there."""
    if getattr(member, "is_former", False):
        return format_html('<span class="former-member">{}</span>', _("a former member"))
    url = member.link_url
    if member.server:
        # An account of another server: its name leads to its page there, its server named.
        server = format_html(' <span class="member-server">({})</span>', member.server)
        if not url:
            return format_html("<bdi>{}</bdi>{}", member.display_name, server)
        return format_html(
            '<a href="{}" rel="nofollow ugc"><bdi>{}</bdi></a>{}', url, member.display_name, server
        )
    if not url:
        return format_html(
            "<bdi>{}</bdi>{}", member.display_name, SafeString(badges_html(member.pk))
        )
    return format_html(
        '<a href="{}"><bdi>{}</bdi></a>{}',
        url,
        member.display_name,
        SafeString(badges_html(member.pk)),
    )


def byline(author: Any, when: dt.datetime) -> SafeString:
    """What `{% member_link author as author %}{% blocktranslate with date=when|date:"DATE_FORMAT"
    %}By {{ author }} on {{ date }}{% endblocktranslate %}` writes (the same message to
    translate), for tags that write a list's rows without a template block for each."""
    date = date_format(template_localtime(when), "DATE_FORMAT")
    # The sentence is the translators' (not escaped, as blocktranslate leaves it); the values
    # are escaped (the member's link is already HTML).
    return SafeString(
        _("By %(author)s on %(date)s")
        % {"author": conditional_escape(member_link(author)), "date": conditional_escape(date)}
    )


@register.filter
def blog_name(member: Any) -> str:
    """The member's blog's name as plain text (<title>, feeds, attributes): the one they chose
    ("Haq's Musings"), else "NAME's Blog"."""
    chosen = getattr(member, "blog_name", "")
    if chosen:
        return str(chosen)
    return _("%(name)s's Blog") % {"name": member.display_name}


@register.filter
def blog_heading(member: Any) -> SafeString:
    """The same as HTML for headings and links: a chosen name escaped, the default with the
    member's name isolated (`<bdi>`) inside the sentence, as `|bdi` does elsewhere."""
    chosen = getattr(member, "blog_name", "")
    if chosen:
        return conditional_escape(chosen)
    # The translation is trusted as a template's is; only the name is member-written.
    return SafeString(_("%(name)s's Blog") % {"name": bdi(member.display_name)})
