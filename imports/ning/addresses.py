"""The addresses an imported record had on Ning, remembered so that they keep working here
(imports.models.OldAddress; imports.middleware redirects them).

The archive carries no addresses, so they are made again the way Ning 2 made them:

- a title's slug (ning_slug): lower case; every run of characters that are not letters, marks
  or digits becomes one hyphen; hyphens trimmed at both ends. Letters of every script are kept
  as they are (an Urdu title's address is Urdu). Ning cut long slugs — older networks at a word
  boundary near 30 characters, later ones at 65 characters — so both cut forms are kept too,
  and a form with accents removed (Ning wrote Latin letters without them);
- two records of one kind with the same slug: the oldest (by its date in the archive) has the
  plain slug, the next ones "-1", "-2"… in date order (our decision: what Ning did is not
  documented anywhere we could read). A record's own `url` or `link` key, when the archive has
  one, is kept as it is and is exact;
- the id forms, which need no guess: `/xn/detail/ID`, `/profiles/blogs/ID`, `/forum/topics/ID`
  and each kind's `…/show?id=ID`;
- a member: `/profile/KEY` (their member key), `/profile/NAME` (Ning's default profile address:
  the full name's Latin letters and digits, nothing else — a second person of the same name
  NAME1, NAME2…), `/profiles/profile/show?id=KEY`, and their blog list
  `/profiles/blog/list?user=KEY`.

Paths are stored lower case without a trailing slash, as imports.oldaddresses compares them.
Everything is computed from the whole file each run (the same numbering every time) and
written with bulk inserts that skip what is there: a second run adds nothing.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from forum.models import Category

from ..models import ImportedRecord, OldAddress
from ..oldaddresses import QUERY_KEYS, normalise_path
from .reader import as_text, text_title

if TYPE_CHECKING:
    from .importer import NingImport

SOURCE = "ning"
LONG_CUT = 65
SHORT_CUT = 30
MAX_PATH = 500
MAX_QUERY = 320

# kind of file → (ImportedRecord kind, the kind's name in made ids, slug path, show path)
FORMS: dict[str, tuple[str, str, str | None, str | None]] = {
    "blogs": ("blog", "blog", "/profiles/blogs/", "/profiles/blog/show"),
    "discussions": ("discussion", "discussions", "/forum/topics/", "/forum/topic/show"),
    "groups": ("group", "groups", "/group/", "/group/group/show"),
    "events": ("event", "events", "/events/", "/events/event/show"),
    "photos": ("photo", "photos", "/photo/", "/photo/photo/show"),
    "videos": ("video", "videos", "/video/", "/video/video/show"),
    "music": ("music", "music", None, "/music/track/show"),
    "pages": ("pages", "pages", "/page/", None),
    "notes": ("notes", "notes", None, None),
}
# Where an id alone finds the record (Ning's `/profiles/blogs/2175650:BlogPost:241`).
ID_PATHS = {"blogs": "/profiles/blogs/", "discussions": "/forum/topics/"}


def ning_slug(title: str) -> str:
    """A title as Ning made it into an address (see the module)."""
    out: list[str] = []
    gap = False
    for char in title.lower():
        if unicodedata.category(char)[0] in "LMN":
            if gap and out:
                out.append("-")
            out.append(char)
            gap = False
        else:
            gap = True
    return "".join(out)


def _folded(text: str) -> str:
    return (
        "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        .encode("ascii", "ignore")
        .decode()
    )


def slug_forms(title: str) -> list[str]:
    """Every form of a title's slug that Ning may have given (see the module), the full one
    first."""
    forms: list[str] = []
    for base in (ning_slug(title), ning_slug(_folded(title))):
        if not base:
            continue
        forms.append(base)
        if len(base) > LONG_CUT:
            forms.append(base[:LONG_CUT].strip("-"))
        if len(base) > SHORT_CUT:
            cut = base[: SHORT_CUT + 1]
            short = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SHORT_CUT]
            forms.append(short.strip("-"))
    return list(dict.fromkeys(f for f in forms if f))


def profile_name(full_name: str) -> str:
    """Ning's default profile address from a full name: its Latin letters and digits."""
    return re.sub(r"[^0-9A-Za-z]+", "", _folded(full_name))


def original_id(kind: str, record: dict[str, Any]) -> str:
    """The record's id as the importer remembers it (importer.original_id, without reporting)."""
    from .importer import _key, _made_id

    found = _key(as_text(record.get("id")))
    if found:
        return found[:300]
    return _made_id(
        FORMS[kind][1], record.get("contributorName"), record.get("createdDate"),
        as_text(record.get("title")),
    )[:300]  # fmt: skip


def own_address(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The record's own `url` / `link` as (path, query)."""
    for key in ("url", "link"):
        value = record.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        try:
            parts = urlsplit(value.strip())
        except ValueError:
            continue
        path = unquote(parts.path)
        if path.strip("/") == "":
            continue
        found = [
            f"{name.lower()}={v}"
            for name, v in parse_qsl(parts.query)
            if name.lower() in QUERY_KEYS
        ]
        yield path, found[0] if found else ""


class Addresses:
    """Collects the old addresses of one kind of record, then writes them at once."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], OldAddress] = {}
        self.taken: dict[tuple[str, str], int] = {}

    def add(self, path: str, query: str, target: tuple[int, int], page: str = "") -> None:
        path = normalise_path(path)
        query = query.lower()
        if not path or len(path) > MAX_PATH or len(query) > MAX_QUERY or "\x00" in path + query:
            return
        if (path, query) not in self.rows:
            self.rows[(path, query)] = OldAddress(
                path=path, query=query, content_type_id=target[0], object_id=target[1],
                page=page,
            )  # fmt: skip

    def add_numbered(
        self, prefix: str, slugs: Iterable[str], target: tuple[int, int], joint: str = "-"
    ) -> None:
        """A slug form under `prefix`: the plain one for the first record that has it, "-1",
        "-2"… for the next ones (the caller goes oldest first)."""
        for slug in slugs:
            key = (prefix, slug)
            n = self.taken.get(key, 0)
            self.taken[key] = n + 1
            self.add(f"{prefix}{slug}" if n == 0 else f"{prefix}{slug}{joint}{n}", "", target)

    def save(self) -> None:
        OldAddress.objects.bulk_create(self.rows.values(), ignore_conflicts=True, batch_size=500)
        self.rows = {}


def _targets(kind: str) -> dict[str, tuple[int, int]]:
    """Original id → (content type id, object id) of what the import made of `kind`."""
    return {
        original: (ct, pk)
        for original, ct, pk in ImportedRecord.objects.filter(source=SOURCE, kind=kind)
        .values_list("original_id", "content_type_id", "object_id")
        .iterator(chunk_size=2000)
    }


def _oldest_first(kind: str, records: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [(original_id(kind, r), r) for r in records if isinstance(r, dict)]
    found.sort(key=lambda pair: (as_text(pair[1].get("createdDate")), pair[0]))
    return found


def remember_members(job: "NingImport", records: list[Any]) -> None:
    targets = _targets("member")
    out = Addresses()
    people = [r for r in records if isinstance(r, dict)]
    people.sort(key=lambda r: (as_text(r.get("createdDate")), as_text(r.get("contributorName"))))
    for record in people:
        member_key = as_text(record.get("contributorName")).strip()[:300]
        target = targets.get(member_key)
        if target is None:
            continue
        out.add(f"/profile/{member_key}", "", target)
        out.add("/profiles/profile/show", f"id={member_key}", target)
        out.add("/profiles/blog/list", f"user={member_key}", target, OldAddress.Page.BLOG)
        name = profile_name(text_title(record.get("fullName")))
        # Who had left keeps nothing personal here, their name in an address neither.
        if name and as_text(record.get("state")).strip().lower() != "left":
            # A profile address is letters, digits and "_" only: a second "Zara Ilyas" is
            # ZaraIlyas1 (our reading, as for titles).
            out.add_numbered("/profile/", [name.lower()], target, joint="")
        for path, query in own_address(record):
            out.add(path, query, target)
    out.save()


def remember(job: "NingImport", kind: str, records: list[Any]) -> None:
    """The old addresses of `kind`'s records that were imported (this run or before)."""
    imported_kind, _name, slug_path, show_path = FORMS[kind]
    targets = _targets(imported_kind)
    if not targets:
        return
    out = Addresses()
    categories: set[str] = set()
    for original, record in _oldest_first(kind, records):
        target = targets.get(original)
        if target is None:
            continue
        title = text_title(record.get("title"))
        slugs = slug_forms(title) if title else []
        if slug_path is not None:
            out.add_numbered(slug_path, slugs, target)
        if show_path is not None:
            out.add(show_path, f"id={original}", target)
        if kind in ID_PATHS:
            out.add(f"{ID_PATHS[kind]}{original}", "", target)
        if not original.startswith("made:"):
            out.add(f"/xn/detail/{original}", "", target)
        if kind == "groups":
            joined = [s.replace("-", "") for s in slugs]
            out.add_numbered("/group/", [s for s in joined if s not in slugs], target)
            job.group_slugs[original] = slugs[:1] + joined[:1]
        if kind == "discussions":
            group_id = as_text(record.get("groupId")).strip()
            for group_slug in job.group_slugs.get(group_id, []):
                out.add_numbered(f"/group/{group_slug}/forum/topics/", slugs, target)
                out.add(f"/group/{group_slug}/forum/topics/{original}", "", target)
            if not group_id or group_id not in job.group_slugs:
                label = " ".join(text_title(record.get("category")).split())[:100]
                categories.add(f"category:{label or _('General')}")
        if kind == "notes":
            note = "_".join(title.split())
            if note:
                out.add(f"/notes/{note}", "", target)
                out.add("/notes/index/show", f"notekey={note}", target)
        for path, query in own_address(record):
            out.add(path, query, target)
    if categories:
        category_type = ContentType.objects.get_for_model(Category).pk
        found = Category.objects.filter(source=SOURCE, source_id__in=categories)
        for pk, source_id in found.values_list("pk", "source_id"):
            for slug in slug_forms(source_id.removeprefix("category:")):
                out.add(f"/forum/categories/{slug}/listForCategory", "", (category_type, pk))
    out.save()
