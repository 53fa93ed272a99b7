"""{% share_meta %}: the page's canonical address, OpenGraph and Twitter card tags, placed in
templates/base.html's <head> (sharing/cards.py says where each card comes from)."""

from typing import Any

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from lib.urls import fixed_reverse
from members.permissions import is_member

from ..cards import Card, canonical_path, excerpt_of_text, file_url, provider_for

register = template.Library()

# og:locale wants language_TERRITORY.
_LOCALES = {"en": "en_US", "ur": "ur_PK"}


def _network_card(network: Any) -> Card:
    # Its picture is the logo, which stands in for any card without a picture of its own.
    return Card(
        title=network.name, description=excerpt_of_text(network.description or network.tagline)
    )


def _absolute(request: Any, address: str) -> str:
    if not address or address.lower().startswith(("http://", "https://")):
        return address
    return str(request.build_absolute_uri(address))


@register.simple_tag(takes_context=True)
def share_meta(context: template.Context) -> SafeString:
    request = context.get("request")
    # Error pages (Django's handlers put the exception in their context) say nothing of
    # themselves; the 500 page has no request.
    if request is None or "exception" in context:
        return SafeString("")
    network = context.get("network")
    private = network is not None and network.visibility == network.Visibility.PRIVATE
    if private and not is_member(request.user):
        # A private network's doors (sign in, join…) describe nothing and are not indexed.
        return SafeString('<meta name="robots" content="noindex, nofollow">')
    card: Card | None = None
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name:
        provider = provider_for(match.view_name)
        if provider is not None:
            card = provider(context, request)
    if card is None and network is not None:
        card = _network_card(network)
    url = _absolute(request, canonical_path(request, card.url if card else ""))
    image = ""
    if card is not None:
        image = card.image or (file_url(network.logo) if network is not None else "")
    network_name = network.name if network is not None else ""
    values = {
        "card": card,
        "url": url,
        "image": _absolute(request, image),
        "image_alt": card.image_alt if card and card.image else network_name,
        # The network's logo standing in for the thing's own picture: a small card.
        "large_image": bool(card and card.image),
        "site_name": network_name,
        "locale": _LOCALES.get((get_language() or "").split("-")[0], ""),
        "noindex": private or (card is not None and not card.public),
        "oembed": "",
    }
    if card is not None and card.oembed and not private:
        values["oembed"] = _absolute(
            request,
            fixed_reverse("sharing:oembed") + "?" + urlencode({"url": url, "format": "json"}),
        )
    return _meta_tags(values)


def _local(when: Any) -> Any:
    # As the template's date filter has it: in the current time zone.
    if settings.USE_TZ and timezone.is_aware(when):
        return timezone.localtime(when)
    return when


def _meta_tags(values: dict[str, Any]) -> SafeString:
    """The tags sharing/_meta.html writes, written here: they are in every page's <head>, and
    rendering that template was a tenth of a post page's template time. The template stays as
    the reference (sharing/tests compare both)."""
    esc = conditional_escape
    card: Card | None = values["card"]
    url = esc(values["url"])
    image = esc(values["image"])
    image_alt = esc(values["image_alt"])
    out = []
    if values["noindex"]:
        out.append('<meta name="robots" content="noindex">\n  ')
    out.append(f'<link rel="canonical" href="{url}">')
    if card:
        title = esc(card.title)
        description = esc(card.description)
        out.append(f'\n  <meta property="og:type" content="{esc(card.kind)}">')
        out.append(f'\n  <meta property="og:title" content="{title}">')
        if card.description:
            out.append(f'\n  <meta property="og:description" content="{description}">')
            out.append(f'\n  <meta name="description" content="{description}">')
        out.append(f'\n  <meta property="og:url" content="{url}">')
        if values["site_name"]:
            out.append(f'\n  <meta property="og:site_name" content="{esc(values["site_name"])}">')
        if values["locale"]:
            out.append(f'\n  <meta property="og:locale" content="{esc(values["locale"])}">')
        if values["image"]:
            out.append(f'\n  <meta property="og:image" content="{image}">')
            if card.image and card.image_width and card.image_height:
                width, height = localize(card.image_width), localize(card.image_height)
                out.append(f'\n  <meta property="og:image:width" content="{esc(width)}">')
                out.append(f'\n  <meta property="og:image:height" content="{esc(height)}">')
            if values["image_alt"]:
                out.append(f'\n  <meta property="og:image:alt" content="{image_alt}">')
        if card.kind == "article":
            if card.published:
                # The date filter's "c": ISO 8601, as isoformat() writes it.
                when = esc(_local(card.published).isoformat())
                out.append(f'\n  <meta property="article:published_time" content="{when}">')
            if card.modified:
                when = esc(_local(card.modified).isoformat())
                out.append(f'\n  <meta property="article:modified_time" content="{when}">')
        size = "summary_large_image" if values["large_image"] else "summary"
        out.append(f'\n  <meta name="twitter:card" content="{size}">')
        out.append(f'\n  <meta name="twitter:title" content="{title}">')
        if card.description:
            out.append(f'\n  <meta name="twitter:description" content="{description}">')
        if values["image"]:
            out.append(f'\n  <meta name="twitter:image" content="{image}">')
            if values["image_alt"]:
                out.append(f'\n  <meta name="twitter:image:alt" content="{image_alt}">')
    if values["oembed"]:
        named = esc(card.title) if card else ""
        out.append(
            '\n  <link rel="alternate" type="application/json+oembed" '
            f'href="{esc(values["oembed"])}" title="{named}">'
        )
    out.append("\n")
    return SafeString("".join(out))
