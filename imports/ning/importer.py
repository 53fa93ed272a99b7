"""A Ning archive into this network: members, their profiles and walls, blog posts and their
comments (NING-ARCHIVE.md; docs/architecture.md, "Content from elsewhere").

A bulk job: rows are written directly (the apps' own render and count helpers, not their
per-action services), with lib.events muted and search paused — no notification, email or
activity entry per row — and the caller invalidates the caches and rebuilds the search index
once at the end (run_import). Every record is written in its own savepoint: a record that
cannot be imported is reported and skipped, never the end of the import. Each record's
original id is remembered (ImportedRecord), so a second run skips what the first brought and
an interrupted run goes on where it stopped.
"""

import datetime as dt
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import nh3
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from blogs.models import Post
from blogs.services import render_body
from comments.models import MAX_COMMENT_CHARS, Comment
from lib import events
from lib.cachetags import EVERYTHING, invalidate
from lib.datagen import Progress
from lib.markup import html_to_text, render_plain_text, sanitize_html, truncate_words
from members.models import Member, unique_handle
from members.services import former_member_name, set_photo
from profiles.models import Answer, Question, Visibility
from search.indexing import paused, rebuild
from walls.models import Wall

from ..models import ImportedRecord
from .reader import Archive, as_text, text_title
from .report import Report

SOURCE = "ning"
BATCH = 200
# Member fields with a place of their own (or none: no passwords are exported); every other
# top-level key is an extra profile field.
MEMBER_FIELDS = {
    "contributorName", "fullName", "email", "createdDate", "profilePhoto", "level", "state",
    "profileQuestions", "comments", "password",
}  # fmt: skip
# Fields of Ning's own profile that become profile questions, and who sees the answers.
PROFILE_FIELDS = {
    "location": ("Location", Visibility.EVERYONE),
    "country": ("Country", Visibility.EVERYONE),
    "gender": ("Gender", Visibility.MEMBERS),
    "birthdate": ("Birthday", Visibility.ADMINS),
}
GENDERS = {"m": "Male", "f": "Female"}
MAX_ANSWER = 2000
_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)


def parse_date(value: object) -> dt.datetime | None:
    """An archive date (ISO-8601 in UTC, `2013-04-20T21:00:54.131Z`) as an aware datetime."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def html_to_lines(value: str) -> str:
    """The text of some HTML with its line and paragraph breaks (for comments and answers,
    which are plain text here)."""
    text = nh3.clean(_BREAKS.sub(lambda m: m.group(0) + "\n", value), tags=set())
    lines = [" ".join(line.split()) for line in html.unescape(text).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _key(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


class NingImport:
    """One run over one archive folder (see the module)."""

    def __init__(self, folder: Path, *, report: Report, progress: Progress | None = None,
                 dry_run: bool = False) -> None:  # fmt: skip
        self.archive = Archive(folder)
        self.report = report
        self.progress = progress
        self.dry_run = dry_run
        self.now = timezone.now()
        # contributorName → member (every key of a merged person, placeholders included).
        self.people: dict[str, Member] = {}
        self._done: dict[str, dict[str, int]] = {}
        self._types: dict[type[models.Model], ContentType] = {}
        self._questions: dict[str, Question] | None = None

    # --- Remembering what was imported ------------------------------------------------------

    def done(self, kind: str) -> dict[str, int]:
        """Original id → object id of what earlier runs (and this one) brought of `kind`."""
        if kind not in self._done:
            self._done[kind] = dict(
                ImportedRecord.objects.filter(source=SOURCE, kind=kind).values_list(
                    "original_id", "object_id"
                )
            )
        return self._done[kind]

    def remember(self, kind: str, original_id: str, obj: models.Model) -> None:
        model = type(obj)
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        ImportedRecord.objects.create(
            source=SOURCE, kind=kind, original_id=original_id,
            content_type=self._types[model], object_id=obj.pk,
        )  # fmt: skip
        self.done(kind)[original_id] = obj.pk

    def forget_rolled_back(self) -> None:
        """After a record's savepoint was rolled back: what it had made is gone, so the
        memory of it goes too (read again from the database when needed)."""
        self._done = {}
        self._questions = None
        kept = set(
            Member.objects.filter(pk__in=[m.pk for m in self.people.values()]).values_list(
                "pk", flat=True
            )
        )
        self.people = {k: m for k, m in self.people.items() if m.pk in kept}

    # --- The run ----------------------------------------------------------------------------

    def run(self) -> None:
        with ExitStack() as stack:
            stack.enter_context(events.muted())
            stack.enter_context(paused())
            self.import_members()
            self.import_blogs()

    def read(self, kind: str) -> list[dict[str, Any]]:
        found = self.archive.file(kind)
        if found.path is None:
            return []
        parsed = self.archive.read(kind)
        self.report.files[found.path.name] = dict(parsed.repairs)
        self.report.damaged.extend(f"{found.path.name}: {message}" for message in parsed.damaged)
        if not found.local:
            self.report.repaired(kind, "no -local file: media of this kind not found in folder")
        return parsed.records

    def each(self, kind: str, records: list[Any], write: Callable[[dict[str, Any]], None]) -> None:
        """`write(record)` for each record, each in a savepoint, batches committed (resumable);
        a record that fails is reported and skipped."""
        if self.progress is not None:
            self.progress.start(kind, len(records))
        for start in range(0, len(records), BATCH):
            with transaction.atomic():
                for record in records[start : start + BATCH]:
                    if not isinstance(record, dict):
                        self.report.skipped(kind, "not a record")
                        continue
                    try:
                        with transaction.atomic():
                            write(record)
                    except Exception as error:
                        self.report.skipped(kind, f"damaged record ({type(error).__name__})")
                        self.report.damaged.append(f"{kind}: {_describe(record)}: {error}")
                        self.forget_rolled_back()
            if self.progress is not None:
                self.progress.advance(len(records[start : start + BATCH]))
        if self.progress is not None:
            self.progress.finish()

    # --- People -----------------------------------------------------------------------------

    def import_members(self) -> None:
        records = [r for r in self.read("members") if isinstance(r, dict)]
        # One person per email, whatever its case: their records are imported as one member.
        groups: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            key = _key(record.get("contributorName"))
            if not key:
                self.report.skipped("members", "no contributorName")
                continue
            email = _key(record.get("email")).lower()
            groups.setdefault(email or f"\0{key}", []).append(record)
        people = []
        for group in groups.values():
            group.sort(key=lambda r: parse_date(r.get("createdDate")) or self.now)
            people.append({"group": group, **group[0]})
        self.each("members", people, self.import_person)
        # Walls after everyone is here: comments come from other members.
        walls = [p for p in people if any(r.get("comments") for r in p["group"])]
        self.each("wall comments", walls, self.import_wall)

    def import_person(self, person: dict[str, Any]) -> None:
        group: list[dict[str, Any]] = person["group"]
        keys = [_key(r.get("contributorName")) for r in group]
        done = self.done("member")
        known = next((done[k] for k in keys if k in done), None)
        if known is not None:
            member = Member.objects.get(pk=known)
            self.report.skipped("members", "already imported")
        else:
            member = self.make_member(group)
        for key in keys:
            self.people[key] = member
            if key not in done:
                self.remember("member", key, member)
        if known is None:
            if len(group) > 1:
                self.report.repaired("members", "accounts merged (same email)")
            self.save_answers(member, group)
            self.save_photo(member, group)

    def make_member(self, group: list[dict[str, Any]]) -> Member:
        first = group[0]
        email = _key(first.get("email")).lower()
        existing = Member.objects.filter(email=email).first() if email else None
        if existing is not None:
            # Already a member here (the creator who set the network up, most often): their
            # account is kept as it is, and the archive's content becomes theirs.
            self.report.repaired("members", "merged into an existing account (same email)")
            self.report.imported("members")
            return existing
        name = next((text_title(r.get("fullName")) for r in group if r.get("fullName")), "")
        state = next((as_text(r.get("state")).lower() for r in group if r.get("state")), "")
        level = " ".join(as_text(r.get("level")).lower() for r in group)
        member = Member(
            email=email or None,
            display_name=(name or _key(first.get("contributorName")))[:80],
            source=SOURCE,
            source_id=_key(first.get("contributorName")),
            date_joined=parse_date(first.get("createdDate")) or self.now,
            email_confirmed=bool(email),
        )
        member.set_unusable_password()  # they choose one when the administrator invites them
        if "owner" in level:
            if Member.objects.filter(role=Member.Role.CREATOR).exists():
                member.role = Member.Role.ADMIN
                self.report.repaired("members", "owner made an administrator (a creator exists)")
            else:
                member.role = Member.Role.CREATOR
        elif "admin" in level:
            member.role = Member.Role.ADMIN
        elif "moderator" in level:
            member.role = Member.Role.MODERATOR
        if state == "suspended":
            member.is_active = False
            member.suspended_at = self.now
        elif state == "pending":
            member.awaiting_approval = True
        elif state == "left":
            # A former member: their content stays, everything personal goes.
            member.is_active = False
            member.left_at = self.now
            member.email = None
            member.email_confirmed = False
            member.display_name = former_member_name()
            member.role = Member.Role.MEMBER
        elif state not in ("", "active"):
            self.report.repaired("members", f"unknown state {state[:20]!r} read as active")
        if not email and member.left_at is None:
            member.is_active = False
            self.report.repaired("members", "no email: imported, cannot sign in")
        member.handle = unique_handle(member.display_name)
        member.save()
        self.report.imported("members")
        return member

    def person(self, key: object, kind: str) -> Member:
        """The member a record's `contributorName` names; a "former member" placeholder (one
        per key) for an author whose member record is not in the archive."""
        name = _key(key)
        if name in self.people:
            return self.people[name]
        original = name or "(no contributorName)"
        done = self.done("member")
        if original in done:
            member = Member.objects.get(pk=done[original])
        else:
            member = Member(
                email=None,
                display_name=former_member_name(),
                handle=unique_handle("former-member"),
                is_active=False,
                left_at=self.now,
                source=SOURCE,
                source_id=f"former:{original}"[:500],
            )
            member.set_unusable_password()
            member.save()
            self.remember("member", original, member)
            self.report.imported("former members (authors without a member record)")
            self.report.repaired(kind, "author without a member record: a former member")
        self.people[name] = member
        return member

    def questions(self) -> dict[str, Question]:
        if self._questions is None:
            self._questions = {q.source_id: q for q in Question.objects.filter(source=SOURCE)}
        return self._questions

    def question(self, label: str, visibility: str, kind: str = Question.Kind.LONG) -> Question:
        label = " ".join(label.split())[:200] or "?"
        found = self.questions().get(label)
        if found is None:
            found = Question.objects.create(
                label=label, kind=kind, visibility=visibility, source=SOURCE, source_id=label,
                position=len(self.questions()) + 1,
            )  # fmt: skip
            self.questions()[label] = found
            self.report.imported("profile questions")
        return found

    def save_answers(self, member: Member, group: list[dict[str, Any]]) -> None:
        answers: dict[int, str] = {}

        def answer(question: Question, value: str) -> None:
            if question.pk in answers or not value:
                return
            if len(value) > MAX_ANSWER:
                self.report.repaired("members", "profile answer shortened")
                value = truncate_words(value, MAX_ANSWER)
            answers[question.pk] = value

        for record in group:
            questions = record.get("profileQuestions")
            if isinstance(questions, dict):
                for label, value in questions.items():
                    text = html_to_lines(as_text(value))
                    if text:
                        answer(self.question(html.unescape(label), Visibility.MEMBERS), text)
            for field_name, value in record.items():
                if field_name in MEMBER_FIELDS:
                    continue
                text = html_to_lines(as_text(value))
                if field_name == "gender":
                    text = GENDERS.get(text.lower(), text)
                if not text:
                    continue
                label, visibility = PROFILE_FIELDS.get(field_name, (field_name, Visibility.MEMBERS))
                kind = Question.Kind.DATE if field_name == "birthdate" else Question.Kind.SHORT
                if kind == Question.Kind.DATE and not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
                    self.report.repaired("members", "birthdate not a date: left out")
                    continue
                answer(self.question(label, visibility, kind), text)
        Answer.objects.bulk_create(
            [
                Answer(member=member, question_id=pk, value=value, updated_at=member.date_joined)
                for pk, value in answers.items()
            ],
            ignore_conflicts=True,
        )

    def save_photo(self, member: Member, group: list[dict[str, Any]]) -> None:
        reference = next((r.get("profilePhoto") for r in group if r.get("profilePhoto")), None)
        if not reference:
            return
        path = self.archive.media(reference)
        if path is None:
            self.report.repaired("members", "photo missing from the archive: left out")
            return
        try:
            with Image.open(path) as image:
                image.load()
            if not self.dry_run:
                with path.open("rb") as handle:
                    set_photo(member, File(handle, name=path.name))  # type: ignore[arg-type]
        except Exception:
            self.report.repaired("members", "photo damaged: left out")

    def import_wall(self, person: dict[str, Any]) -> None:
        owner_key = _key(person.get("contributorName"))
        owner = self.people.get(owner_key)
        if owner is None:
            self.report.skipped("wall comments", "the wall's member was not imported")
            return
        comments = [c for r in person["group"] for c in _list(r.get("comments"))]
        wall, _made = Wall.objects.get_or_create(member=owner)
        self.add_comments("wall comments", wall, comments, owner_key)

    # --- Comments ---------------------------------------------------------------------------

    def add_comments(
        self, kind: str, target: models.Model, comments: Iterable[Any], scope: str
    ) -> int:
        """The record's comments on `target`, oldest first (the archive lists them newest
        first), each by its author at its date; returns how many were added."""
        done = self.done("comment")
        rows: list[tuple[str, Comment]] = []
        for raw in comments:
            if not isinstance(raw, dict):
                self.report.skipped(kind, "not a record")
                continue
            when = parse_date(raw.get("createdDate"))
            text = html_to_lines(as_text(raw.get("description")))
            original = _key(as_text(raw.get("id"))) or _made_id(
                scope, raw.get("contributorName"), raw.get("createdDate"), text
            )
            original = f"{scope}/{original}"[:300]
            if original in done:
                self.report.skipped(kind, "already imported")
                continue
            if not text:
                self.report.skipped(kind, "empty comment")
                continue
            if when is None:
                self.report.repaired(kind, "no date: the import's date used")
            if len(text) > MAX_COMMENT_CHARS:
                self.report.repaired(kind, "comment shortened")
                text = truncate_words(text, MAX_COMMENT_CHARS)
            comment = Comment(
                target=target,
                author=self.person(raw.get("contributorName"), kind),
                body=text,
                body_html=render_plain_text(text),
                created_at=when or self.now,
                source=SOURCE,
                source_id=original,
            )
            rows.append((original, comment))
        rows.sort(key=lambda row: row[1].created_at)
        for original, comment in rows:
            comment.save(force_insert=True)
            self.remember("comment", original, comment)
        if rows:
            type(target)._default_manager.filter(pk=target.pk).update(
                comment_count=models.F("comment_count") + len(rows)
            )
        self.report.imported(kind, len(rows))
        return len(rows)

    # --- Blogs ------------------------------------------------------------------------------

    def import_blogs(self) -> None:
        self.each("blog posts", self.read("blogs"), self.import_post)

    def import_post(self, record: dict[str, Any]) -> None:
        original = _key(as_text(record.get("id")))
        if not original:
            original = _made_id(
                "blog", record.get("contributorName"), record.get("createdDate"),
                as_text(record.get("title")),
            )  # fmt: skip
            self.report.repaired("blog posts", "no id: one made from author, date and title")
        done = self.done("blog")
        if original in done:
            self.report.skipped("blog posts", "already imported")
            return
        body_html = sanitize_html(as_text(record.get("description")))
        title = text_title(record.get("title"))
        if not title:
            title = truncate_words(html_to_text(body_html), 80) or "—"
            self.report.repaired("blog posts", "no title: made from its first words")
        created = parse_date(record.get("createdDate"))
        if created is None:
            self.report.repaired("blog posts", "no date: the import's date used")
            created = self.now
        published = as_text(record.get("publishStatus")).lower() in ("publish", "published")
        post = Post(
            author=self.person(record.get("contributorName"), "blog posts"),
            title=title[:200],
            slug=slugify(title, allow_unicode=True)[:80] or "post",
            status=Post.Status.PUBLISHED if published else Post.Status.DRAFT,
            published_at=(parse_date(record.get("publishTime")) or created) if published else None,
            created_at=created,
            updated_at=parse_date(record.get("updatedDate")) or created,
            source=SOURCE,
            source_id=f"blog:{original}"[:500],
        )
        # Written in Ning's editor as HTML: its text is the editable body, and the page shows
        # the HTML itself, through the site's sanitiser.
        post.body = html_to_lines(body_html)
        render_body(post)
        post.body_html = body_html
        post.save(force_insert=True)
        self.remember("blog", original, post)
        self.report.imported("blog posts")
        if not published:
            self.report.repaired("blog posts", "not published on Ning: kept as a draft")
        self.add_comments("blog comments", post, _list(record.get("comments")), f"blog:{original}")


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _made_id(*parts: object) -> str:
    """An id for a record that has none, from what identifies it (the same every run)."""
    text = "\x1f".join(as_text(p) for p in parts)
    return "made:" + hashlib.sha256(text.encode()).hexdigest()[:24]


def _describe(record: dict[str, Any]) -> str:
    for key in ("id", "contributorName", "title"):
        if record.get(key):
            return f"{key}={as_text(record[key])[:60]!r}"
    return "a record"


def run_import(folder: Path, *, dry_run: bool = False, progress: Progress | None = None) -> Report:
    """Imports the archive in `folder`; with `dry_run`, does everything and writes nothing
    (one transaction rolled back, no file stored). The caches are invalidated and the search
    index rebuilt once, at the end."""
    report = Report(dry_run=dry_run)
    job = NingImport(folder, report=report, progress=progress, dry_run=dry_run)
    if dry_run:
        with transaction.atomic():
            job.run()
            transaction.set_rollback(True)
        return report
    job.run()
    invalidate(EVERYTHING)
    rebuild(progress=progress)
    return report
