"""What text the site stores, decided once.

Every text field of every form (`lib.forms.CleanTextMixin`) and every service that takes text
from elsewhere (comments, imports) passes it through `clean_text`:

- Control characters go: C0 (U+0000–U+001F) except the tab and the line feed of multi-line
  text, DEL and C1 (U+007F–U+009F). A carriage return becomes a line feed. They have no
  meaning in a web page and break XML (feeds, ActivityPub): one U+0007 in a title made both
  feeds answer 500.
- Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of every
  plane) and lone surrogates go: XML forbids them and no keyboard types them.
- Single-line text (names, titles, tags, emails): line breaks and tabs become spaces, runs of
  spaces become one, and the bidirectional *embeddings and overrides* (U+202A–U+202E) go. An
  override in a name reverses whatever the page prints after it; the isolates (U+2066–U+2069)
  and the marks (U+200E, U+200F, U+061C) stay, because mixed Urdu and English text needs them,
  and templates isolate every member-written name and title anyway (`<bdi>`, `dir="auto"`).

Everything else is kept exactly as typed: Urdu, combining marks, zero-width joiners (Urdu and
emoji sequences need them), emoji. `xml_text` is the last line of defence for anything written
before this rule or by a path that skipped it: it drops what XML 1.0 cannot carry.
"""

import re
import unicodedata

# C0 controls except tab (09) and line feed (0A); carriage return is handled before this runs.
_CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
_NONCHARACTERS = r"\ufdd0-\ufdef\ufffe\uffff"
_SURROGATES = r"\ud800-\udfff"
_DROP = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}{_SURROGATES}]")
# Non-characters of the supplementary planes: U+1FFFE, U+1FFFF … U+10FFFE, U+10FFFF.
_ASTRAL_NONCHARACTERS = re.compile(
    "[" + "".join(rf"\U{p:04x}fffe\U{p:04x}ffff" for p in range(1, 17)) + "]"
)
_OVERRIDES = re.compile(r"[\u202a-\u202e]")
_SPACES = re.compile(r"\s+")

# What XML 1.0 cannot carry at all (its Char production).
_NOT_XML = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f{_SURROGATES}\ufffe\uffff]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """`value` as the site stores it (see the module's docstring); not stripped at the ends
    for multi-line text, where leading indentation may matter (Markdown code)."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _DROP.sub("", text)
    text = _ASTRAL_NONCHARACTERS.sub("", text)
    if multiline:
        return text
    text = _OVERRIDES.sub("", text)
    return _SPACES.sub(" ", text).strip()


def normalized_name(value: str) -> str:
    """A name compared for sameness (tags): NFC, case-folded, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip().casefold()


def xml_text(value: str) -> str:
    """`value` without the characters XML 1.0 forbids (for feeds and other XML we write)."""
    return _NOT_XML.sub("", value)
