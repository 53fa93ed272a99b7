"""A blog's RSS 2.0 or Atom feed into a member's blog (`manage.py import_feed`).

The feed comes from a file on disk, or from its address through lib/fetch.py (never through
feedparser itself, which would fetch a string that looks like an address on its own). Each
entry becomes a published post of the member's:

- its title as plain text (an HTML title's tags dropped, unescaped exactly once);
- its text: the full content (`content:encoded`, Atom's `content`), else the summary, through
  the site's sanitiser (scripts, styles, event attributes, iframes gone), relative links made
  absolute, and its pictures copied here (imports/feed_media.py says what happens to one that
  cannot be);
- the date readers saw (published, else updated; the import's date if the feed gives none);
- its categories as tags (at most 10);
- its original address as the post's first related link, titled with the feed's name.

Run again, it brings nothing twice: each entry is remembered by its id (Atom `id`, RSS
`guid`, else its link) under the feed's site (`feed:HOST/PATH`, imports.models.ImportedRecord).
A feed split in pages is followed: Atom's `rel="next"`, and WordPress's `?paged=N`, up to
`max_pages`.
"""

import io
import re
import xml.sax
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser  # type: ignore[import-untyped]
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from blogs.models import Post, RelatedLink
from blogs.services import render_body
from lib import fetch
from lib.datagen import Progress
from lib.markup import html_to_text, render_plain_text, truncate_words
from lib.validators import validate_web_address
from members.models import Member

from .feed_media import Pictures, absolute, prepare_html
from .feed_records import (
    Memory,
    aware,
    each,
    finish,
    made_key,
    original_key,
    quietly,
    source_key,
    tag_names,
    text_title,
)
from .ning.importer import html_to_lines
from .ning.report import Report

FEED_MAX_BYTES = 20 * 1024 * 1024
FEED_TIMEOUT = 60.0
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"
MAX_PAGES = 10
BODY_MAX = 100_000  # Post.body
KIND = "blog posts"

# A document type declaring entities is refused before parsing: XML's expansion of nested
# entities ("a billion laughs") turns a few hundred bytes into gigabytes, and no feed needs
# them. (Looked for in every encoding a feed may come in.)
_DECLARATIONS = [
    ("<!DOCTYPE".encode(encoding), "<!ENTITY".encode(encoding))
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
]


def declares_entities(body: bytes) -> bool:
    for doctype, entity in _DECLARATIONS:
        start = body.find(doctype)
        if start >= 0 and body.find(entity, start) >= 0:
            return True
    return False


class FeedProblem(Exception):
    """The feed cannot be imported at all; str() says why, for the administrator."""


@dataclass
class Page:
    parsed: Any  # feedparser's result
    url: str  # where it was fetched from ("" for a file)


@dataclass
class FeedImport:
    member: Member
    report: Report
    dry_run: bool = False
    max_pages: int = MAX_PAGES
    progress: Progress | None = None
    title: str = ""
    source: str = ""
    pages_read: int = 0


def read(address_or_file: str) -> tuple[bytes, str, str]:
    """The feed's bytes, the address they came from ("" for a file) and their content type."""
    if re.match(r"(?i)https?://", address_or_file.strip()):
        try:
            fetched = fetch.fetch(
                address_or_file.strip(),
                timeout=FEED_TIMEOUT,
                max_bytes=FEED_MAX_BYTES,
                accept=FEED_ACCEPT,
            )
        except fetch.FetchError as error:
            raise FeedProblem(
                _("The feed could not be fetched: %(error)s") % {"error": error}
            ) from error
        return fetched.body, fetched.url, fetched.headers.get("content-type", "")
    path = Path(address_or_file)
    if not path.is_file():
        raise FeedProblem(_("%(path)s is neither a file nor an http(s) address.") % {"path": path})
    if path.stat().st_size > FEED_MAX_BYTES:
        raise FeedProblem(
            _("The file is larger than %(size)s bytes.") % {"size": f"{FEED_MAX_BYTES:,}"}
        )
    return path.read_bytes(), "", ""


def parse(body: bytes, *, content_type: str = "") -> Any:
    """The feed in `body`, parsed; FeedProblem if it is none, or broken beyond reading."""
    if declares_entities(body):
        raise FeedProblem(
            _("The feed declares XML entities; they are refused (they can expand to gigabytes).")
        )
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers=headers, resolve_relative_uris=False,
        sanitize_html=False,
    )  # fmt: skip
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        if problem is not None:
            raise FeedProblem(
                _("This is not an RSS or Atom feed (%(error)s).") % {"error": _describe(problem)}
            )
        raise FeedProblem(_("This is not an RSS or Atom feed."))
    # An HTML entity XML does not know (&nbsp;) is read as HTML would read it; anything else
    # that breaks the XML (a file cut short, a tag left open) may have cut entries short too.
    if isinstance(problem, xml.sax.SAXParseException) and "undefined entity" not in str(problem):
        raise FeedProblem(
            _("The feed is not well-formed XML (%(error)s): nothing was imported.")
            % {"error": _describe(problem)}
        )
    return parsed


def _describe(problem: BaseException) -> str:
    if isinstance(problem, xml.sax.SAXParseException):
        return _("line %(line)s, column %(column)s: %(message)s") % {
            "line": problem.getLineNumber(),
            "column": problem.getColumnNumber(),
            "message": problem.getMessage(),
        }
    return str(problem) or type(problem).__name__


def next_page(page: Page, number: int) -> str:
    """The address of the page after `page` (the `number`th), or ""."""
    if not page.url:
        return ""
    for link in page.parsed.feed.get("links", []):
        if link.get("rel") == "next" and link.get("href"):
            return absolute(str(link["href"]), page.url)
    generator = str(page.parsed.feed.get("generator", "")).lower()
    if "wordpress" in generator:
        parts = urlsplit(page.url)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "paged"]
        query.append(("paged", str(number)))
        return urlunsplit(parts._replace(query=urlencode(query)))
    return ""


def run_feed_import(
    address_or_file: str,
    member: Member,
    *,
    dry_run: bool = False,
    max_pages: int = MAX_PAGES,
    progress: Progress | None = None,
) -> tuple[Report, FeedImport]:
    """Imports the feed (a file or an address) into `member`'s blog; FeedProblem if the feed
    cannot be read at all. With `dry_run` everything is done and nothing written (one
    transaction rolled back, no picture stored)."""
    body, url, content_type = read(address_or_file)
    first = Page(parse(body, content_type=content_type), url)
    report = Report(dry_run=dry_run)
    job = FeedImport(member, report, dry_run=dry_run, max_pages=max_pages, progress=progress)
    site = str(first.parsed.feed.get("link", "")) or url or address_or_file
    job.source = source_key("feed", site)
    job.title = text_title(str(first.parsed.feed.get("title", ""))) or site
    memory = Memory(job.source)
    pictures = Pictures(report, folder="feeds", dry_run=dry_run)
    if first.parsed.get("bozo_exception") is not None and first.parsed.entries:
        report.repaired(KIND, "the feed has HTML entities XML does not know: read as HTML")

    def import_page(page: Page) -> None:
        base = page.url or site
        # Each entry's HTML, its pictures copied, made before the batch's transaction opens.
        bodies: dict[int, str | Exception] = {}

        def prepare(entry: Any) -> None:
            if _entry_id(entry) in memory.done("post"):
                return
            try:
                bodies[id(entry)] = entry_html(job, pictures, entry, base=base)
            except Exception as error:
                bodies[id(entry)] = error

        def write(entry: Any) -> None:
            import_entry(job, memory, pictures, entry, base=base, html=bodies.pop(id(entry), None))

        each(KIND, list(page.parsed.entries), write, report=report, memory=memory,
             describe=_entry_name, progress=progress, prepare=prepare)  # fmt: skip

    # Every page read before anything is written: no transaction waits on another server.
    pages = read_pages(job, first)

    def run() -> None:
        with quietly():
            for page in pages:
                import_page(page)

    if dry_run:
        with transaction.atomic():
            run()
            transaction.set_rollback(True)
        return report, job
    run()
    finish(memory)
    return report, job


def read_pages(job: FeedImport, first: Page) -> list[Page]:
    """The feed's pages from `first` on, up to job.max_pages: until a page is missing, empty
    or repeats the entries of those before (WordPress answers a page past the last with its
    last one, or 404)."""
    pages = [first]
    seen = {_entry_id(e) for e in first.parsed.entries}
    while True:
        number = len(pages) + 1
        if len(pages) >= job.max_pages:
            if next_page(pages[-1], number):
                job.report.skipped("feed pages", f"stopped after {job.max_pages} pages")
            break
        following = _fetch_page(job, pages[-1], number)
        if following is None:
            break
        ids = {_entry_id(e) for e in following.parsed.entries}
        if not ids or ids <= seen:
            break
        seen |= ids
        pages.append(following)
    job.pages_read = len(pages)
    return pages


def _fetch_page(job: FeedImport, page: Page, number: int) -> Page | None:
    address = next_page(page, number)
    if not address:
        return None
    try:
        fetched = fetch.fetch(
            address, timeout=FEED_TIMEOUT, max_bytes=FEED_MAX_BYTES, accept=FEED_ACCEPT
        )
        parsed = parse(fetched.body, content_type=fetched.headers.get("content-type", ""))
    except fetch.BadStatus as error:
        if error.status not in (404, 410):
            job.report.skipped("feed pages", f"page {number}: {error}")
        return None
    except (fetch.FetchError, FeedProblem) as error:
        job.report.skipped("feed pages", f"page {number}: {error}")
        return None
    return Page(parsed, fetched.url)


def _entry_id(entry: Any) -> str:
    for key in ("id", "link"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return original_key(value)
    return made_key(
        entry.get("title", ""), dict.get(entry, "published", ""), dict.get(entry, "updated", "")
    )


def _entry_name(entry: Any) -> str:
    title = entry.get("title") if hasattr(entry, "get") else None
    return repr(str(title)[:60]) if title else "an entry"


def _body(entry: Any) -> tuple[str, bool]:
    """The entry's fullest text and whether it is HTML."""
    contents = [c for c in entry.get("content", []) if str(c.get("value", "")).strip()]
    if contents:
        best = max(contents, key=lambda c: len(str(c.get("value", ""))))
        return str(best["value"]), best.get("type") != "text/plain"
    detail = entry.get("summary_detail") or {}
    summary = str(entry.get("summary", ""))
    return summary, detail.get("type") != "text/plain"


def entry_html(job: FeedImport, pictures: Pictures, entry: Any, *, base: str) -> str:
    """The entry's text as this site keeps it (imports/feed_media.prepare_html)."""
    text, is_html = _body(entry)
    if not is_html:
        text = render_plain_text(text)
    content_base = next((str(c.get("base")) for c in entry.get("content", []) if c.get("base")), "")
    return prepare_html(
        text, base=absolute(content_base, base) or base, kind=KIND, report=job.report,
        pictures=pictures,
    )  # fmt: skip


def import_entry(
    job: FeedImport, memory: Memory, pictures: Pictures, entry: Any, *, base: str,
    html: str | Exception | None = None,
) -> None:  # fmt: skip
    """One entry as a post (`html`: its text made beforehand, or the error that made)."""
    report = job.report
    original = _entry_id(entry)
    if original.startswith("made:"):
        report.repaired(KIND, "no id or link: one made from its title and date")
    done = memory.done("post")
    if original in done:
        report.skipped(KIND, "already imported")
        return
    if isinstance(html, Exception):
        raise html
    detail = entry.get("title_detail") or {}
    title = text_title(str(entry.get("title", "")), is_html=detail.get("type") != "text/plain")
    body_html = html if html is not None else entry_html(job, pictures, entry, base=base)
    plain = html_to_lines(body_html)
    if not title and not plain:
        report.skipped(KIND, "no title and no text")
        return
    if not title:
        title = truncate_words(html_to_text(body_html), 80) or "—"
        report.repaired(KIND, "no title: made from its first words")
    # dict.get, not FeedParserDict.get: no deprecated mapping of one date onto another.
    published = aware(dict.get(entry, "published_parsed")) or aware(
        dict.get(entry, "created_parsed")
    )
    updated = aware(dict.get(entry, "updated_parsed"))
    when = published or updated
    if when is None:
        report.repaired(KIND, "no date the feed could give: the import's date used")
        when = timezone.now()
    if len(plain) > BODY_MAX:
        report.repaired(KIND, "text longer than a post takes: the editable text shortened")
        plain = truncate_words(plain, BODY_MAX)
    post = Post(
        author=job.member,
        title=title[:200],
        slug=slugify(title, allow_unicode=True)[:80] or "post",
        status=Post.Status.PUBLISHED,
        published_at=when,
        created_at=when,
        updated_at=max(when, updated) if updated else when,
        source=job.source,
        source_id=original[:500],
    )
    # Written as HTML elsewhere: its text is the editable body, and the page shows the HTML
    # itself, through the site's sanitiser (as the Ning importer does).
    post.body = plain
    render_body(post)
    post.body_html = body_html
    post.save(force_insert=True)
    memory.remember("post", original, post)
    report.imported(KIND)
    names = [str(t.get("label") or t.get("term") or "") for t in entry.get("tags", [])]
    names = tag_names(names, report, KIND)
    if names:
        post.tags.set([memory.tag(name) for name in names])
    link = absolute(str(entry.get("link", "")), base)
    if link:
        try:
            validate_web_address(link)
        except Exception:
            link = ""
    if link and len(link) <= 2000:
        RelatedLink.objects.create(
            post=post, position=0, url=link, title=title[:300],
            source=(_("Originally published on %(site)s") % {"site": job.title})[:300],
        )  # fmt: skip
