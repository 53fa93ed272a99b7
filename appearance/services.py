"""Saving the network's appearance. The theme and the footer show on every page: "network"."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lib.cachetags import invalidate
from members.actionlog import record
from members.models import Member
from network.models import Network

from . import themes
from .customcss import sanitise
from .permissions import can_change_appearance, can_change_custom_css


@transaction.atomic
def set_appearance(
    network: Network,
    *,
    theme: str,
    colours: dict[str, str] | None,
    footer_text: str,
    by: Member,
) -> Network:
    """A preset (`theme`) or custom colours (theme "custom", `colours` already checked for
    contrast by the form: checked again here), and the footer's text."""
    if not can_change_appearance(by):
        raise PermissionDenied
    if theme == themes.CUSTOM:
        if colours is None:
            raise ValueError("custom colours missing")
        chosen = themes.Colours(**colours)
        if themes.problems(chosen):
            raise ValueError("colours under AA contrast")
        network.colours = colours
    elif theme not in themes.BY_KEY:
        raise ValueError(f"unknown theme {theme!r}")
    network.theme = theme
    network.footer_text = footer_text
    network.save(update_fields=["theme", "colours", "footer_text"])
    invalidate("network")
    record(by, "appearance", network, label=f"theme: {theme}")
    return network


@transaction.atomic
def set_custom_css(network: Network, css: str, *, by: Member) -> str:
    """Stores the sanitised CSS (what the browser will get), returns it."""
    if not can_change_custom_css(by):
        raise PermissionDenied
    network.custom_css = sanitise(css)
    network.save(update_fields=["custom_css"])
    invalidate("network")
    record(by, "custom-css", network, label=f"{len(network.custom_css)} characters")
    return network.custom_css
