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
import secrets
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import nh3
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image

from blogs.models import Post
from blogs.services import render_body
from comments.models import MAX_COMMENT_CHARS, Comment
from events.models import Event, Rsvp
from events.models import Invitation as EventInvitation
from forum import attachments as forum_files
from forum.models import Attachment, Category, Discussion
from forum.services import recount_last_reply, refresh_category
from groups.models import Group, Invitation, JoinRequest, Membership
from groups.services import set_icon
from lib import events
from lib.cachetags import EVERYTHING, invalidate
from lib.datagen import Progress
from lib.markup import html_to_text, render_plain_text, sanitize_html, truncate_words
from lib.validators import validate_web_address
from members.models import Member, unique_handle
from members.services import former_member_name, set_photo
from pages.models import RESERVED_SLUGS, Page
from photos import images
from photos.models import Photo
from profiles.models import Answer, Question, Visibility
from search.indexing import paused, rebuild
from videos import providers
from videos.models import Video
from walls.models import Wall

from ..models import ImportedRecord
from . import addresses
from .reader import Archive, as_text, text_title
from .report import Report

SOURCE = "ning"
# The report's name for what a file holds, where it differs from the file's.
REPORT_KINDS = {"blogs": "blog posts"}
BATCH = 200
# Member fields with a place of their own (or none: no passwords are exported); every other
# top-level key is an extra profile field.
MEMBER_FIELDS = {
    "contributorName", "fullName", "email", "createdDate", "profilePhoto", "level", "state",
    "profileQuestions", "comments", "password",
}  # fmt: skip
# Fields of Ning's own profile that become profile questions, and who sees the answers (the
# archive does not say who saw them on Ning: members only, administrators only for a birthday;
# administrators may open them wider).
PROFILE_FIELDS = {
    "location": ("Location", Visibility.MEMBERS),
    "country": ("Country", Visibility.MEMBERS),
    "gender": ("Gender", Visibility.MEMBERS),
    "birthdate": ("Birthday", Visibility.ADMINS),
}
GENDERS = {"m": "Male", "f": "Female"}
# Where an entry of `fileAttachments` names its file (the importers disagree; a plain string
# is accepted too).
ATTACHMENT_KEYS = ("path", "fileUrl", "url", "attachmentUrl", "file", "src")
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
    """A member key or id as text (a longer one than any Ning wrote is cut)."""
    return value.strip()[:300] if isinstance(value, str) else ""


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
        # A picture of the archive → its address here once copied (None: damaged).
        self._copied: dict[Path, str | None] = {}
        self.touched_categories: set[int] = set()
        # A group's original id → its old slugs (its discussions' old addresses start with them).
        self.group_slugs: dict[str, list[str]] = {}

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

    def remember_many(self, kind: str, rows: list[tuple[str, Any]]) -> None:
        """remember() for many rows of one model at once."""
        if not rows:
            return
        model = type(rows[0][1])
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        ImportedRecord.objects.bulk_create(
            ImportedRecord(
                source=SOURCE, kind=kind, original_id=original,
                content_type=self._types[model], object_id=obj.pk,
            )
            for original, obj in rows
        )  # fmt: skip
        done = self.done(kind)
        for original, obj in rows:
            done[original] = obj.pk

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
            # What the import writes in words (a category's name, a marker) is in the
            # network's language, as a former member's name is.
            stack.enter_context(translation.override(settings.LANGUAGE_CODE))
            self.import_members()
            self.import_groups()
            self.import_blogs()
            self.import_discussions()
            self.import_events()
            self.import_photos()
            self.import_videos()
            self.import_file("pages", self.import_page)
            self.import_file("notes", self.import_note)
            self.import_music()

    def import_file(self, kind: str, write: Callable[[dict[str, Any]], None]) -> None:
        """Every record of the file of `kind` (`blogs`, `photos`…), then their old addresses."""
        records = self.read(kind)
        self.each(REPORT_KINDS.get(kind, kind), records, write)
        with transaction.atomic():
            addresses.remember(self, kind, records)

    def read(self, kind: str) -> list[dict[str, Any]]:
        found = self.archive.file(kind)
        if found.path is None:
            return []
        parsed = self.archive.read(kind)
        self.report.files[found.path.name] = dict(parsed.repairs)
        for message in parsed.damaged:
            self.report.damaged.append(f"{found.path.name}: {message}")
            self.report.skipped(REPORT_KINDS.get(kind, kind), "unreadable in the file (damaged)")
        if not found.local:
            self.report.repaired(
                REPORT_KINDS.get(kind, kind),
                "no -local file: read the other, its media point at Ning",
            )
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
            if email and not _valid_email(email):
                self.report.repaired("members", "email not an address: left out")
                record = {**record, "email": ""}
                email = ""
            groups.setdefault(email or f"\0{key}", []).append(record)
        people = []
        for group in groups.values():
            group.sort(key=lambda r: parse_date(r.get("createdDate")) or self.now)
            people.append({"group": group, **group[0]})
        self.each("members", people, self.import_person)
        with transaction.atomic():
            addresses.remember_members(self, records)
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
            if member.is_former:
                return  # who left keeps nothing personal here (answers, photo)
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
        # One person's accounts: suspended if any was, else active if any was, and so on.
        states = {as_text(r.get("state")).strip().lower() for r in group}
        state = next(
            (s for s in ("suspended", "active", "pending", "left") if s in states),
            next(iter(states - {""}), ""),
        )
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
        if not reference or member.photo:
            return  # none, or an account here that has its own already (kept)
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
        self,
        kind: str,
        target: models.Model,
        comments: Iterable[Any],
        scope: str,
        files: Callable[[dict[str, Any], dt.datetime], str] | None = None,
    ) -> int:
        """The record's comments on `target`, oldest first (the archive lists them newest
        first), each by its author at its date; returns how many were added. `files(comment,
        date)` keeps a comment's attached files and returns lines to add to its text."""
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
            extra = files(raw, when or self.now) if files is not None else ""
            if not text and not extra:
                self.report.skipped(kind, "empty comment")
                continue
            if when is None:
                self.report.repaired(kind, "no date: the import's date used")
            room = MAX_COMMENT_CHARS - (len(extra) + 2 if extra else 0)
            if len(text) > room:
                self.report.repaired(kind, "comment shortened")
                text = truncate_words(text, max(room, 0))
            text = f"{text}\n\n{extra}".strip() if extra else text
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
        # Oldest first by date; the archive lists newest first, so comments of the same
        # instant keep their order when the list is turned round before the (stable) sort.
        rows.reverse()
        rows.sort(key=lambda row: row[1].created_at)
        # At once (no per-row signal matters here: search is paused and rebuilt at the end);
        # inserted in this order, so their ids keep it.
        Comment.objects.bulk_create([comment for _original, comment in rows])
        self.remember_many("comment", rows)
        if rows:
            type(target)._default_manager.filter(pk=target.pk).update(
                comment_count=models.F("comment_count") + len(rows)
            )
        self.report.imported(kind, len(rows))
        return len(rows)

    # --- Blogs ------------------------------------------------------------------------------

    def import_blogs(self) -> None:
        self.import_file("blogs", self.import_post)

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
        author = self.person(record.get("contributorName"), "blog posts")
        published = as_text(record.get("publishStatus")).lower() in ("publish", "published")
        body_html = self.repoint_images(
            "blog posts",
            self.embeds_to_links(
                "blog posts",
                as_text(record.get("description")),
                # A draft's videos stay links: a video here is public.
                owner=author if published else None,
                created=parse_date(record.get("createdDate")),
                source=f"blog:{original}",
            ),
        )
        body_html += self.file_links("blog posts", _list(record.get("fileAttachments")))
        title = text_title(record.get("title"))
        if not title:
            title = truncate_words(html_to_text(body_html), 80) or "—"
            self.report.repaired("blog posts", "no title: made from its first words")
        created = parse_date(record.get("createdDate"))
        if created is None:
            self.report.repaired("blog posts", "no date: the import's date used")
            created = self.now
        post = Post(
            author=author,
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

    # --- Groups -----------------------------------------------------------------------------

    def import_groups(self) -> None:
        self.import_file("groups", self.import_group)

    def import_group(self, record: dict[str, Any]) -> None:
        original = self.original_id("groups", record)
        done = self.done("group")
        if original in done:
            self.report.skipped("groups", "already imported")
            return
        creator = self.person(record.get("contributorName"), "groups")
        name = text_title(record.get("title")) or _key(record.get("contributorName")) or "—"
        private = as_text(record.get("groupPrivacy")).lower() == "private" or _yes(
            record.get("isPrivate")
        )
        if not private:
            joining = Group.Joining.OPEN
        elif _yes(record.get("allowInvitationRequests")):
            joining = Group.Joining.REQUEST
        else:
            joining = Group.Joining.INVITATION
        created = self.date("groups", record.get("createdDate"))
        description_html = sanitize_html(as_text(record.get("description")))
        group = Group.objects.create(
            name=name[:100],
            slug=_unique(Group, "slug", name, 60, "group"),
            description=html_to_lines(description_html)[:10_000],
            description_html=description_html,
            is_private=private,
            joining=joining,
            creator=creator,
            created_at=created,
            active_at=parse_date(record.get("updatedDate")) or created,
        )
        self.remember("group", original, group)
        self.report.imported("groups")
        roles: dict[int, str] = {}
        invited: dict[int, Member] = {}
        requested: dict[int, Member] = {}
        if creator.is_active:
            roles[creator.pk] = Membership.Role.ADMIN
        for raw in _list(record.get("members")):
            if not isinstance(raw, dict):
                continue
            status = as_text(raw.get("status")).lower()
            who = self.person(raw.get("contributorName"), "group members")
            if who.is_former:
                self.report.skipped("group members", "a former member")
            elif status in ("admin", "owner", "member", "active", ""):
                admin = status in ("admin", "owner")
                if roles.get(who.pk) != Membership.Role.ADMIN:
                    roles[who.pk] = Membership.Role.ADMIN if admin else Membership.Role.MEMBER
            elif status == "invited":
                invited[who.pk] = who
            elif status in ("requested", "pending"):
                requested[who.pk] = who
            else:
                self.report.skipped("group members", f"status {status[:20]!r}")
        Membership.objects.bulk_create(
            Membership(group=group, member_id=pk, role=role, joined_at=created)
            for pk, role in roles.items()
        )
        Invitation.objects.bulk_create(
            Invitation(group=group, member=who, invited_by=creator, created_at=created)
            for pk, who in invited.items()
            if pk not in roles
        )
        JoinRequest.objects.bulk_create(
            JoinRequest(group=group, member=who, created_at=created)
            for pk, who in requested.items()
            if pk not in roles
        )
        Group.objects.filter(pk=group.pk).update(member_count=len(roles))
        self.report.imported("group members", len(roles))
        icon = record.get("iconUrl")
        if icon:
            path = self.media("groups", icon)
            if path is not None and not self.dry_run:
                with path.open("rb") as handle:
                    set_icon(group, File(handle, name=path.name))  # type: ignore[arg-type]
        self.add_comments(
            "group comments", group, _list(record.get("comments")), f"group:{original}"
        )

    # --- Forum ------------------------------------------------------------------------------

    def category(self, name: str) -> Category:
        label = " ".join(name.split())[:100]
        if not label:
            label = _("General")
        source_id = f"category:{label}"
        found = Category.objects.filter(source=SOURCE, source_id=source_id).first()
        if found is None:
            found = Category.objects.create(
                name=label, slug=_unique(Category, "slug", label, 90, "category"),
                source=SOURCE, source_id=source_id,
                position=Category.objects.count() + 1,
            )  # fmt: skip
            self.report.imported("forum categories")
        return found

    def import_discussions(self) -> None:
        self.import_file("discussions", self.import_discussion)
        # Each discussion's last reply, and the forum's lists, once at the end (also those of
        # an earlier run that stopped before it got here).
        waiting = list(
            Discussion.objects.filter(source=SOURCE, comment_count__gt=0, last_reply_at=None)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for start in range(0, len(waiting), BATCH):
            with transaction.atomic():
                recount_last_reply(waiting[start : start + BATCH])
        for category in Category.objects.filter(pk__in=self.touched_categories):
            refresh_category(category)

    def import_discussion(self, record: dict[str, Any]) -> None:
        original = self.original_id("discussions", record)
        done = self.done("discussion")
        if original in done:
            self.report.skipped("discussions", "already imported")
            return
        group_id = _key(as_text(record.get("groupId")))
        group = None
        category = None
        if group_id:
            pk = self.done("group").get(group_id)
            group = Group.objects.filter(pk=pk).first() if pk else None
            if group is None:
                self.report.repaired("discussions", "its group is not in the archive: in the forum")
        if group is None:
            category = self.category(text_title(record.get("category")))
            self.touched_categories.add(category.pk)
        starter = self.person(record.get("contributorName"), "discussions")
        body_html = self.repoint_images(
            "discussions",
            self.embeds_to_links(
                "discussions",
                as_text(record.get("description")),
                # A group's discussion keeps links: a video here is public, the group may not be.
                owner=starter if group is None else None,
                created=parse_date(record.get("createdDate")),
                source=f"discussion:{original}",
            ),
        )
        title = text_title(record.get("title")) or truncate_words(html_to_text(body_html), 80)
        created = self.date("discussions", record.get("createdDate"))
        discussion = Discussion(
            category=category,
            group=group,
            author=starter,
            title=(title or "—")[:200],
            slug=slugify(title, allow_unicode=True)[:80] or "discussion",
            body=html_to_lines(body_html)[:50_000],
            body_html=body_html,
            excerpt=truncate_words(html_to_text(body_html), 300),
            created_at=created,
            updated_at=parse_date(record.get("updatedDate")) or created,
            last_activity_at=created,
            source=SOURCE,
            source_id=f"discussion:{original}"[:500],
        )
        discussion.save(force_insert=True)
        self.remember("discussion", original, discussion)
        self.report.imported("discussions")
        lines = self.attach_files(
            "discussions", discussion, _list(record.get("fileAttachments")), created
        )
        if lines:
            # What could not be kept is marked where the files are read about: in the text.
            markers = [line for line in lines if line.startswith("[")]
            if markers:
                extra = "".join(f"<p><em>{html.escape(m)}</em></p>" for m in markers)
                Discussion.objects.filter(pk=discussion.pk).update(
                    body_html=discussion.body_html + sanitize_html(extra),
                    body=f"{discussion.body}\n\n" + "\n".join(markers),
                )

        def reply_files(raw: dict[str, Any], when: dt.datetime) -> str:
            files = _list(raw.get("fileAttachments"))
            found = self.attach_files("discussion replies", discussion, files, when)
            return "\n".join(found)

        # The last reply is set at the end (import_discussions).
        self.add_comments(
            "discussion replies", discussion, _list(record.get("comments")),
            f"discussion:{original}", files=reply_files,
        )  # fmt: skip

    def attach_files(
        self, kind: str, discussion: Discussion, found: list[Any], when: dt.datetime
    ) -> list[str]:
        """Files of a discussion or of one of its replies from the archive, checked as the
        forum checks uploads (its kinds of file, its sizes, at most its number per message),
        kept as the discussion's attachments (served with its privacy). Returns a line per
        file for the text: its name and address, or a marker for one missing or refused."""
        lines: list[str] = []
        stored = 0
        for entry in found:
            reference = _reference(entry)
            name = _file_name(reference)
            path = self.archive.media(reference)
            if path is None:
                self.report.repaired(kind, "file missing from the archive: marked")
                lines.append(_marker(_("file missing: %(name)s"), name))
                continue
            if stored >= forum_files.MAX_FILES:
                self.report.repaired(kind, "more files than a message takes: marked")
                lines.append(_marker(_("file not kept: %(name)s"), name))
                continue
            checked = self.checked_file(kind, path)
            if checked is None:
                lines.append(_marker(_("file not kept: %(name)s"), name))
                continue
            attachment = Attachment(
                discussion=discussion, name=checked.name, kind=checked.kind,
                content_type=checked.content_type, extension=checked.extension,
                size=checked.content.size, token=forum_files.new_token(), created_at=when,
            )  # fmt: skip
            if not self.dry_run:
                attachment.file.save(checked.name, checked.content, save=False)
            attachment.save()
            stored += 1
            self.report.imported(f"{kind} (files)")
            lines.append(f"{checked.name}: {settings.SITE_URL}{attachment.get_absolute_url()}")
        return lines

    def checked_file(self, kind: str, path: Path) -> forum_files.Checked | None:
        """An attached file checked as the forum checks uploads; None (reported) if refused."""
        if path.stat().st_size > forum_files.MAX_BYTES:
            self.report.repaired(kind, "file larger than the forum takes: marked")
            return None
        try:
            return forum_files.check(SimpleUploadedFile(path.name, path.read_bytes()))
        except ValidationError:
            self.report.repaired(kind, "file damaged or of a kind the forum refuses: marked")
            return None

    def file_links(self, kind: str, found: list[Any]) -> str:
        """A blog post's attached files as HTML to add under its text: links to stored copies
        (checked as the forum checks its files), a marker for each one missing or refused."""
        items: list[str] = []
        for entry in found:
            reference = _reference(entry)
            name = _file_name(reference)
            path = self.archive.media(reference)
            if path is None:
                self.report.repaired(kind, "file missing from the archive: marked")
                items.append(f"<em>{html.escape(_marker(_('file missing: %(name)s'), name))}</em>")
                continue
            checked = self.checked_file(kind, path)
            if checked is None:
                items.append(f"<em>{html.escape(_marker(_('file not kept: %(name)s'), name))}</em>")
                continue
            url = self.save_copy("files", checked.name, checked.content)
            items.append(f'<a href="{html.escape(url)}">{html.escape(checked.name)}</a>')
            self.report.imported(f"{kind} (files)")
        if not items:
            return ""
        listed = "".join(f"<li>{item}</li>" for item in items)
        return sanitize_html(f"<p>{html.escape(_('Attached files:'))}</p><ul>{listed}</ul>")

    def save_copy(self, folder: str, name: str, content: File[bytes]) -> str:
        """`content` stored under a folder of its own (a name no one can guess); its address."""
        if self.dry_run:
            return f"/dry-run/{name}"
        stored = default_storage.save(
            f"imports/ning/{folder}/{secrets.token_hex(8)}/{name}", content
        )
        return str(default_storage.url(stored))

    def media_link(self, kind: str, reference: object, what: str) -> str:
        """A paragraph linking to a stored copy of an uploaded video or audio file (checked by
        its first bytes), or a marker if it is missing, damaged or of another kind."""
        name = _file_name(reference if isinstance(reference, str) else None)
        path = self.archive.media(reference)
        marker = None
        if path is None:
            self.report.repaired(kind, "file missing from the archive: marked")
            marker = _marker(_("file missing: %(name)s"), name)
        elif path.suffix.lower().lstrip(".") not in AUDIO_VIDEO:
            self.report.repaired(kind, "not an audio or video file: marked")
            marker = _marker(_("file not kept: %(name)s"), name)
        else:
            with path.open("rb") as handle:
                head = handle.read(16)
            if not _audio_or_video(head):
                self.report.repaired(kind, "file damaged: marked")
                marker = _marker(_("file damaged: %(name)s"), name)
        if marker is not None or path is None:
            return f"<p><em>{html.escape(marker or '')}</em></p>"
        with path.open("rb") as handle:
            url = self.save_copy("media", path.name, File(handle, name=path.name))
        label = _("%(what)s: %(name)s") % {"what": what, "name": path.name}
        return f'<p><a href="{html.escape(url)}">{html.escape(label)}</a></p>'

    # --- Events -----------------------------------------------------------------------------

    def import_events(self) -> None:
        self.import_file("events", self.import_event)

    def import_event(self, record: dict[str, Any]) -> None:
        original = self.original_id("events", record)
        done = self.done("event")
        if original in done:
            self.report.skipped("events", "already imported")
            return
        start = parse_date(record.get("startDate"))
        if start is None:
            self.report.skipped("events", "no start date")
            return
        end = parse_date(record.get("endDate"))
        if end is None or end <= start:
            self.report.repaired("events", "no end after its start: one hour long")
            end = start + dt.timedelta(hours=1)
        all_day = _yes(record.get("allDay"))
        description = html_to_lines(as_text(record.get("description")))
        contact = html_to_lines(as_text(record.get("contactInfo")))
        if contact:
            description = f"{description}\n\n{contact}".strip()
        description_html = sanitize_html(as_text(record.get("description")))
        if contact:
            description_html += render_plain_text(contact)
        place = ", ".join(
            text for key in ("location", "street", "city")
            if (text := " ".join(as_text(record.get(key)).split()))
        )  # fmt: skip
        website = as_text(record.get("website")).strip()
        if website:
            try:
                validate_web_address(website)
            except ValidationError:
                website = ""
                self.report.repaired("events", "website not a web address: left out")
        title = text_title(record.get("title")) or "—"
        private = _yes(record.get("isPrivate"))
        created = self.date("events", record.get("createdDate"))
        event = Event(
            organiser=self.person(record.get("contributorName"), "events"),
            organiser_name=text_title(record.get("organizedBy"))[:200],
            title=title[:200],
            slug=slugify(title, allow_unicode=True)[:80] or "event",
            description=description[:20_000],
            description_html=description_html,
            start_at=start,
            end_at=end,
            all_day=all_day,
            location=place[:300],
            website=website[:2000],
            privacy=Event.Privacy.INVITED if private else Event.Privacy.PUBLIC,
            created_at=created,
            updated_at=parse_date(record.get("updatedDate")) or created,
        )
        if all_day:
            event.start_date = start.date()
            event.end_date = max(start.date(), (end - dt.timedelta(microseconds=1)).date())
        event.save(force_insert=True)
        self.remember("event", original, event)
        self.report.imported("events")
        answers = {"attending": Rsvp.Answer.ATTENDING, "maybe": Rsvp.Answer.MAYBE,
                   "not_attending": Rsvp.Answer.NOT_ATTENDING}  # fmt: skip
        rsvps: dict[int, str] = {}
        for raw in _list(record.get("members")) + _list(record.get("attendees")):
            if not isinstance(raw, dict):
                continue
            status = as_text(raw.get("attendeeStatus")).lower().replace(" ", "_")
            if status not in answers:
                self.report.skipped("event answers", f"answer {status[:20]!r}")
                continue
            who = self.person(raw.get("contributorName"), "event answers")
            rsvps[who.pk] = answers[status]
        Rsvp.objects.bulk_create(
            Rsvp(event=event, member_id=pk, answer=value, created_at=created, updated_at=created)
            for pk, value in rsvps.items()
        )
        if private:
            # Who answered a private event was invited to it: they still see it here.
            EventInvitation.objects.bulk_create(
                EventInvitation(event=event, member_id=pk, invited_by=event.organiser,
                                created_at=created)
                for pk in rsvps
                if pk != event.organiser_id
            )  # fmt: skip
        attending = sum(1 for value in rsvps.values() if value == Rsvp.Answer.ATTENDING)
        Event.objects.filter(pk=event.pk).update(attending_count=attending)
        self.report.imported("event answers", len(rsvps))
        self.add_comments(
            "event comments", event, _list(record.get("comments")), f"event:{original}"
        )

    # --- Photos, videos, pages --------------------------------------------------------------

    def import_photos(self) -> None:
        self.import_file("photos", self.import_photo)

    def import_photo(self, record: dict[str, Any]) -> None:
        original = self.original_id("photos", record)
        if original in self.done("photo"):
            self.report.skipped("photos", "already imported")
            return
        path = self.archive.media(record.get("photoUrl"))
        if path is None:
            self.report.skipped("photos", "picture missing from the archive")
            return
        try:
            sizes = images.prepare(SimpleUploadedFile(path.name, path.read_bytes()))
        except images.NotAPhoto:
            self.report.skipped("photos", "picture damaged or not a picture")
            return
        title = text_title(record.get("title"))
        text = html_to_lines(as_text(record.get("description")))
        caption = " — ".join(part for part in (title, text) if part)
        if len(caption) > 500:
            self.report.repaired("photos", "caption shortened")
            caption = truncate_words(caption, 500)
        photo = Photo(
            owner=self.person(record.get("contributorName"), "photos"),
            caption=caption,
            width=sizes.width,
            height=sizes.height,
            created_at=self.date("photos", record.get("createdDate")),
            source=SOURCE,
            source_id=f"photo:{original}"[:500],
        )
        if not self.dry_run:
            photo.image.save(sizes.name, sizes.large, save=False)
            photo.thumb.save(sizes.name, sizes.thumb, save=False)
        photo.save(force_insert=True)
        self.remember("photo", original, photo)
        self.report.imported("photos")
        comments = _list(record.get("comments"))
        self.add_comments("photo comments", photo, comments, f"photo:{original}")

    def import_videos(self) -> None:
        self.import_file("videos", self.import_video)

    def import_video(self, record: dict[str, Any]) -> None:
        original = self.original_id("videos", record)
        if original in self.done("video"):
            self.report.skipped("videos", "already imported")
            return
        address = video_address(as_text(record.get("embedCode")))
        if address is None and record.get("videoAttachmentUrl"):
            self.import_uploaded_video(original, record)
            return
        if address is None:
            self.report.skipped("videos", "no video address in its embed code")
            return
        try:
            ref = providers.parse(address)
        except ValidationError:
            self.report.skipped("videos", "no video address in its embed code")
            return
        title = text_title(record.get("title")) or ref.watch_url
        video = Video(
            owner=self.person(record.get("contributorName"), "videos"),
            provider=ref.provider,
            video_id=ref.video_id,
            host=ref.host,
            url=ref.watch_url,
            title=title[:200],
            description=html_to_lines(as_text(record.get("description")))[:5000],
            created_at=self.date("videos", record.get("createdDate")),
            source=SOURCE,
            source_id=f"video:{original}"[:500],
        )
        video.save(force_insert=True)
        self.remember("video", original, video)
        self.report.imported("videos")
        comments = _list(record.get("comments"))
        self.add_comments("video comments", video, comments, f"video:{original}")

    def import_uploaded_video(self, original: str, record: dict[str, Any]) -> None:
        """A video uploaded to Ning (the videos here are YouTube, Vimeo and PeerTube ones): a
        blog post of its owner at its date, with its description and a link to a stored copy
        of the file, and its comments."""
        reference = record.get("videoAttachmentUrl")
        title = text_title(record.get("title")) or _file_name(as_text(reference))
        created = self.date("videos", record.get("createdDate"))
        body_html = self.repoint_images("videos", as_text(record.get("description")))
        body_html += self.media_link("videos", reference, _("Video file"))
        post = self.new_post(
            self.person(record.get("contributorName"), "videos"), title, body_html, created,
            f"video:{original}",
        )  # fmt: skip
        self.remember("video", original, post)
        self.report.imported("videos")
        self.report.repaired("videos", "an uploaded video file: a blog post linking to its copy")
        comments = _list(record.get("comments"))
        self.add_comments("video comments", post, comments, f"video:{original}")

    def new_post(
        self, author: Member, title: str, body_html: str, created: dt.datetime, source_id: str
    ) -> Post:
        """A published blog post written at `created` (videos and music that have no place of
        their own here)."""
        post = Post(
            author=author,
            title=title[:200],
            slug=slugify(title, allow_unicode=True)[:80] or "post",
            status=Post.Status.PUBLISHED,
            published_at=created,
            created_at=created,
            updated_at=created,
            source=SOURCE,
            source_id=source_id[:500],
        )
        self.set_post_body(post, sanitize_html(body_html))
        post.save(force_insert=True)
        return post

    @staticmethod
    def set_post_body(post: Post, body_html: str) -> None:
        post.body = html_to_lines(body_html)
        render_body(post)  # the excerpt
        post.body_html = body_html

    def import_music(self) -> None:
        """Music (ning-music.json): each member's tracks in one blog post of theirs, "Music",
        dated from their first track, linking to a stored copy of each file (a track found
        later is added to the same post)."""
        records = self.read("music")
        tracks: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            if isinstance(record, dict):
                tracks.setdefault(_key(record.get("contributorName")), []).append(record)
            else:
                self.report.skipped("music", "not a record")
        people = [{"contributorName": key, "tracks": found} for key, found in tracks.items()]
        self.each("music", people, self.import_tracks)
        with transaction.atomic():
            addresses.remember(self, "music", records)

    def import_tracks(self, person: dict[str, Any]) -> None:
        key = person["contributorName"] or "(no contributorName)"
        done = self.done("music")
        new = []
        for track in sorted(
            person["tracks"], key=lambda t: parse_date(t.get("createdDate")) or self.now
        ):
            original = self.original_id("music", track)
            if original in done:
                self.report.skipped("music", "already imported")
            else:
                new.append((original, track))
        if not new:
            return
        links = "".join(
            self.media_link(
                "music", track.get("audioUrl"), text_title(track.get("title")) or _("Track")
            )
            for _original, track in new
        )
        pk = self.done("music posts").get(key)
        post = Post.objects.filter(pk=pk).first() if pk is not None else None
        if post is None:
            first = parse_date(new[0][1].get("createdDate")) or self.now
            intro = f"<p>{html.escape(_('Music brought over from our Ning network.'))}</p>"
            author = self.person(person["contributorName"], "music")
            post = self.new_post(author, _("Music"), intro + links, first, f"music:{key}")
            self.remember("music posts", key, post)
        else:
            self.set_post_body(post, sanitize_html(post.body_html + links))
            Post.objects.filter(pk=post.pk).update(
                body=post.body, body_html=post.body_html, excerpt=post.excerpt
            )
        for original, _track in new:
            self.remember("music", original, post)
            self.report.imported("music")

    def import_note(self, record: dict[str, Any]) -> None:
        self.import_page(record, "notes")

    def import_page(self, record: dict[str, Any], kind: str = "pages") -> None:
        original = self.original_id(kind, record)
        if original in self.done(kind):
            self.report.skipped(kind, "already imported")
            return
        title = text_title(record.get("title"))
        if not title:
            self.report.skipped(kind, "no title")
            return
        body_html = self.repoint_images(kind, as_text(record.get("description")))
        slug = _unique(Page, "slug", title, 60, "page")
        if slug in RESERVED_SLUGS:
            slug = _unique(Page, "slug", f"{slug}-ning", 60, "page")
        created = self.date(kind, record.get("createdDate"))
        page = Page.objects.create(
            title=title[:120], slug=slug, body=html_to_lines(body_html)[:50_000],
            body_html=body_html, in_navigation=False, published=True,
            position=Page.objects.count() + 1, created_at=created, updated_at=created,
        )  # fmt: skip
        self.remember(kind, original, page)
        self.report.imported(kind)
        unknown = set(record) - {"id", "title", "description", "contributorName", "createdDate",
                                 "updatedDate"}  # fmt: skip
        for key in sorted(unknown):
            self.report.repaired(kind, f"field {key[:30]!r} not imported")

    # --- Pictures inside HTML ---------------------------------------------------------------

    def repoint_images(self, kind: str, value: str) -> str:
        """The HTML sanitised, each picture it shows from the archive's folder copied into
        this site's storage and pointed at there; a picture missing or damaged (or left on
        Ning's servers, which no longer answer) replaced by a visible marker."""

        def swap(match: re.Match[str]) -> str:
            src = html.unescape(match.group(1))
            path = None if "ning.com" in src.lower() else self.archive.media(src)
            if path is None and "://" in src and "ning.com" not in src.lower():
                return match.group(0)  # elsewhere on the web: left as it was written
            url = self._copied.get(path) if path is not None else None
            if path is not None and path not in self._copied:
                url = self.store_picture(path)
                self._copied[path] = url
            if url is None:
                self.report.repaired(kind, "picture missing or damaged: marked in the text")
                name = src.split("?", 1)[0].rsplit("/", 1)[-1][:80]
                return f"<em>[{html.escape(_('picture missing: %(name)s') % {'name': name})}]</em>"
            return match.group(0).replace(match.group(1), html.escape(url))

        return _IMG.sub(swap, sanitize_html(value))

    def embeds_to_links(
        self,
        kind: str,
        value: str,
        *,
        owner: Member | None = None,
        created: dt.datetime | None = None,
        source: str = "",
    ) -> str:
        """Old video players written into a text (YouTube's `<object>`/`<embed>`, iframes,
        Vimeo's `clip_id=`), which the sanitiser would drop. With an `owner` (the text's
        author), each becomes the platform's own player: a video of theirs in the videos app
        (the player made from the checked id, videos/providers.py), linked from where the
        embed was; without one, or when the videos app cannot take it, a link to the video.
        Any other embed is dropped by the sanitiser (and counted)."""
        found = iter(range(1, 1_000))

        def swap(match: re.Match[str]) -> str:
            address = video_address(match.group(0))
            if address is None:
                self.report.repaired(kind, "an embed that is no video we show: left out")
                return ""
            number = next(found)
            if owner is not None and source and not self.dry_run:
                video = self.embedded_video(owner, address, created, f"{source}#{number}")
                if video is not None:
                    self.report.repaired(kind, "old video player turned into a video here")
                    label = html.escape(_("Video: %(title)s") % {"title": video.title})
                    return f'<p><a href="{video.get_absolute_url()}">{label}</a></p>'
            self.report.repaired(kind, "old video player turned into a link to the video")
            return f'<p><a href="{address}">{address}</a></p>'

        return _EMBED.sub(swap, value)

    def embedded_video(
        self, owner: Member, address: str, created: dt.datetime | None, original: str
    ) -> "Video | None":
        """The video an old player in a text showed, as a video of the text's author (made
        once: a second run finds it by `original`)."""
        known = self.done("embedded video").get(original[:300])
        if known is not None:
            return Video.objects.filter(pk=known).first()
        try:
            ref = providers.parse(address)
        except ValidationError:
            return None
        video = Video(
            owner=owner,
            provider=ref.provider,
            video_id=ref.video_id,
            host=ref.host,
            url=ref.watch_url,
            title=ref.watch_url[:200],
            description="",
            created_at=created or self.now,
            source=SOURCE,
            source_id=f"embed:{original}"[:500],
        )
        video.save(force_insert=True)
        self.remember("embedded video", original[:300], video)
        self.report.imported("videos")
        return video

    def store_picture(self, path: Path) -> str | None:
        try:
            with Image.open(path) as image:
                image.load()
        except Exception:
            return None
        if self.dry_run:
            return f"/dry-run/{path.name}"
        with path.open("rb") as handle:
            name = default_storage.save(f"imports/ning/{path.name}", File(handle))
        return str(default_storage.url(name))

    # --- Helpers ----------------------------------------------------------------------------

    def original_id(self, kind: str, record: dict[str, Any]) -> str:
        original = _key(as_text(record.get("id")))
        if not original:
            original = _made_id(
                kind, record.get("contributorName"), record.get("createdDate"),
                as_text(record.get("title")),
            )  # fmt: skip
            self.report.repaired(kind, "no id: one made from author, date and title")
        return original[:300]

    def date(self, kind: str, value: object) -> dt.datetime:
        found = parse_date(value)
        if found is None:
            self.report.repaired(kind, "no date: the import's date used")
            return self.now
        return found

    def media(self, kind: str, reference: object) -> Path | None:
        """The picture a record names, checked; None (reported) if missing or damaged."""
        path = self.archive.media(reference)
        if path is None:
            self.report.repaired(kind, "picture missing from the archive: left out")
            return None
        try:
            with Image.open(path) as image:
                image.load()
        except Exception:
            self.report.repaired(kind, "picture damaged: left out")
            return None
        return path


_EMBED = re.compile(
    r"<object\b.*?</object\s*>|<iframe\b.*?</iframe\s*>|<iframe\b[^>]*/>|<embed\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_IMG = re.compile(r'<img\b[^>]*?\bsrc="([^"]*)"[^>]*>', re.IGNORECASE)
_YOUTUBE = re.compile(
    r"youtube(?:-nocookie)?\.com/(?:v|embed)/([A-Za-z0-9_-]{11})|"
    r"youtube\.com/watch\?v=([A-Za-z0-9_-]{11})|youtu\.be/([A-Za-z0-9_-]{11})"
)
_VIMEO = re.compile(
    r"clip_id=(\d{1,12})|player\.vimeo\.com/video/(\d{1,12})|"
    r"vimeo\.com/(\d{1,12})"
)


def video_address(embed: str) -> str | None:
    """The video's address from an old embed code: YouTube's `<object>`/`<embed>` with
    `/v/ID`, `/embed/ID` iframes, Vimeo's `clip_id=`; None if it names no video we show."""
    found = _YOUTUBE.search(embed)
    if found:
        return f"https://www.youtube.com/watch?v={next(g for g in found.groups() if g)}"
    found = _VIMEO.search(embed)
    if found:
        return f"https://vimeo.com/{next(g for g in found.groups() if g)}"
    return None


AUDIO_VIDEO = {
    "mp3", "m4a", "ogg", "oga", "opus", "wav", "aac", "flac", "wma", "mp4", "m4v", "mov", "webm",
    "ogv", "flv", "avi", "wmv", "3gp", "mpg", "mpeg",
}  # fmt: skip
_AV_SIGNATURES = (b"ID3", b"OggS", b"fLaC", b"FLV", b"\x1aE\xdf\xa3", b"0&\xb2u\x8ef\xcf\x11",
                  b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")  # fmt: skip


def _audio_or_video(head: bytes) -> bool:
    """Whether a file's first bytes are those of an audio or video format (MP3, MPEG-4 and
    QuickTime, Ogg, FLAC, WAV, AVI, Matroska/WebM, FLV, ASF, MPEG)."""
    if head.startswith(_AV_SIGNATURES):
        return True
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return True  # an MPEG audio frame
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"):
        return True
    return head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI ")


def _reference(entry: object) -> str | None:
    """Where an entry of `fileAttachments` names its file (a text, or one of ATTACHMENT_KEYS)."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        return next((entry[k] for k in ATTACHMENT_KEYS if isinstance(entry.get(k), str)), None)
    return None


def _file_name(reference: str | None) -> str:
    if not reference:
        return "?"
    name = unquote(reference.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    return " ".join(name.split())[:80] or "?"


def _marker(message: str, name: str) -> str:
    return "[" + message % {"name": name} + "]"


def _valid_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return len(value) <= 254


def _yes(value: object) -> bool:
    return value is True or as_text(value).strip().lower() in ("y", "yes", "true", "1", "on")


def _unique(model: type[models.Model], field_name: str, name: str, length: int, empty: str) -> str:
    """A slug for `name` not yet taken in `model` ("kites", then "kites-2"…)."""
    base = slugify(name, allow_unicode=True)[: length - 6].strip("-") or empty
    taken = set(
        model._default_manager.filter(**{f"{field_name}__startswith": base}).values_list(
            field_name, flat=True
        )
    )
    n = 1
    slug = base
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


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
