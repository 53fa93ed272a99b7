"""Colour themes: presets and custom colours, checked for WCAG 2.x AA contrast, as the CSS
variables static/anjuman/site.css reads (--wash: the page's background, --paper: the surface
of panels, --ink: text, --brand: links, buttons and the navigation bar, --brand-ink: text on
--brand, --muted: secondary text, --line: borders)."""

import hashlib
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.x level AA for normal text.
AA = 4.5
CUSTOM = "custom"
DEFAULT = "default"


@dataclass(frozen=True)
class Colours:
    """The four colours a theme is chosen by (the rest are derived)."""

    background: str
    surface: str
    text: str
    accent: str


@dataclass(frozen=True)
class Preset:
    key: str
    label: StrOrPromise
    colours: Colours


PRESETS: tuple[Preset, ...] = (
    Preset(DEFAULT, _("Riverbend (default)"), Colours("#f3f5f7", "#ffffff", "#1f2328", "#1d5f8a")),
    Preset("dark", _("Night"), Colours("#14171a", "#1f2428", "#e8eaed", "#7cc4f2")),
    Preset("forest", _("Forest"), Colours("#eef3ec", "#fbfdf9", "#1c2b1e", "#2f6b35")),
    Preset("ocean", _("Ocean"), Colours("#e8f2f7", "#ffffff", "#10263a", "#0b5c8c")),
    Preset("sunset", _("Sunset"), Colours("#fbf1ea", "#fffaf6", "#2e1c14", "#a63c17")),
)
BY_KEY = {preset.key: preset for preset in PRESETS}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance of "#rrggbb" (WCAG 2.x)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 to 21 (WCAG 2.x)."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _mix(first: str, second: str, share: float) -> str:
    """`share` of `first` and the rest of `second`."""
    channels = (
        round(int(first[i : i + 2], 16) * share + int(second[i : i + 2], 16) * (1 - share))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def on_accent(colours: Colours) -> str:
    """Text on the accent (the navigation bar, buttons): white or near-black, whichever reads
    better."""
    return max(("#ffffff", "#111111"), key=lambda ink: contrast(ink, colours.accent))


def problems(colours: Colours) -> list[tuple[StrOrPromise, float]]:
    """The pairs under AA contrast, each with its ratio: text and links on the background and
    on the surface, and the navigation's text on the accent."""
    pairs = (
        (_("Text on the background"), colours.text, colours.background),
        (_("Text on the surface"), colours.text, colours.surface),
        (_("Links on the background"), colours.accent, colours.background),
        (_("Links on the surface"), colours.accent, colours.surface),
        (_("Navigation text on the accent"), on_accent(colours), colours.accent),
    )
    found: list[tuple[StrOrPromise, float]] = []
    for name, fore, back in pairs:
        ratio = contrast(fore, back)
        if ratio < AA:
            found.append((name, ratio))
    return found


def variables(colours: Colours) -> dict[str, str]:
    """The CSS variables site.css reads, for these colours."""
    muted = _mix(colours.text, colours.surface, 0.72)
    if contrast(muted, colours.surface) < AA or contrast(muted, colours.background) < AA:
        muted = colours.text
    return {
        "--wash": colours.background,
        "--paper": colours.surface,
        "--ink": colours.text,
        "--muted": muted,
        "--line": _mix(colours.text, colours.surface, 0.18),
        "--brand": colours.accent,
        "--brand-ink": on_accent(colours),
    }


def colours_of(theme: str, custom: object) -> Colours:
    """The network's colours: its preset's, or its custom ones if valid (else the default's)."""
    if theme == CUSTOM and isinstance(custom, dict):
        values = [
            str(custom.get(k, "")).lower() for k in ("background", "surface", "text", "accent")
        ]
        if all(HEX.match(v) for v in values):
            return Colours(*values)
    return BY_KEY.get(theme, BY_KEY[DEFAULT]).colours


def stylesheet(colours: Colours) -> str:
    body = "".join(f"  {name}: {value};\n" for name, value in variables(colours).items())
    return f":root {{\n{body}}}\n"


def version(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]
