from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from appearance.stylesheets import custom_url, theme_url

register = template.Library()


@register.simple_tag
def appearance_stylesheets(network: Any) -> SafeString:
    """The theme's and the custom CSS's <link>s (after site.css, so they win)."""
    if not network:
        return SafeString("")
    links = [
        format_html('<link rel="stylesheet" href="{}">', url)
        for url in (theme_url(network), custom_url(network))
        if url
    ]
    return SafeString("\n  ".join(links))
