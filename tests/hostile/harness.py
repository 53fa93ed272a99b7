"""The hostile-input harness: the corpus, what a page's HTML says, finding the forms, submitting.

The forms pass (test_forms.py) and the parameters pass (test_routes.py) share it:

- Corpus: tests/hostile/corpus.toml, payloads grouped by category. The default run sends a
  deterministic sample (SAMPLE_PER_CATEGORY per field and category, seeded by route and field);
  HOSTILE_FULL=1 or `pytest tests/hostile --full` sends all of it (HOSTILE_EVERY_PERSONA=1 also
  sends it as every persona, not only the first who has the form).
- Discovery: every page of the URLconf (the routes and their arguments are the access matrix's,
  which test_every_route_is_in_the_matrix keeps complete) is opened as each persona, and every
  <form> on it is parsed: action, method, fields, hidden values, options, the submit button.
  A form is known by the route its action resolves to, so a new app's forms are found without
  editing these tests.
- Checks: what `inspect_page` finds in the HTML with Python's HTML parser — an element or
  attribute that a payload brought in (a script, an on* handler, a javascript: URL, …),
  direction overrides outside an isolating element, characters a page cannot serve — and what
  `check_feeds` finds in the RSS and Atom feeds with a real XML parser.

Every failure is collected (route, persona, field, payload) and reported together at the end of
a test; the figures of the run (`STATS`) go to $HOSTILE_REPORT as JSON (conftest.py).
"""

from __future__ import annotations

import html
import os
import random
import re
import tomllib
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve, reverse

from conftest import PASSWORD
from tests.test_access_matrix import KWARGS, MATRIX, World, cell, route_of

CORPUS = Path(__file__).with_name("corpus.toml")
MARKER = "xss:"
MARKER_NAME = re.compile(r"xss:([A-Za-z0-9_-]+)")
SAMPLE_PER_CATEGORY = 1

# The personas whose pages are searched for forms, in the order a form is first tested as.
PERSONAS = ("visitor", "unconfirmed", "member", "author", "moderator", "administrator", "creator")
# Searched too, on the pages of the matrix's rows that name them: a group's member has forms only
# members of a group have (its wall's, starting a discussion in it, replying there).
APP_PERSONAS = ("group_member",)
FORM_PERSONAS = (*PERSONAS, *APP_PERSONAS)

# Characters no stored text should bring into a page or a feed: C0 controls but tab, newline
# and carriage return; DEL and the C1 controls; non-characters; lone surrogates.
UNSERVABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]"
)
# Direction overrides and embeddings: text after one of them is reordered until the next
# PDF, so member-written text holding one must sit in an element that isolates it.
OVERRIDES = re.compile("[\u202a-\u202e]")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "ping", "codebase", "cite", "manifest", "hx-get", "hx-post",
}  # fmt: skip
# Elements a payload must never create, whatever their attributes.
ACTIVE_ELEMENTS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
    "svg", "math", "template", "link", "meta", "form", "portal",
}  # fmt: skip
TEXT_ATTRIBUTES = {"title", "alt", "value", "content", "aria-label", "placeholder", "label"}
TEXT_TYPES = {"text", "search", "email", "url", "number", "tel", "textarea"}
FREE_TEXT_TYPES = {"text", "search", "textarea"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


def full_mode() -> bool:
    """The whole corpus to every field and parameter (else a sample)."""
    return os.environ.get("HOSTILE_FULL", "") not in ("", "0")


def every_persona() -> bool:
    """Each form as every persona who has it, each parameter as every persona (else one or
    two): HOSTILE_EVERY_PERSONA=1, hours rather than minutes with the whole corpus."""
    return os.environ.get("HOSTILE_EVERY_PERSONA", "") not in ("", "0")


# --- The corpus ------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[rnt\\])")


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "ux":
            return chr(int(code[1:], 16))
        return {"r": "\r", "n": "\n", "t": "\t", "\\": "\\"}[code]

    return _ESCAPE.sub(one, text)


@dataclass(frozen=True)
class Payload:
    category: str
    name: str
    value: str | bytes
    keep: bool = False
    refuse_in: frozenset[str] = frozenset()

    @property
    def text(self) -> str | None:
        """The payload as text, or None for raw bytes and lone surrogates (which no form can
        hold as typed)."""
        if isinstance(self.value, bytes):
            return None
        if re.search("[\ud800-\udfff]", self.value):
            return None
        return self.value

    def encoded(self) -> bytes:
        if isinstance(self.value, bytes):
            return self.value
        # A lone surrogate as the bytes a careless client would send (invalid UTF-8).
        return self.value.encode("utf-8", "surrogatepass")

    def __str__(self) -> str:
        return f"{self.category}/{self.name}"


@cache
def corpus() -> tuple[Payload, ...]:
    raw = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["payload"]
    payloads = []
    for entry in raw:
        value: str | bytes
        if "hex" in entry:
            value = bytes.fromhex(entry["hex"])
        elif "escaped" in entry:
            value = _unescape(entry["escaped"])
        else:
            value = entry["text"]
        if "repeat" in entry:
            value = value * int(entry["repeat"])
        payloads.append(
            Payload(
                category=entry["category"],
                name=entry["name"],
                value=value,
                keep=bool(entry.get("keep", False)),
                refuse_in=frozenset(entry.get("refuse_in", ())),
            )
        )
    return tuple(payloads)


def categories() -> list[str]:
    """The corpus's categories, or those HOSTILE_CATEGORIES names (comma-separated): the
    PostgreSQL pass of scripts/test.sh sends only what a database can take differently.

    Categories joined by "+" are one mixed category: one test per route where each field gets
    MIXED_SAMPLE payloads drawn from all of them (seeded by route and field, so the fields of a
    form between them meet every category). The PostgreSQL pass sends its six so: a sixth of
    the tests, a third of the requests, every category still reaching the database."""
    every = list(dict.fromkeys(p.category for p in corpus()))
    wanted = [c.strip() for c in os.environ.get("HOSTILE_CATEGORIES", "").split(",") if c.strip()]
    unknown = {part for c in wanted for part in c.split("+")} - set(every)
    if unknown:
        raise ValueError(f"HOSTILE_CATEGORIES: no such category {sorted(unknown)} in {every}")
    mixed = [c for c in wanted if "+" in c]
    return [*mixed, *(c for c in every if c in wanted)] if wanted else every


# How many payloads of a mixed category ("control+bytes+…") one field gets.
MIXED_SAMPLE = 2


def sample(category: str, seed: str, per_category: int = SAMPLE_PER_CATEGORY) -> list[Payload]:
    """The payloads of `category` to send to one field: all in full mode, else a few, chosen
    by `seed` (route and field), so each run sends the same and fields differ."""
    parts = category.split("+")
    payloads = [p for p in corpus() if p.category in parts]
    if full_mode():
        return payloads
    if len(parts) > 1:
        per_category = MIXED_SAMPLE
    return random.Random(seed).sample(payloads, min(per_category, len(payloads)))  # noqa: S311


# --- Reading a page --------------------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # the input type, "textarea" or "select"
    value: str = ""
    required: bool = False
    checked: bool = False
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str
    method: str
    multipart: bool
    htmx: bool
    fields: list[Field] = field(default_factory=list)
    submit: tuple[str, str] | None = None

    def named(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def signature(self) -> tuple[str, ...]:
        return tuple(sorted({f.name for f in self.fields}))


@dataclass
class Page:
    forms: list[Form] = field(default_factory=list)
    # (payload name, what was found) for markup a payload brought in
    injected: list[tuple[str, str]] = field(default_factory=list)
    unisolated: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # text nodes and attribute values
    has_error: bool = False


def _marker_names(value: str) -> list[str]:
    return MARKER_NAME.findall(value) or ["?"]


def _scheme(value: str) -> str:
    # What a browser reads as the scheme: control characters and spaces are dropped.
    return re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, bool]] = []  # (tag, isolates its text)
        self.form: Form | None = None
        self.textarea: Field | None = None
        self.select: Field | None = None
        self.option: list[Any] | None = None  # [value attribute, selected, text]
        self.active: str | None = None  # an active element's tag, to read its text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self._inspect(tag, a)
        isolates = tag in ("bdi", "bdo", "textarea", "input") or "dir" in a
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, isolates and tag not in ("html", "body")))
        self.page.texts.extend(a.values())
        if tag == "form":
            self.form = Form(
                action=a.get("action", ""),
                method=a.get("method", "get").lower(),
                multipart="multipart" in a.get("enctype", ""),
                htmx="hx-post" in a or "hx-get" in a,
            )
            self.page.forms.append(self.form)
        elif self.form is not None and "name" in a:
            if tag == "input":
                kind = a.get("type", "text").lower()
                if kind in ("submit", "image"):
                    if self.form.submit is None:
                        self.form.submit = (a["name"], a.get("value", ""))
                    return
                if kind in ("button", "reset"):
                    return
                self.form.fields.append(
                    Field(a["name"], kind, a.get("value", ""), "required" in a, "checked" in a)
                )
            elif tag == "textarea":
                # A box of email addresses (inputmode="email": access's invitations) is judged
                # like an email field: it refuses text, and an ordinary value is an address.
                kind = "email" if a.get("inputmode") == "email" else "textarea"
                self.textarea = Field(a["name"], kind, "", "required" in a)
                self.form.fields.append(self.textarea)
            elif tag == "select":
                self.select = Field(a["name"], "select", "", "required" in a)
                self.form.fields.append(self.select)
            elif (
                tag == "button" and a.get("type", "submit") == "submit" and self.form.submit is None
            ):
                self.form.submit = (a["name"], a.get("value", ""))
        if tag == "option" and self.select is not None:
            self._end_option()
            self.option = [a.get("value"), "selected" in a, ""]
        if tag in ("script", "style"):
            self.active = tag
        if tag in ("div", "ul", "p", "span") and (
            "errorlist" in a.get("class", "") or a.get("role") == "alert"
        ):
            self.page.has_error = True

    def _end_option(self) -> None:
        if self.select is None or self.option is None:
            return
        value, selected, text = self.option
        value = text.strip() if value is None else value
        self.select.options.append(value)
        if selected or len(self.select.options) == 1:
            self.select.value = value
        self.option = None

    def _inspect(self, tag: str, a: dict[str, str]) -> None:
        # Text attributes hold what members wrote, escaped: <link title="NAME — Feed">.
        joined = " ".join(v for k, v in a.items() if k not in TEXT_ATTRIBUTES)
        if tag in ACTIVE_ELEMENTS and MARKER in joined:
            for name in _marker_names(joined):
                self.page.injected.append((name, f"<{tag}> element with the payload"))
        for key, value in a.items():
            key = key.lower()
            found = ""
            if key.startswith(("on", "hx-on")) and (MARKER in value or "alert(" in value):
                found = f"{key}= handler on <{tag}>"
            elif key in URL_ATTRIBUTES and _scheme(value).startswith(SCRIPT_SCHEMES):
                found = f'{key}="{value[:60]}" on <{tag}>'
            elif key in ("style", "srcdoc") and MARKER in value:
                found = f"{key}= attribute on <{tag}>"
            elif tag == "meta" and key == "http-equiv" and MARKER in a.get("content", ""):
                found = "<meta http-equiv> with the payload"
            if found:
                for name in _marker_names(value + a.get("content", "")):
                    self.page.injected.append((name, found))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            if self.textarea is not None and self.textarea.value.startswith("\n"):
                # The HTML parser drops a textarea's first newline; so does a browser.
                self.textarea.value = self.textarea.value[1:]
            self.textarea = None
        elif tag == "select":
            self._end_option()
            self.select = None
        elif tag == "option":
            self._end_option()
        if tag == self.active:
            self.active = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea.value += data
        if self.option is not None:
            self.option[2] += data
        if self.active is not None and MARKER in data:
            for name in _marker_names(data):
                self.page.injected.append((name, f"<{self.active}> holding the payload"))
        self.page.texts.append(data)
        if OVERRIDES.search(data):
            in_title = any(tag == "title" for tag, _ in self.stack)
            isolated = any(iso for _, iso in self.stack)
            if in_title:
                # <title> holds text only: an isolate must be in the text (U+2068 … U+2069).
                isolated = bool(re.search("\u2068[^\u2069]*[\u202a-\u202e]", data))
            if not isolated:
                where = "/".join(tag for tag, _ in self.stack[-3:])
                self.page.unisolated.append(f"in <{where}>: {data.strip()[:40]!r}")


def inspect_page(content: str) -> Page:
    parser = _PageParser()
    parser.feed(content)
    parser.close()
    return parser.page


def decode(response: Any) -> str:
    return bytes(response.content).decode("utf-8", errors="replace")


# --- What was found --------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    check: str
    route: str
    persona: str
    field: str
    payload: str
    detail: str
    request: str

    def __str__(self) -> str:
        return (
            f"[{self.check}] {self.request} as {self.persona}"
            f"{f', field {self.field!r}' if self.field else ''}, payload {self.payload}: "
            f"{self.detail}"
        )


@dataclass
class Stats:
    submissions: int = 0
    requests: int = 0
    routes: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    personas: set[str] = field(default_factory=set)
    payloads: set[str] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    refusal_statuses: dict[str, set[int]] = field(default_factory=dict)
    tests: int = 0
    # Submissions refused outright because an earlier payload of the same test made the form
    # stale (its page no longer offers it: the member is suspended already).
    stale_forms: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "mode": "full" if full_mode() else "sample",
            "submissions": self.submissions,
            "requests": self.requests,
            "routes": len(self.routes),
            "fields": len(self.fields),
            "personas": sorted(self.personas),
            "payloads": len(self.payloads),
            "corpus": len(corpus()),
            "categories": categories(),
            "failures": [str(f) for f in self.failures],
            "failure_count": len(self.failures),
            "stale_forms": dict(sorted(self.stale_forms.items())),
            "refusal_statuses": {k: sorted(v) for k, v in sorted(self.refusal_statuses.items())},
            "field_names": sorted(self.fields),
            "route_names": sorted(self.routes),
        }


STATS = Stats()


class Findings:
    """The failures of one test, reported together."""

    def __init__(self) -> None:
        self.failures: list[Failure] = []

    def add(self, failure: Failure) -> None:
        if failure not in self.failures:
            self.failures.append(failure)
            STATS.failures.append(failure)
            if os.environ.get("HOSTILE_REPORT"):
                # As found, for a long --full run watched or stopped before its end.
                with open(os.environ["HOSTILE_REPORT"] + ".log", "a", encoding="utf-8") as log:
                    log.write(f"{failure}"[:500] + "\n")

    def assert_none(self) -> None:
        if self.failures:
            lines = "\n".join(f"  {f}" for f in self.failures[:60])
            more = len(self.failures) - 60
            raise AssertionError(
                f"{len(self.failures)} hostile-input failures:\n{lines}"
                + (f"\n  … and {more} more" if more > 0 else "")
            )


# --- Discovery -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundForm:
    """A form found on `page` (a key of the access matrix) as `persona`, posting to `route`."""

    route: str
    page: str
    persona: str
    method: str
    signature: tuple[str, ...]


def client_as(world: World, persona: str) -> Client:
    """The persona's client, answering 500 for an exception as a server would (the harness
    collects 5xx answers rather than stopping at the first)."""
    client = world.client(persona)
    client.raise_request_exception = False
    return client


def page_url(world: World, key: str) -> str:
    kwargs = KWARGS.get(key, lambda w: {})(world)
    return reverse(route_of(key), kwargs=kwargs)


def route_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


_discovered: dict[str, list[FoundForm]] | None = None


def discover(world: World) -> dict[str, list[FoundForm]]:
    """Every form of every page, by the route it submits to; computed once per session (the
    pages of one World are the pages of every World), with the fields each form has."""
    global _discovered
    if _discovered is not None:
        return _discovered
    found: dict[str, list[FoundForm]] = {}
    seen: set[tuple[str, str, tuple[str, ...], str]] = set()
    # The unconfirmed persona first: opening the confirmation link (a page of the matrix)
    # confirms it. A fresh client per page: a page that signs someone in does not carry over.
    for persona in sorted(FORM_PERSONAS, key=lambda p: p != "unconfirmed"):
        for key in MATRIX:
            if persona not in MATRIX[key] or MATRIX[key][persona][0] != 200:
                continue  # the access matrix says what each persona may open
            base = route_of(key)
            if base != key and base in MATRIX and cell(base, persona)[0] == 200:
                continue  # the same page on another object (a draft) has the same forms
            url = page_url(world, key)
            response = client_as(world, persona).get(url)
            STATS.requests += 1
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in inspect_page(decode(response)).forms:
                fields = [f for f in form.fields if f.name != "csrfmiddlewaretoken"]
                if not fields:
                    continue  # a confirmation button: nothing to type into
                route = route_name(form.action or url)
                if route is None:
                    continue
                ident = (route, form.method, form.signature, persona)
                if ident in seen:
                    continue
                seen.add(ident)
                found.setdefault(route, []).append(
                    FoundForm(route, key, persona, form.method, form.signature)
                )
    _discovered = found
    return found


def has_forms(route: str) -> bool | None:
    """Whether a form posts to `route`; None until the pages have been searched."""
    return None if _discovered is None else route in _discovered


def forms_to_test(world: World, route: str) -> list[FoundForm]:
    """The forms posting to `route`: each as the first persona who has it, or as every persona
    who has it in full mode."""
    forms = discover(world).get(route, [])
    if every_persona():
        return forms
    firsts: dict[tuple[str, tuple[str, ...]], FoundForm] = {}
    for f in sorted(forms, key=lambda f: FORM_PERSONAS.index(f.persona)):
        firsts.setdefault((f.method, f.signature), f)
    return list(firsts.values())


# --- Submitting ------------------------------------------------------------------------------


@cache
def tiny_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2, 2), "teal").save(out, format="PNG")
    return out.getvalue()


def default_for(f: Field) -> str:
    """An ordinary value for a field the payload is not in."""
    if f.kind == "email":
        return f"hostile-{uuid.uuid4().hex[:12]}@example.org"
    if f.kind == "password":
        return PASSWORD + " 42"
    if f.kind == "url":
        # A web address every form takes: a video's page too (videos:add refuses any other).
        return "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    if f.kind == "number":
        return "1"
    if f.kind == "select":
        return next((o for o in f.options if o), "")
    if f.kind == "textarea":
        return "Written by the hostile-input harness."
    # Unique: a name that makes an address (a group's) must not meet the one of a thing the
    # previous payload made.
    return f"Hostile harness {uuid.uuid4().hex[:6]}"


def _group(name: str) -> str | None:
    m = re.match(r"^(.+-\d+-)", name)
    return m.group(1) if m else None


def build_fields(form: Form, target: Field, value: str | bytes) -> list[tuple[str, str | bytes]]:
    """What a browser sends for `form` with `value` typed into `target`: the page's own values,
    ordinary values in required fields left empty (and in the other fields of the target's
    formset row), the same value in every password field (they must match), the first named
    submit button."""
    pairs: list[tuple[str, str | bytes]] = []
    group = _group(target.name)
    for f in form.fields:
        if f.kind == "file":
            continue  # sent as files
        if f.kind in ("checkbox", "radio") and not f.checked:
            continue
        v: str | bytes = f.value if f.kind not in ("checkbox", "radio") else (f.value or "on")
        if f is target or (target.kind == "password" and f.kind == "password"):
            v = value
        elif (
            not f.value
            and f.kind not in ("checkbox", "radio", "hidden")
            and (f.required or (group is not None and _group(f.name) == group))
        ):
            v = default_for(f)
        pairs.append((f.name, v))
    if form.submit is not None:
        pairs.append(form.submit)
    return pairs


def urlencode(pairs: Iterable[tuple[str, str | bytes]]) -> str:
    def enc(v: str | bytes) -> str:
        return quote_plus(v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass"))

    return "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs)


def multipart(
    pairs: Iterable[tuple[str, str | bytes]], files: Iterable[tuple[str, bytes, bytes]]
) -> tuple[bytes, str]:
    """A multipart/form-data body written byte by byte, so that invalid UTF-8 and odd file
    names reach Django as a browser (or an attacker) would send them."""
    boundary = f"hostile{uuid.uuid4().hex}"
    out = bytearray()
    for name, value in pairs:
        raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
        out += f"--{boundary}\r\n".encode()
        out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        out += raw + b"\r\n"
    for name, filename, content in files:
        quoted = filename.replace(b'"', b"%22").replace(b"\r", b"%0D").replace(b"\n", b"%0A")
        out += f"--{boundary}\r\n".encode()
        out += f'Content-Disposition: form-data; name="{name}"; filename="'.encode()
        out += quoted + b'"\r\nContent-Type: image/png\r\n\r\n' + content + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def send(
    client: Client,
    url: str,
    form: Form,
    pairs: list[tuple[str, str | bytes]],
    files: list[tuple[str, bytes, bytes]],
    *,
    htmx: bool = False,
) -> Any:
    headers = {"HX-Request": "true"} if htmx else {}
    if form.method == "get":
        return client.get(f"{url.split('?')[0]}?{urlencode(pairs)}", headers=headers)
    if form.multipart or files:
        body, content_type = multipart(pairs, files)
    else:
        body, content_type = urlencode(pairs).encode("ascii"), "application/x-www-form-urlencoded"
    return client.post(url, data=body, content_type=content_type, headers=headers)


def same(typed: str, shown: str) -> bool:
    """Whether the form shows what was typed, as a browser would show it: line endings and
    characters HTML cannot carry (NUL, other controls) aside, NFC."""

    def norm(s: str) -> str:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
        s = UNSERVABLE.sub("", s).replace("\ufffd", "")
        return unicodedata.normalize("NFC", s).strip()

    return norm(typed) == norm(shown)


def found_in(text: str, pages: Iterable[Page], *, loosely: bool = False) -> bool:
    """Whether `text` is on one of the pages: exactly (up to NFC), or `loosely` — up to
    compatibility forms, case, spacing and invisible characters, as a changed copy would be."""

    def norm(s: str) -> str:
        if not loosely:
            return unicodedata.normalize("NFC", s)
        s = unicodedata.normalize("NFKC", s).casefold()
        s = "".join(c for c in s if unicodedata.category(c) not in ("Cf", "Mn"))
        return " ".join(s.split())

    want = norm(text)
    return any(want in norm(t) for page in pages for t in page.texts)


# --- Feeds -----------------------------------------------------------------------------------

FEEDS = ("blogs:feed_rss", "blogs:feed_atom")


def check_feed(content: bytes) -> Iterator[tuple[str, str]]:
    """(problem, payload name) for a feed: not well-formed XML, or HTML in it that a feed
    reader would run."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as e:
        yield f"the feed is not well-formed XML ({e})", "?"
        return
    # What readers show as HTML: RSS item descriptions, Atom text constructs of type html.
    if root.tag == "rss":
        as_html = [d for item in root.iter("item") for d in item.iter("description")]
    else:
        as_html = [e for e in root.iter() if e.get("type") == "html"]
    for element in as_html:
        tag = element.tag.split("}")[-1]
        if element.text and "<" in element.text:
            for name, what in inspect_page(element.text).injected:
                yield f"{what} in the feed's <{tag}>", name


# --- The forms pass --------------------------------------------------------------------------


def _profile_url(world: World, persona: str) -> str | None:
    if persona == "visitor":
        return None
    return str(getattr(world, persona).get_absolute_url())


class FormRun:
    """Sends one category of the corpus to every field of the forms that post to `route`."""

    def __init__(self, world: World, route: str, category: str, findings: Findings) -> None:
        self.world = world
        self.route = route
        self.category = category
        self.findings = findings
        self.shown_at: set[str] = set()  # pages that showed what was stored
        self.stored: list[str] = []  # the payloads a POST was answered "done" for
        self.clients: dict[str, Client] = {}

    def client(self, persona: str) -> Client:
        if persona not in self.clients:
            self.clients[persona] = client_as(self.world, persona)
        return self.clients[persona]

    def still_signed_in_as(self, persona: str, response: Any) -> None:
        """Forgets the persona's client when the request signed it in or out (sign-in, join)."""
        user = getattr(response.wsgi_request, "user", None)
        expected = None if persona == "visitor" else getattr(self.world, persona).pk
        if getattr(user, "pk", None) != expected:
            self.clients.pop(persona, None)

    def run(self) -> None:
        for found in forms_to_test(self.world, self.route):
            client = self.client(found.persona)
            url = page_url(self.world, found.page)
            page = inspect_page(decode(client.get(url)))
            form = next(
                (
                    f
                    for f in page.forms
                    if route_name(f.action or url) == self.route and f.signature == found.signature
                ),
                None,
            )
            if form is None:
                continue  # an earlier test's object is gone; the next test finds it
            action = form.action or url
            STATS.routes.add(self.route)
            STATS.personas.add(found.persona)
            # Many selects with the same options in one form are one field made in a loop (a
            # delivery choice per notification kind): two of them stand for the rest.
            same_selects: dict[tuple[str, ...], int] = {}
            for target in form.fields:
                if target.kind == "select":
                    options = tuple(target.options)
                    same_selects[options] = same_selects.get(options, 0) + 1
                    if same_selects[options] > 2:
                        continue
                if target.name == "csrfmiddlewaretoken":
                    continue
                if re.search(r"-[1-9][0-9]*-|_FORMS$|__prefix__", target.name):
                    # The second row of a formset has the fields of the first; a formset's
                    # counts make Django render up to 1,000 empty rows (slow, and Django's);
                    # the empty row in a <template> ("add another") is never read by Django.
                    continue
                category = self.category
                if target.kind == "file":
                    # File fields take the odd names as file names.
                    odd = [c for c in category.split("+") if c in ("path", "bytes", "script")]
                    if not odd:
                        continue
                    category = "+".join(odd)
                STATS.fields.add(f"{self.route}:{target.name}")
                for i, payload in enumerate(sample(category, f"{self.route}|{target.name}")):
                    # htmx forms are sent as htmx sends them, and as a plain form (no script).
                    htmx = form.htmx and (full_mode() or i % 2 == 0)
                    self.submit(found, form, action, target, payload, htmx=htmx)
                    if form.htmx and full_mode():
                        self.submit(found, form, action, target, payload, htmx=False)
        if self.stored:
            self.sweep()
            self.check_feeds()

    def fail(
        self, check: str, persona: str, target: str, payload: object, detail: str, request: str
    ) -> None:
        self.findings.add(
            Failure(check, self.route, persona, target, str(payload), detail, request)
        )

    def submit(
        self, found: FoundForm, form: Form, action: str, target: Field, payload: Payload, htmx: bool
    ) -> None:
        client = self.client(found.persona)
        if target.kind == "file":
            pairs = build_fields(form, target, "")
            files = [(target.name, payload.encoded(), tiny_png())]
        else:
            pairs = build_fields(form, target, payload.value)
            # A picture in each required file input (photos:upload needs one to take the text).
            files = [
                (f.name, b"tiny.png", tiny_png())
                for f in form.fields
                if f.kind == "file" and f.required
            ]
        response = send(client, action, form, pairs, files, htmx=htmx)
        self.still_signed_in_as(found.persona, response)
        STATS.submissions += 1
        STATS.requests += 1
        STATS.payloads.add(payload.name)
        request = f"{form.method.upper()} {action}{' (htmx)' if htmx else ''}"

        def fail(check: str, detail: str) -> None:
            self.fail(check, found.persona, target.name, payload, detail, request)

        status = response.status_code
        if status >= 500:
            fail("5xx", f"answered {status}")
            return
        content = decode(response)
        page = inspect_page(content)
        accepted = 300 <= status < 400 or (status < 300 and not page.has_error)
        typed = payload.text
        if not accepted:
            STATS.refusal_statuses.setdefault(self.route, set()).add(status)
            if status >= 400 and not self.forms_of_route(page) and self.gone(found):
                # A form an earlier payload of this test made stale (the member it suspends is
                # suspended now): refused outright, as it must be, whatever was typed.
                STATS.stale_forms[self.route] = STATS.stale_forms.get(self.route, 0) + 1
                return
            self.check_refusal(page, status, target, payload, fail)
            return
        if target.kind in payload.refuse_in:
            fail("accepted what it should refuse", f"answered {status}")
        pages = [(request, page, content)]
        if 300 <= status < 400:
            location = response["Location"]
            followed = client.get(location)
            STATS.requests += 1
            if followed.status_code >= 500:
                fail("5xx", f"the page it sent to, {location}, answered {followed.status_code}")
                return
            if "html" in followed.get("Content-Type", ""):
                text = decode(followed)
                pages.append((f"GET {location}", inspect_page(text), text))
                self.shown_at.add(urlsplit(location).path)
        if form.method == "post":
            self.stored.append(f"{target.name}={payload.name}")
        for where, shown, text in pages:
            for name, what in shown.injected:
                fail("live markup", f"{what} (payload {name}) at {where}")
            if payload.category == "bidi" and target.kind in TEXT_TYPES:
                for spot in shown.unisolated:
                    fail("direction not isolated", f"{spot} at {where}")
            if form.method == "post" and where != request:
                bad = UNSERVABLE.search(text)
                if bad:
                    fail("unservable character stored", f"U+{ord(bad.group()):04X} at {where}")
        if payload.keep and typed is not None and target.kind in FREE_TEXT_TYPES:
            shown_pages = [p for _, p, _ in pages]
            if not found_in(typed, shown_pages):
                more = [reverse("network:home"), _profile_url(self.world, found.persona)]
                for url in filter(None, more):
                    shown_pages.append(inspect_page(decode(client.get(url))))
                # Text that shows nowhere (a join form that answers "check your email") cannot
                # be judged; text that shows changed can.
                if not found_in(typed, shown_pages) and found_in(typed, shown_pages, loosely=True):
                    fail("legitimate text changed", f"{typed[:40]!r} is shown changed")

    def forms_of_route(self, page: Page) -> list[Form]:
        """The forms on `page` that post where the tested one does."""
        return [f for f in page.forms if not f.action or route_name(f.action) == self.route]

    def gone(self, found: FoundForm) -> bool:
        """Whether the page the form was found on no longer offers it to its persona."""
        url = page_url(self.world, found.page)
        response = self.client(found.persona).get(url)
        STATS.requests += 1
        if response.status_code != 200:
            return True
        return not any(
            route_name(f.action or url) == self.route and f.signature == found.signature
            for f in inspect_page(decode(response)).forms
        )

    def check_refusal(
        self, page: Page, status: int, target: Field, payload: Payload, fail: Any
    ) -> None:
        typed = payload.text
        if (
            payload.keep
            and typed is not None
            and target.kind in FREE_TEXT_TYPES
            and target.kind not in payload.refuse_in
        ):
            fail("legitimate text refused", f"answered {status}")
        if status >= 400 and not self.forms_of_route(page):
            # Refused outright (403, 404, 429): no form to keep the value in (the navigation's
            # search and sign-out forms are no place for it).
            return
        if status == 200 and not page.has_error:
            fail("refused without a clear error", "no error is shown")
        if target.kind not in TEXT_TYPES or typed is None:
            return
        # The form that sends where the refused one did (the navigation's search box also has a
        # `q`, and keeps none of another form's text), else any with the field.
        holding = [f for f in page.forms if f.named(target.name)]
        same_route = [f for f in holding if not f.action or route_name(f.action) == self.route]
        shown = next((f.named(target.name) for f in same_route or holding), None)
        if shown is None:
            fail("typed value lost", f"answered {status} without the field")
        elif not same(typed, shown.value):
            fail("typed value lost", f"the field shows {shown.value[:40]!r}")

    def check_feeds(self) -> None:
        """The feeds after every write of this test: they answer, parse, and run nothing."""
        visitor = Client(raise_request_exception=False)
        sent = ", ".join(self.stored[:12]) + (" …" if len(self.stored) > 12 else "")
        for feed in FEEDS:
            url = reverse(feed)
            response = visitor.get(url)
            STATS.requests += 1
            if response.status_code >= 500:
                detail = f"answers {response.status_code} after the route took: {sent}"
                self.fail("feed broken", "visitor", "", self.category, detail, f"GET {url}")
                continue
            for problem, name in check_feed(response.content):
                payload = name if name != "?" else self.category
                detail = f"{problem}, after the route took: {sent}"
                self.fail("feed broken", "visitor", "", payload, detail, f"GET {url}")

    def sweep(self) -> None:
        """The pages where what was stored shows, as a visitor sees them: no live markup."""
        visitor = Client(raise_request_exception=False)
        urls = {reverse("network:home"), reverse("blogs:list"), reverse("members:directory")}
        urls |= self.shown_at
        urls.add(str(self.world.author.get_absolute_url()))
        urls |= {u for u in (_profile_url(self.world, p) for p in self.clients) if u}
        for url in sorted(urls):
            response = visitor.get(url)
            STATS.requests += 1
            if response.status_code >= 500:
                self.fail("5xx", "visitor", "", self.category, f"answered {response.status_code}",
                          f"GET {url}")  # fmt: skip
                continue
            if "html" not in response.get("Content-Type", ""):
                continue
            text = decode(response)
            page = inspect_page(text)
            for name, what in page.injected:
                self.fail("live markup", "visitor", "", name, what, f"GET {url}")
            if self.category == "bidi":
                for spot in page.unisolated:
                    self.fail("direction not isolated", "visitor", "", self.category, spot,
                              f"GET {url}")  # fmt: skip
            bad = UNSERVABLE.search(text)
            if bad:
                self.fail("unservable character stored", "visitor", "", self.category,
                          f"U+{ord(bad.group()):04X}", f"GET {url}")  # fmt: skip


# --- The parameters pass ---------------------------------------------------------------------

QUERY_PARAMETERS = ("next", "page", "q", "lang", "before")
INT_EDGES = ("0", "2147483648", "9223372036854775808", "99999999999999999999999999999999")
_CONVERTER = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>|\(\?P<(?P<rname>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    name: str  # the route name, or its pattern when it has none (the media files)
    pattern: str  # the whole pattern, as the URLconf writes it
    converters: tuple[tuple[str, str], ...]  # (argument, converter: int, str, path, regex)


def all_routes() -> list[Route]:
    """Every route of the URLconf but Django's own admin site."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[Route] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for p in patterns:
            pattern = prefix + str(p.pattern).lstrip("^").rstrip("$")
            if pattern.startswith("django-admin/"):
                continue
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                walk(p.url_patterns, pattern, ns)
            elif isinstance(p, URLPattern):
                name = f"{namespace}:{p.name}" if namespace and p.name else p.name or pattern
                converters = tuple(
                    (m["name"] or m["rname"], m["conv"] or ("str" if m["name"] else "regex"))
                    for m in _CONVERTER.finditer(pattern)
                )
                found.append(Route(name, pattern, converters))

    walk(get_resolver().url_patterns, "", "")
    return found


def build_path(route: Route, values: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        return values[m["name"] or m["rname"]]

    return "/" + _CONVERTER.sub(one, route.pattern)


def quote_value(value: str | bytes) -> str:
    from urllib.parse import quote

    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote(raw, safe="")


def base_values(world: World, route: Route) -> dict[str, str]:
    """Arguments that name real objects (the access matrix's), or plain ones."""
    kwargs = KWARGS[route.name](world) if route.name in KWARGS else {}
    plain = {"int": "1", "str": "x", "slug": "x", "path": "x", "regex": "x"}
    return {
        name: quote_value(str(kwargs[name])) if name in kwargs else plain.get(conv, "x")
        for name, conv in route.converters
    }


def open_redirect(location: str) -> bool:
    """Whether a Location leaves the site: another host, or // and /\\ that browsers read so."""
    squeezed = re.sub(r"[\x00-\x20]", "", location)
    if squeezed.startswith(("//", "/\\", "\\")):
        return True
    parts = urlsplit(squeezed)
    return bool(parts.scheme or parts.netloc) and parts.hostname not in (None, "testserver")


def check_answer(
    response: Any, findings: Findings, route: str, persona: str, what: str, payload: object
) -> None:
    request = f"GET {response.wsgi_request.get_full_path()}"[:200]

    def fail(check: str, detail: str) -> None:
        findings.add(Failure(check, route, persona, what, str(payload), detail, request))

    status = response.status_code
    if status >= 500:
        fail("5xx", f"answered {status}")
        return
    if status in (301, 302, 303, 307, 308) and open_redirect(response["Location"]):
        fail("open redirect", f"to {response['Location'][:80]!r}")
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        for name, found in inspect_page(decode(response)).injected:
            fail("live markup", f"{found} (payload {name})")
    elif "xml" in content_type:
        for problem, name in check_feed(response.content):
            fail("feed broken", f"{problem} (payload {name})")


def parameter_payloads(route: str, parameter: str) -> list[Payload]:
    """What one query parameter or path argument of a route gets: every redirect target for
    `next`, every number for `page`, and a sample of each category."""
    if full_mode():
        return list(corpus())
    chosen: list[Payload] = []
    if parameter == "next":
        chosen += [p for p in corpus() if p.name.startswith("next-")]
    if parameter == "page":
        chosen += [p for p in corpus() if p.category == "number"]
    # A megabyte in a URL is the web server's to refuse; --full sends it.
    parts = dict.fromkeys(part for c in categories() for part in c.split("+"))
    rest = [c for c in parts if c != "long"]
    wanted = min(2 if chosen else 4, len(rest))
    picked = random.Random(f"{route}?{parameter}").sample(rest, wanted)  # noqa: S311
    chosen += [p for c in picked for p in sample(c, f"{route}?{parameter}")]
    return list(dict.fromkeys(chosen))


def corpus_of(category: str) -> list[Payload]:
    return [p for p in corpus() if p.category == category]
