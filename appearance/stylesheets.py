"""The network's theme and custom CSS as stylesheets, and their addresses with a version."""

from functools import lru_cache
from typing import Any

from django.urls import reverse

from . import themes
from .customcss import sanitise


def theme_css(network: Any) -> str:
    return themes.stylesheet(themes.colours_of(network.theme, network.colours))


@lru_cache(maxsize=8)
def custom_css(stored: str) -> str:
    # Stored sanitised; sanitised again as it is served (a row written some other way).
    return sanitise(stored)


def theme_url(network: Any) -> str | None:
    """The theme's stylesheet address, or None for the default theme (site.css has it)."""
    if network is None:
        return None
    chosen = network.theme == themes.CUSTOM or (
        network.theme in themes.BY_KEY and network.theme != themes.DEFAULT
    )
    if not chosen:
        return None
    return f"{reverse('appearance:theme_css')}?v={themes.version(theme_css(network))}"


def custom_url(network: Any) -> str | None:
    if network is None or not network.custom_css.strip():
        return None
    return f"{reverse('appearance:custom_css')}?v={themes.version(custom_css(network.custom_css))}"
