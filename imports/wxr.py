"""A WordPress export (WXR) into this network (`manage.py import_wxr`).

- Authors (`wp:author`) become members: one already here with the same email (whatever its
  case) is that member; anyone else is a new member without a usable password, who chooses
  one when an administrator sends the invitations (`manage.py invite_imported`), as imported
  Ning members do. An author without an email is imported but cannot sign in.
- Posts: published ones stay published at the date readers saw; drafts, pending, private,
  scheduled and password-protected ones become their author's drafts; trashed ones and
  revisions are left out. The text goes through WordPress's paragraphs (blank lines) and the
  site's sanitiser; its shortcodes are undone ([caption] keeps its picture and words,
  [gallery], [audio], [video] and [playlist] are left out and counted). Categories and tags
  become tags ("Uncategorized" aside).
- Comments: approved ones only (waiting, spam and trash are left out, as are pingbacks and
  trackbacks), each at its date, threaded one level as the comments here are: a reply to a
  reply goes under the same top-level comment. A comment by a WordPress user is by their
  member; anyone else who commented keeps the name they gave, as a placeholder member (no
  email, no password, never signs in, never listed) — one per name and email, as the Ning
  importer keeps one "former member" per unknown author; a comment without a name gets a
  former member.
- Pages (`wp:post_type` page) become the network's pages (unpublished if they were not
  published, never in the navigation until an administrator puts them there).
- Attachments are not imported on their own. Pictures in the posts keep pointing at the old
  site, unless `fetch_media`: then each is copied here through lib/fetch.py
  (imports/feed_media.py).

Run again, it brings nothing twice (each record's WordPress id under `wxr:SITE`,
imports.models.ImportedRecord); comments approved since an earlier run are added to the posts
it brought.
"""

import datetime as dt
import email.utils
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from blogs.models import Post
from blogs.services import EXCERPT_CHARS, render_body
from comments.models import MAX_COMMENT_CHARS, Comment
from lib.datagen import Progress
from lib.markup import html_to_text, render_plain_text, sanitize_html, truncate_words
from lib.text import clean_text
from members.models import Member, unique_handle
from members.services import former_member_name
from network.models import Network
from pages.models import RESERVED_SLUGS, Page, make_slug

from .feed_media import Pictures, prepare_html
from .feed_records import (
    Memory,
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
from .wxr_reader import WxrAuthor, WxrComment, WxrItem, WxrSite, read_wxr

POSTS = "blog posts"
COMMENTS = "blog comments"
PAGES = "pages"
AUTHORS = "authors"
BODY_MAX = 100_000  # Post.body
PAGE_MAX = 50_000  # Page.body

# WordPress's statuses of a post → whether it is published here (a draft otherwise), with
# what the report says of it; statuses not here are left out.
STATUSES: dict[str, tuple[bool, str]] = {
    "publish": (True, ""),
    "draft": (False, "a draft on WordPress: a draft here"),
    "pending": (False, "waiting for review on WordPress: a draft here"),
    "private": (False, "private on WordPress: a draft here (only its author sees it)"),
    "future": (False, "scheduled on WordPress: a draft here"),
}
_DROPPED_SHORTCODES = ("gallery", "audio", "video", "playlist")
_SHORTCODE = re.compile(
    r"\[(/?)(caption|wp_caption|gallery|embed|audio|video|playlist)\b[^\]]*\]", re.IGNORECASE
)
_BLOCK = re.compile(
    r"\s*<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|address|section|!--)\b",
    re.IGNORECASE,
)


def wp_date(gmt: str, local: str, rfc822: str, zone: dt.tzinfo) -> dt.datetime | None:
    """A WordPress date: its GMT column, else its local one (in `zone`, the network's: the
    export does not say the blog's), else the RSS date; None if none is a date ("0000-00-00
    00:00:00" is WordPress's "none")."""
    for value, tz in ((gmt, dt.UTC), (local, zone)):
        value = value.strip()
        if value and not value.startswith("0000"):
            try:
                return dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=tz)
            except ValueError:
                continue
    if rfc822.strip():
        try:
            parsed = email.utils.parsedate_to_datetime(rfc822.strip())
        except (TypeError, ValueError, IndexError):
            return None
        return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=dt.UTC)
    return None


def valid_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return len(value) <= 254


def autop(text: str) -> str:
    """WordPress's paragraphs: its editor keeps text with blank lines between paragraphs and
    single line breaks inside them, and adds the HTML only when showing it. Blocks already
    written as HTML (and the block editor's comments) are left as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\n" not in text:
        return text if _BLOCK.match(text) or not text else f"<p>{text}</p>"
    out = []
    for paragraph in re.split(r"\n[ \t]*\n", text):
        if not paragraph.strip():
            continue
        if _BLOCK.match(paragraph):
            out.append(paragraph)
        else:
            out.append("<p>" + paragraph.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def undo_shortcodes(text: str, report: Report, kind: str) -> str:
    """WordPress's shortcodes taken out: a [caption]'s picture and words stay, an [embed]'s
    address stays as text; galleries and players are left out (counted)."""

    def swap(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name in _DROPPED_SHORTCODES and not match.group(1):
            report.repaired(kind, f"a [{name}] shortcode left out")
        return ""

    return _SHORTCODE.sub(swap, text)


@dataclass
class Outcome:
    """What a run found, for the command's first lines."""

    source: str
    title: str
    address: str


class WxrImport:
    """One run over one export (see the module)."""

    def __init__(
        self, site: WxrSite, *, report: Report, dry_run: bool = False,
        fetch_media: bool = False, progress: Progress | None = None,
    ) -> None:  # fmt: skip
        self.site = site
        self.report = report
        self.dry_run = dry_run
        self.progress = progress
        self.source = source_key("wxr", site.address or site.title)
        self.memory = Memory(self.source)
        self.pictures = Pictures(report, folder="wxr", dry_run=dry_run) if fetch_media else None
        network = Network.objects.first()
        self.zone = ZoneInfo(network.time_zone if network is not None else "UTC")
        self.now = timezone.now()
        # An item's text made (its pictures copied) before its batch's transaction, or the
        # error that making it raised.
        self.texts: dict[int, str | Exception] = {}
        # WordPress login → member, WordPress user id → member, commenter key → member.
        self.people: dict[str, Member] = {}
        self.users: dict[str, Member] = {}

    def each[T](
        self, kind: str, records: list[T], write: Callable[[T], None],
        prepare: Callable[[T], None] | None = None,
    ) -> None:  # fmt: skip
        def describe(record: T) -> str:
            for attribute in ("login", "comment_id"):
                if value := getattr(record, attribute, ""):
                    return f"{attribute}={value!r}"
            if isinstance(record, WxrItem):
                return f"post_id={record.get('wp:post_id')!r} {record.get('title')[:60]!r}"
            return "a record"

        each(kind, records, write, report=self.report, memory=self.memory, describe=describe,
             progress=self.progress, prepare=prepare)  # fmt: skip
        # A record rolled back took the members it made with it: found again when needed.
        kept = set(
            Member.objects.filter(pk__in=[m.pk for m in self.people.values()]).values_list(
                "pk", flat=True
            )
        )
        self.people = {k: m for k, m in self.people.items() if m.pk in kept}
        self.users = {k: m for k, m in self.users.items() if m.pk in kept}

    def run(self) -> None:
        with quietly():
            self.each(AUTHORS, self.site.authors, self.import_author)
            by_type: dict[str, list[WxrItem]] = {}
            for item in self.site.items:
                by_type.setdefault(item.get("wp:post_type") or "post", []).append(item)
            # Pictures are copied before each batch's transaction opens (feed_records.each).
            copying = self.pictures is not None
            self.each(POSTS, by_type.pop("post", []), self.import_post,
                      prepare=self.prepare_post if copying else None)  # fmt: skip
            self.each(PAGES, by_type.pop("page", []), self.import_page,
                      prepare=self.prepare_page if copying else None)  # fmt: skip
            attachments = by_type.pop("attachment", [])
            if attachments:
                reason = (
                    "not imported on their own: the pictures the posts show are copied"
                    if self.pictures is not None
                    else "not imported on their own: the posts link to them where they are"
                )
                self.report.kind("attachments").skipped[reason] += len(attachments)
            for kind, items in sorted(by_type.items()):
                self.report.kind("other items").skipped[
                    f"WordPress {kind[:40]!r} items not imported"
                ] += len(items)

    # --- People -----------------------------------------------------------------------------

    def import_author(self, author: WxrAuthor) -> None:
        login = author.login.strip()[:200]
        if not login:
            self.report.skipped(AUTHORS, "no login")
            return
        done = self.memory.done("member")
        if login in done and (member := Member.objects.filter(pk=done[login]).first()):
            self.report.skipped(AUTHORS, "already imported")
        else:
            member = self.make_author(author, login)
            self.memory.remember("member", login, member)
        self.people[login] = member
        if author.author_id:
            self.users[author.author_id.strip()] = member

    def make_author(self, author: WxrAuthor, login: str) -> Member:
        address = author.email.strip().lower()
        if address and not valid_email(address):
            self.report.repaired(AUTHORS, "email not an address: left out")
            address = ""
        existing = Member.objects.filter(email__iexact=address).first() if address else None
        if existing is not None:
            self.report.repaired(AUTHORS, "the member here with the same email")
            self.report.imported(AUTHORS)
            return existing
        full = f"{author.first_name} {author.last_name}"
        name = text_title(author.display_name) or text_title(full) or text_title(login)
        member = Member(
            email=address or None,
            display_name=name[:80],
            source=self.source,
            source_id=f"author:{login}"[:500],
            email_confirmed=bool(address),
            is_active=bool(address),
            date_joined=self.now,
        )
        member.set_unusable_password()  # they choose one when the administrator invites them
        member.handle = unique_handle(member.display_name)
        member.save()
        self.report.imported(AUTHORS)
        if not address:
            self.report.repaired(AUTHORS, "no email: imported, cannot sign in")
        return member

    def author(self, login: str) -> Member:
        """The member a post's `dc:creator` names; a placeholder named by the login for a user
        the export does not list."""
        login = login.strip()[:200]
        if login in self.people:
            return self.people[login]
        done = self.memory.done("member")
        found = Member.objects.filter(pk=done[login]).first() if login in done else None
        if found is None:
            found = self.placeholder(text_title(login), f"author:{login}")
            self.memory.remember("member", login, found)
            self.report.imported("authors not in the export's list (placeholders)")
        self.people[login] = found
        return found

    def commenter(self, comment: WxrComment) -> Member:
        """Who wrote a comment: the member of a WordPress user, else a placeholder keeping the
        name they gave (one per name and email)."""
        if comment.user_id not in ("", "0") and comment.user_id in self.users:
            return self.users[comment.user_id]
        name = text_title(comment.author)
        key = made_key(name.casefold(), comment.email.strip().lower())
        found = self.people.get(key)
        if found is not None:
            return found
        done = self.memory.done("commenter")
        found = Member.objects.filter(pk=done[key]).first() if key in done else None
        if found is None:
            found = self.placeholder(name, f"commenter:{key}")
            self.memory.remember("commenter", key, found)
            self.report.imported("commenters (placeholders, not members)")
        self.people[key] = found
        return found

    def placeholder(self, name: str, source_id: str) -> Member:
        """Someone who wrote on the blog and is no member here: their name kept, nothing else
        (no email, no password, inactive: never signs in, never listed); without a name, a
        former member, as the Ning importer makes for unknown authors."""
        member = Member(
            email=None,
            display_name=name[:80] or former_member_name(),
            is_active=False,
            left_at=None if name else self.now,
            date_joined=self.now,
            source=self.source,
            source_id=source_id[:500],
        )
        member.handle = unique_handle(name or "former-member")
        member.set_unusable_password()
        member.save()
        return member

    # --- Posts and their comments -----------------------------------------------------------

    def original(self, kind: str, item: WxrItem, *, quiet: bool = False) -> str:
        found = item.get("wp:post_id").strip() or item.get("guid").strip()
        if not found:
            if not quiet:
                self.report.repaired(kind, "no id: one made from its title and date")
            return made_key(item.get("title"), item.get("wp:post_date"), item.get("pubDate"))
        return original_key(found)

    def prepare_post(self, item: WxrItem) -> None:
        self.prepare(POSTS, "post", item)

    def prepare_page(self, item: WxrItem) -> None:
        self.prepare(PAGES, "page", item)

    def prepare(self, kind: str, memory_kind: str, item: WxrItem) -> None:
        if self.original(kind, item, quiet=True) in self.memory.done(memory_kind):
            return
        if (item.get("wp:status").strip().lower() or "publish") not in STATUSES:
            return
        try:
            self.texts[id(item)] = self.make_text(kind, item)
        except Exception as error:
            self.texts[id(item)] = error

    def text(self, kind: str, item: WxrItem) -> str:
        made = self.texts.pop(id(item), None)
        if isinstance(made, Exception):
            raise made
        return made if made is not None else self.make_text(kind, item)

    def make_text(self, kind: str, item: WxrItem) -> str:
        raw = undo_shortcodes(item.get("content:encoded"), self.report, kind)
        return prepare_html(
            autop(raw), base=self.site.address, kind=kind, report=self.report,
            pictures=self.pictures,
        )  # fmt: skip

    def import_post(self, item: WxrItem) -> None:
        original = self.original(POSTS, item)
        done = self.memory.done("post")
        if original in done:
            self.report.skipped(POSTS, "already imported")
            existing = Post.objects.filter(pk=done[original]).first()
            if existing is not None:
                self.import_comments(existing, item)
            return
        status = item.get("wp:status").strip().lower() or "publish"
        if status not in STATUSES:
            self.report.skipped(POSTS, f"status {status[:20]!r} on WordPress (trash, revision…)")
            return
        published, why = STATUSES[status]
        if published and item.get("wp:post_password").strip():
            published, why = False, "password-protected on WordPress: a draft here"
        if why:
            self.report.repaired(POSTS, why)
        body_html = self.text(POSTS, item)
        plain = html_to_lines(body_html)
        title = text_title(item.get("title"))
        if not title and not plain:
            self.report.skipped(POSTS, "no title and no text")
            return
        if not title:
            title = truncate_words(html_to_text(body_html), 80) or "—"
            self.report.repaired(POSTS, "no title: made from its first words")
        when = wp_date(
            item.get("wp:post_date_gmt"), item.get("wp:post_date"), item.get("pubDate"), self.zone
        )
        if when is None:
            self.report.repaired(POSTS, "no date: the import's date used")
            when = self.now
        modified = wp_date(
            item.get("wp:post_modified_gmt"), item.get("wp:post_modified"), "", self.zone
        )
        if len(plain) > BODY_MAX:
            self.report.repaired(POSTS, "text longer than a post takes: the editable text cut")
            plain = truncate_words(plain, BODY_MAX)
        post = Post(
            author=self.author(item.get("dc:creator")),
            title=title[:200],
            slug=slugify(title, allow_unicode=True)[:80] or "post",
            status=Post.Status.PUBLISHED if published else Post.Status.DRAFT,
            published_at=when if published else None,
            created_at=when,
            updated_at=max(when, modified) if modified else when,
            source=self.source,
            source_id=f"post:{original}"[:500],
        )
        post.body = plain
        render_body(post)
        post.body_html = body_html
        excerpt = html_to_text(sanitize_html(item.get("excerpt:encoded")))
        if excerpt:
            post.excerpt = truncate_words(excerpt, EXCERPT_CHARS)
        post.save(force_insert=True)
        self.memory.remember("post", original, post)
        self.report.imported(POSTS)
        names = [
            name
            for domain, nicename, name in item.categories
            if domain in ("category", "post_tag") and nicename.lower() != "uncategorized"
        ]
        names = tag_names([text_title(n) for n in names], self.report, POSTS)
        if names:
            post.tags.set([self.memory.tag(name) for name in names])
        self.import_comments(post, item)

    def import_comments(self, post: Post, item: WxrItem) -> None:
        """The item's approved comments on `post`, oldest first, one level of replies."""
        done = self.memory.done("comment")
        parents = {c.comment_id: c.parent for c in item.comments if c.comment_id}
        approved: list[WxrComment] = []
        for comment in item.comments:
            kind = comment.type.lower()
            if kind in ("pingback", "trackback"):
                self.report.skipped(COMMENTS, f"a {kind}")
            elif comment.approved != "1":
                reasons = {"0": "waiting for approval on WordPress", "spam": "spam",
                           "trash": "in WordPress's trash"}  # fmt: skip
                self.report.skipped(COMMENTS, reasons.get(comment.approved, "not approved"))
            else:
                approved.append(comment)

        def root(comment: WxrComment) -> str:
            """The top-level comment this one is under (itself if it is one)."""
            current, seen = comment.comment_id, set()
            while parents.get(current, "") not in ("", "0") and current not in seen:
                seen.add(current)
                current = parents[current]
            return current

        def order(comment: WxrComment) -> tuple[dt.datetime, int]:
            when = self.comment_date(comment) or self.now
            return when, int(comment.comment_id) if comment.comment_id.isdigit() else 0

        approved.sort(key=order)
        # Top-level comments first, so every reply finds the comment it goes under.
        approved.sort(key=lambda c: root(c) != c.comment_id)
        written: dict[str, int] = {}  # WordPress id → comment id here
        added = 0
        for comment in approved:
            original = comment.comment_id or made_key(
                post.pk, comment.author, comment.date_gmt, comment.content
            )
            original = original_key(original)
            if original in done:
                written[original] = done[original]
                self.report.skipped(COMMENTS, "already imported")
                continue
            body = clean_text(html_to_lines(comment.content), multiline=True).strip()
            if not body:
                self.report.skipped(COMMENTS, "empty comment")
                continue
            if len(body) > MAX_COMMENT_CHARS:
                self.report.repaired(COMMENTS, "comment shortened")
                body = truncate_words(body, MAX_COMMENT_CHARS)
            parent_id: int | None = None
            top = root(comment)
            if top != comment.comment_id:
                parent_id = written.get(top) or done.get(top)
                if parent_id is None:
                    self.report.repaired(
                        COMMENTS, "a reply to a comment not imported: a comment of its own"
                    )
                elif parents.get(comment.comment_id) != top:
                    self.report.repaired(COMMENTS, "a reply to a reply: under the first comment")
            when = self.comment_date(comment)
            if when is None:
                self.report.repaired(COMMENTS, "no date: the import's date used")
            row = Comment(
                target=post,
                parent_id=parent_id,
                author=self.commenter(comment),
                body=body,
                body_html=render_plain_text(body),
                created_at=when or self.now,
                source=self.source,
                source_id=f"comment:{original}"[:500],
            )
            row.save(force_insert=True)
            self.memory.remember("comment", original, row)
            written[original] = row.pk
            added += 1
        if added:
            Post.objects.filter(pk=post.pk).update(comment_count=models.F("comment_count") + added)
            self.report.imported(COMMENTS, added)

    def comment_date(self, comment: WxrComment) -> dt.datetime | None:
        return wp_date(comment.date_gmt, comment.date, "", self.zone)

    # --- Pages ------------------------------------------------------------------------------

    def import_page(self, item: WxrItem) -> None:
        original = self.original(PAGES, item)
        if original in self.memory.done("page"):
            self.report.skipped(PAGES, "already imported")
            return
        status = item.get("wp:status").strip().lower() or "publish"
        if status not in STATUSES:
            self.report.skipped(PAGES, f"status {status[:20]!r} on WordPress (trash, revision…)")
            return
        title = text_title(item.get("title"))
        if not title:
            self.report.skipped(PAGES, "no title")
            return
        body_html = self.text(PAGES, item)
        plain = html_to_lines(body_html)
        if len(plain) > PAGE_MAX:
            self.report.repaired(PAGES, "text longer than a page takes: the editable text cut")
            plain = truncate_words(plain, PAGE_MAX)
        when = (
            wp_date(
                item.get("wp:post_date_gmt"),
                item.get("wp:post_date"),
                item.get("pubDate"),
                self.zone,
            )
            or self.now
        )
        page = Page.objects.create(
            title=title[:120], slug=self.page_slug(item, title), body=plain, body_html=body_html,
            in_navigation=False, published=status == "publish",
            position=Page.objects.count() + 1, created_at=when, updated_at=when,
        )  # fmt: skip
        self.memory.remember("page", original, page)
        self.report.imported(PAGES)
        if status != "publish":
            self.report.repaired(PAGES, f"{status} on WordPress: not published here")
        if item.comments:
            self.report.kind(COMMENTS).skipped["on a page (pages take no comments here)"] += len(
                item.comments
            )

    def page_slug(self, item: WxrItem, title: str) -> str:
        base = make_slug(unquote(item.get("wp:post_name"))) or make_slug(title) or "page"
        if base in RESERVED_SLUGS:
            base = f"{base}-page"
        taken = set(Page.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base[:55]}-{n}"
        return slug


def run_wxr_import(
    path: Path, *, dry_run: bool = False, fetch_media: bool = False,
    progress: Progress | None = None,
) -> tuple[Report, Outcome]:  # fmt: skip
    """Imports the export in `path` (WxrProblem if it cannot be read at all); with `dry_run`,
    does everything and writes nothing (one transaction rolled back, no picture stored). The
    caches are invalidated and what was written indexed once, at the end."""
    site = read_wxr(path)
    report = Report(dry_run=dry_run)
    job = WxrImport(site, report=report, dry_run=dry_run, fetch_media=fetch_media,
                    progress=progress)  # fmt: skip
    outcome = Outcome(job.source, site.title or site.address, site.address)
    if dry_run:
        with transaction.atomic():
            job.run()
            transaction.set_rollback(True)
        return report, outcome
    job.run()
    finish(job.memory)
    return report, outcome
