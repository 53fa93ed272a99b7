"""Text as the index sees it, and the highlighted snippets of results.

Both backends get text with Arabic-script vowel marks taken out (search.text.fold): SQLite's
unicode61 tokenizer strips the accents of Latin letters (remove_diacritics) but splits an
Urdu word at a zer, zabar or pesh (U+064B–U+0652, U+0670 are not letters to it), and
PostgreSQL's parsers keep them in the word. So "کِتاب" and "کتاب" are one word only if the
marks go before either backend sees the text; the query's words are folded the same way.
"""

import functools
import html
import re
import unicodedata
from collections.abc import Iterator

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

# Harakat (fathatan … sukun, and the rarer marks after them up to U+065F), the superscript
# alef, and the tatweel (kashida, a stretching stroke with no sound).
MARKS = "\u064b-\u065f\u0670\u0640"
_MARKS_RE = re.compile(f"[{MARKS}]")
# A word of the original text, its marks inside it (Python's \w does not count them).
_WORD_RE = re.compile(rf"[\w{MARKS}]+")
# The most words a query is made of, and the longest word kept.
MAX_WORDS = 10
MAX_WORD_CHARS = 60
# Text kept per document (a long post's later pages still are found by their beginning).
MAX_BODY_CHARS = 20_000


def fold(text: str) -> str:
    """`text` without Arabic-script vowel marks, in NFC (what both backends index)."""
    return _MARKS_RE.sub("", unicodedata.normalize("NFC", text))


def plain(html_text: str) -> str:
    """The text of sanitised HTML (lib.markup's output): tags dropped, entities read."""
    return html.unescape(strip_tags(html_text.replace("<", " <")))


def squeeze(text: str, limit: int = MAX_BODY_CHARS) -> str:
    return " ".join(text.split())[:limit]


def words(query: str) -> list[str]:
    """The words of a query, folded and lowercased, without repeats: whatever the query held
    (quotes, stars, NEAR, colons) only letters and digits reach the database."""
    found: list[str] = []
    for match in _WORD_RE.finditer(fold(query)):
        word = match.group().lower().strip("_")[:MAX_WORD_CHARS]
        if word and word not in found:
            found.append(word)
        if len(found) == MAX_WORDS:
            break
    return found


# English words too common to narrow a search: left out of a query that has other words (a
# word in most documents costs SQLite's bm25 a pass over all of them, and finds nothing more).
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)


def narrowing(query_words: list[str]) -> list[str]:
    """The words that narrow a search: without the stop words, unless it is made of them."""
    kept = [w for w in query_words if w not in STOP_WORDS]
    return kept or query_words


_SUFFIXES = ("ing", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    # Enough of English stemming to highlight "running" for "run" (both backends stem).
    for suffix in _SUFFIXES:
        if word.isascii() and word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _matches(token: str, stems: set[str] | frozenset[str]) -> bool:
    folded = fold(token).lower()
    stem = _stem(folded)
    return folded in stems or stem in stems or any(stem.startswith(s) for s in stems)


@functools.lru_cache(maxsize=256)
def _starts(stems: frozenset[str]) -> re.Pattern[str]:
    # Where a word beginning with one of the stems (in any case) begins: every word _matches()
    # takes does, in a text that folding leaves alone (_plain), as its folded form is itself.
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True) if s)
    return re.compile(rf"(?<![\w{MARKS}])(?:{alternatives or '(?!)'})", re.IGNORECASE)


def _plain(text: str) -> bool:
    # fold() changes no word of this text, and lowercasing keeps each letter one letter (İ is
    # the one capital that lowercases to two characters).
    return (
        _MARKS_RE.search(text) is None
        and "\u0130" not in text
        and unicodedata.is_normalized("NFC", text)
    )


def _matching_words(text: str, stems: frozenset[str]) -> Iterator[re.Match[str]]:
    """The words of `text` that match one of `stems`, in order. A plain text is only looked at
    where a stem begins a word (a regular expression finds those places), not word by word:
    a snippet of a long post is found in a few microseconds."""
    if "" not in stems and _plain(text):
        for start in _starts(stems).finditer(text):
            match = _WORD_RE.match(text, start.start())
            if match is not None and _matches(match.group(), stems):
                yield match
        return
    for match in _WORD_RE.finditer(text):
        if _matches(match.group(), stems):
            yield match


def highlight(text: str, query_words: list[str]) -> SafeString:
    """`text` escaped, each word matching the query in <mark>."""
    stems = frozenset(_stem(w) for w in query_words)
    out: list[str] = []
    last = 0
    for match in _matching_words(text, stems):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped


def snippet(text: str, query_words: list[str], *, around: int = 90) -> SafeString:
    """About 2×`around` characters of `text` around its first word matching the query (its
    beginning if none does), highlighted, with "…" where it was cut."""
    stems = frozenset(_stem(w) for w in query_words)
    first = next(_matching_words(text, stems), None)
    start = first.start() if first is not None else 0
    begin = max(0, start - around)
    if begin:
        # Start at a word.
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + 2 * around)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    piece = highlight(text[begin:end], query_words)
    prefix = "… " if begin else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{piece}{suffix}")  # noqa: S308 — highlight() escaped it
