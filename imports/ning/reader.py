"""Reading a Ning Network Archiver folder (/work/shared/NING-ARCHIVE.md).

The Archiver's files are "almost JSON": wrapped in parentheses, records concatenated without
commas (`}{`), batches started without closing the previous one (`]{`, `}[{`), extra `]]` at
the end, PHP escapes (`\\/`, surrogate pairs). Repairing that with regular expressions over
the text would also change the inside of strings, where members wrote exactly such sequences
(code, formulas). So this is a small tolerant parser instead: it reads strings token by token,
exactly as JSON defines them, and is lenient only *between* values — a missing comma, a stray
bracket, parentheses — counting every such repair for the report.

Nothing here touches the network: media paths are resolved inside the folder, and a path
that points elsewhere (a Ning URL, an absolute path, `..`) is reported, never fetched.
"""

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

# The kinds of file an archive holds, in the order an import reads them (people first).
KINDS = ("members", "groups", "blogs", "discussions", "events", "photos", "videos", "music",
         "pages", "notes")  # fmt: skip

_WHITESPACE = " \t\r\n\ufeff"
_LINE_RECORD = re.compile(r"[\r\n][ \t]*[\[,]?[ \t]*\{[ \t\r\n]*\"")
_GLUED_RECORD = re.compile(
    r"[}\]]\s*[,\[]?\s*\{\s*\"(?:id|contributorName|title|fullName|email|createdDate)\"\s*:"
)
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Damaged(ValueError):
    """A record (or the rest of a file) that cannot be read; `at` is the offset in the text."""

    def __init__(self, message: str, at: int) -> None:
        super().__init__(f"{message} at character {at}")
        self.at = at


@dataclass
class ParsedFile:
    """The records of one file, with what had to be repaired and what was lost."""

    records: list[dict[str, Any]] = field(default_factory=list)
    # Repairs between values: "missing comma", "stray ]", "parentheses", …  → how many.
    repairs: dict[str, int] = field(default_factory=dict)
    # Parts that could not be read (the text is damaged): one message each.
    damaged: list[str] = field(default_factory=list)

    def repaired(self, what: str) -> None:
        self.repairs[what] = self.repairs.get(what, 0) + 1


class _Parser:
    def __init__(self, text: str, result: ParsedFile) -> None:
        self.text = text
        self.pos = 0
        self.result = result

    # --- Between values -----------------------------------------------------------------

    def skip_ws(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        self.pos = pos

    def peek(self) -> str:
        self.skip_ws()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    # --- Values -------------------------------------------------------------------------

    def value(self) -> Any:
        char = self.peek()
        if char == "{":
            return self.obj()
        if char == "[":
            return self.array()
        if char == '"':
            return self.string()
        for word, literal in _LITERALS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return literal
        match = _NUMBER.match(self.text, self.pos)
        if match:
            self.pos = match.end()
            number = match.group()
            return float(number) if any(c in number for c in ".eE") else int(number)
        if not char:
            raise Damaged("the text ends in the middle of a record", self.pos)
        raise Damaged(f"unexpected {char!r}", self.pos)

    def obj(self) -> dict[str, Any]:
        self.pos += 1  # {
        found: dict[str, Any] = {}
        expect_comma = False
        while True:
            char = self.peek()
            if char == "}":
                self.pos += 1
                return found
            if char == ",":
                self.pos += 1
                expect_comma = False
                continue
            if char != '"':
                raise Damaged("a field name was expected" if char else "the text ends early",
                              self.pos)  # fmt: skip
            if expect_comma:
                self.result.repaired("missing comma")
            key = self.string()
            if self.peek() != ":":
                raise Damaged("':' was expected", self.pos)
            self.pos += 1
            found[key] = self.value()
            expect_comma = True

    def array(self) -> list[Any]:
        self.pos += 1  # [
        found: list[Any] = []
        expect_comma = False
        batches = 0  # batches opened inside this list (`}[{`), each closed by its own `]`
        while True:
            char = self.peek()
            if char == "]":
                self.pos += 1
                if batches:
                    batches -= 1
                    continue
                # `]{` / `] {` inside a list: a batch started without a comma; keep reading
                # the same list (never happens between two values of a record).
                after = self.peek()
                if after == "{" and found and isinstance(found[-1], dict):
                    self.result.repaired("batch joined")
                    expect_comma = False
                    continue
                return found
            if char == ",":
                self.pos += 1
                expect_comma = False
                continue
            if not char:
                raise Damaged("the text ends in the middle of a list", self.pos)
            if char == "[" and found and isinstance(found[-1], dict):
                # `}[{`: a new batch opened inside a list of records — its records join it.
                self.pos += 1
                self.result.repaired("batch joined")
                batches += 1
                expect_comma = False
                continue
            if expect_comma:
                self.result.repaired("missing comma")
            found.append(self.value())
            expect_comma = True

    def string(self) -> str:
        """A JSON string exactly as JSON reads it (the inside is never "repaired"): PHP's `\\/`
        is JSON's own escape; surrogate pairs become the one character they encode; a lone
        half of a pair, which no text can hold, becomes U+FFFD (counted)."""
        text = self.text
        start = self.pos + 1
        pos = start
        parts: list[str] = []
        while True:
            end = _next_special(text, pos)
            if end < 0:
                raise Damaged("a text is not closed", self.pos)
            parts.append(text[pos:end])
            if text[end] == '"':
                self.pos = end + 1
                break
            # A backslash.
            code = text[end + 1 : end + 2]
            if code == "u":
                hex4 = text[end + 2 : end + 6]
                if len(hex4) == 4 and all(c in "0123456789abcdefABCDEF" for c in hex4):
                    parts.append(chr(int(hex4, 16)))
                    pos = end + 6
                    continue
                self.result.repaired("bad escape")
                parts.append("u")
                pos = end + 2
                continue
            if code in _ESCAPES:
                parts.append(_ESCAPES[code])
            elif code:
                # Not a JSON escape (PHP's `\'`): the character itself, as PHP meant.
                self.result.repaired("bad escape")
                parts.append(code)
            pos = end + 2
        return self._join_surrogates("".join(parts))

    def _join_surrogates(self, value: str) -> str:
        if not any("\ud800" <= c <= "\udfff" for c in value):
            return value
        out: list[str] = []
        i = 0
        while i < len(value):
            c = value[i]
            if (
                "\ud800" <= c <= "\udbff"
                and i + 1 < len(value)
                and "\udc00" <= value[i + 1] <= "\udfff"
            ):
                high, low = ord(c) - 0xD800, ord(value[i + 1]) - 0xDC00
                out.append(chr(0x10000 + (high << 10) + low))
                i += 2
                continue
            if "\ud800" <= c <= "\udfff":
                self.result.repaired("lone surrogate")
                out.append("\ufffd")
            else:
                out.append(c)
            i += 1
        return "".join(out)

    # --- The file -----------------------------------------------------------------------

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record of the file: objects found at the top, or in lists at the top,
        whatever brackets, parentheses and commas lie between them."""
        depth = 0  # lists open at the top
        after_record = False
        while True:
            char = self.peek()
            if not char:
                if depth > 0:
                    self.result.repaired("list not closed")
                return
            if char == "{":
                if after_record:
                    self.result.repaired("missing comma")
                start = self.pos
                try:
                    record = self.obj()
                except Damaged as error:
                    self.result.damaged.append(str(error))
                    if not self._resync(start):
                        return
                    continue
                if depth == 0:
                    self.result.repaired("record outside a list")
                after_record = True
                yield record
                continue
            after_record = False
            if char == "[":
                self.pos += 1
                if depth > 0:
                    self.result.repaired("batch joined")
                depth += 1
            elif char == "]":
                self.pos += 1
                if depth == 0:
                    self.result.repaired("stray ]")
                else:
                    depth -= 1
            elif char == ",":
                self.pos += 1
            elif char in "()":
                self.pos += 1
                self.result.repaired("parentheses")
            elif char == "}":
                self.pos += 1
                self.result.repaired("stray }")
            else:
                # A value that is no record (a text, a number): read past it and left out.
                start = self.pos
                try:
                    self.value()
                    self.result.repaired("value that is not a record")
                except Damaged as error:
                    self.result.damaged.append(str(error))
                    if not self._resync(start):
                        return

    def _resync(self, start: int) -> bool:
        """After a damaged record: go on at the next record that starts a line (the Archiver
        writes one record per line or more) or, in a file on one line, at the next `}{"id"`-like
        joint naming a record's first field; False if there is none."""
        found = [
            match.start()
            for pattern in (_LINE_RECORD, _GLUED_RECORD)
            if (match := pattern.search(self.text, start + 1)) is not None
        ]
        if not found:
            return False
        self.pos = self.text.index("{", min(found) + 1)
        return True


def _next_special(text: str, pos: int) -> int:
    """The position of the next `"` or `\\` from pos, or -1."""
    quote = text.find('"', pos)
    slash = text.find("\\", pos)
    if quote < 0:
        return slash if slash >= 0 else -1
    if slash < 0:
        return quote
    return min(quote, slash)


def parse_text(text: str) -> ParsedFile:
    """The records of an Archiver file's text, repaired between values only."""
    result = ParsedFile()
    if text.startswith("\ufeff"):
        text = text[1:]
    parser = _Parser(text, result)
    for record in parser.records():
        result.records.append(record)
    return result


def decode(data: bytes, result: ParsedFile | None = None) -> str:
    """The file's text: UTF-8 (raw UTF-8 is kept byte for byte); bytes that are not UTF-8
    become U+FFFD, counted."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if result is not None:
            result.repaired("not UTF-8")
        return data.decode("utf-8", errors="replace")


@dataclass
class ArchiveFile:
    kind: str
    path: Path | None  # None: the archive has no file of this kind
    local: bool  # the `-local` twin (media paths inside the folder)


class Archive:
    """A Network Archiver folder: its files (the `-local` twins preferred) and its media."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def file(self, kind: str) -> ArchiveFile:
        local = self.folder / f"ning-{kind}-local.json"
        if local.is_file():
            return ArchiveFile(kind, local, True)
        plain = self.folder / f"ning-{kind}.json"
        if plain.is_file():
            return ArchiveFile(kind, plain, False)
        return ArchiveFile(kind, None, False)

    def read(self, kind: str) -> ParsedFile:
        found = self.file(kind)
        if found.path is None:
            return ParsedFile()
        result = ParsedFile()
        text = decode(found.path.read_bytes(), result)
        parsed = parse_text(text)
        for what, n in result.repairs.items():
            parsed.repairs[what] = parsed.repairs.get(what, 0) + n
        return parsed

    def media(self, reference: object) -> Path | None:
        """The file a record's media reference names inside the folder (its `?query`
        stripped), or None: no reference, a remote address (never fetched), a path outside
        the folder, or a file that is not there."""
        if not isinstance(reference, str) or not reference.strip():
            return None
        ref = reference.strip().split("?", 1)[0].split("#", 1)[0]
        if "://" in ref or ref.startswith(("//", "/", "\\")) or ":" in ref[:3]:
            return None
        for name in dict.fromkeys((ref, unquote(ref))):
            candidate = (self.folder / name).resolve()
            if not candidate.is_relative_to(self.folder):
                return None
            if candidate.is_file():
                return candidate
        return None


def text_title(value: object) -> str:
    """A title as plain text: Ning stored titles HTML-escaped; unescaped exactly once (so a
    member's "&amp;" written as text stays "&amp;")."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(value).split())


def as_text(value: object) -> str:
    """A field's value as text ("" for what is missing or not text)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
