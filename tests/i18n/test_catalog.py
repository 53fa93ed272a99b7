"""The Urdu catalog is complete: every message translated (each plural form too), none left
fuzzy, and GNU gettext's own check passes (every placeholder of a python-format string kept in
its translation: a dropped %(name)s would lose the name, a misspelt one would break the page).
Skipped until locale/ur/LC_MESSAGES/django.po exists."""

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "ur" / "LC_MESSAGES" / "django.po"

pytestmark = pytest.mark.skipif(not CATALOG.exists(), reason=f"{CATALOG} is not there yet")

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$')


@dataclass
class Entry:
    texts: dict[str, str] = field(default_factory=dict)
    fuzzy: bool = False

    @property
    def msgid(self) -> str:
        return self.texts.get("msgid", "")

    @property
    def translations(self) -> list[str]:
        return [text for key, text in self.texts.items() if key.startswith("msgstr")]


def read_catalog(path: Path) -> list[Entry]:
    """The catalog's live messages (neither the header nor obsolete #~ ones)."""
    entries: list[Entry] = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry, key = Entry(), ""
        for line in chunk.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            elif match := _KEYWORD.match(line):
                key = match[1]
                entry.texts[key] = match[2]
            elif line.startswith('"') and key:
                entry.texts[key] += line[1:-1]
        if entry.msgid:
            entries.append(entry)
    return entries


def test_every_message_has_an_urdu_translation():
    entries = read_catalog(CATALOG)
    assert len(entries) > 100, "the catalog holds Anjuman's messages"
    missing = [e.msgid for e in entries if not e.translations or not all(e.translations)]
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:10]}"


def test_no_translation_is_left_fuzzy():
    fuzzy = [e.msgid for e in read_catalog(CATALOG) if e.fuzzy]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:10]}"


def test_the_catalog_passes_gettexts_check():
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(CATALOG)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:3000]
