"""What the cloud and a tag page show: only what the viewer may see, in a number of queries
that does not grow with the number of tagged items."""

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, overload

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connections, router
from django.db.models import Count, Exists, Manager, OuterRef, QuerySet, Window
from django.db.models.sql.compiler import SQLCompiler

from network.services import current_network

from .models import Tag
from .registry import Taggable, kinds

PER_PAGE = 20
# A tag page reads at most this many rows of each kind (the newest): 50 pages of 20.
MAX_ROWS_PER_KIND = 1000
CLOUD_SIZE = 100
CLOUD_STEPS = 5


@dataclass(frozen=True)
class CloudTag:
    key: str
    name: str
    count: int
    # 1 (least used) to CLOUD_STEPS (most used).
    step: int


def kinds_on(off: set[str]) -> list[Taggable]:
    return [kind for kind in kinds() if kind.key not in off]


def cloud(viewer: object, off: set[str]) -> list[CloudTag]:
    """The CLOUD_SIZE most used tags among what `viewer` may see, by name, each with a size
    step by its use (logarithmic): one query per kind."""
    counted: dict[str, list[Any]] = {}
    # A tag's name as the tags app has it wins over a kind's own spelling (blogs.Tag).
    for kind in sorted(kinds_on(off), key=lambda kind: kind.tagged is not None):
        for key, name, n in kind.tag_counts(viewer):
            if key is None or not n:
                continue
            entry = counted.setdefault(key, [name, 0])
            entry[1] += n
    top = sorted(counted.items(), key=lambda kv: (-kv[1][1], kv[0]))[:CLOUD_SIZE]
    if not top:
        return []
    most = math.log(top[0][1][1] + 1)
    least = math.log(top[-1][1][1] + 1)
    spread = most - least
    tags = []
    for key, (name, n) in top:
        share = (math.log(n + 1) - least) / spread if spread else 1.0
        tags.append(CloudTag(key, name, n, 1 + round(share * (CLOUD_STEPS - 1))))
    return sorted(tags, key=lambda t: t.key)


def tag_name(key: str, off: set[str]) -> str | None:
    """The tag's name as first written, or None if no item of any kind has such a tag."""
    found = Tag.objects.filter(key=key).values_list("name", flat=True).first()
    if found is not None:
        return found
    for kind in kinds_on(off):
        if kind.name_of is not None and (name := kind.name_of(key)) is not None:
            return name
    return None


@dataclass(frozen=True)
class Row:
    kind: Taggable
    obj: Any

    @property
    def title(self) -> str:
        return self.kind.title(self.obj)

    @property
    def url(self) -> str:
        return self.kind.url(self.obj)

    @property
    def date(self) -> datetime:
        return self.kind.date(self.obj)

    @property
    def author(self) -> Any:
        return self.kind.author(self.obj)


class _Newest(Sequence[tuple[datetime, str, int]]):
    """The rows a tag page's paginator is given: `total` long, of which the first `len(rows)`
    are read (every row up to the page shown and beyond: the paginator never slices past
    them)."""

    def __init__(self, rows: list[tuple[datetime, str, int]], total: int) -> None:
        self.rows = rows
        self.total = total

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> tuple[datetime, str, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[datetime, str, int]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[datetime, str, int] | list[tuple[datetime, str, int]]:
        return self.rows[index]


def _rows_asked(number: Any) -> int:
    """How many of each kind's newest rows page `number` may need, read as Paginator.get_page
    reads it: not a whole number, page 1; a number below 1 or above the last page, the last
    (the rows read for a number above it cover it)."""
    try:
        asked = int(number)
    except (TypeError, ValueError):
        asked = 1
    if asked < 1:
        return MAX_ROWS_PER_KIND
    return min(MAX_ROWS_PER_KIND, asked * PER_PAGE)


def _newest_of(kind: Taggable, key: str, viewer: object, limit: int) -> QuerySet[Any]:
    """(date, id, how many rows in all) of the newest `limit` rows of `kind` tagged `key` that
    `viewer` may see. The tagged rows lead (by primary key, a few hundred at most) and each is
    checked against the kind's privacy: the other way round SQLite walks every visible row of
    the kind in date order to find the tagged ones (20,000 posts for a tag no post has)."""
    manager: Manager[Any] = kind.model._default_manager
    seen = kind.visible_to(viewer).filter(pk=OuterRef("pk"))
    rows: QuerySet[Any] = (
        manager.filter(pk__in=kind.tagged_ids(key))
        .filter(Exists(seen), **{f"{kind.date_field}__isnull": False})
        .annotate(in_all=Window(Count("pk")))
        .order_by(f"-{kind.date_field}", "-pk")
        .values_list(kind.date_field, "pk", "in_all")[:limit]
    )
    return rows


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    # The tag's key's place among params.
    at: int
    # Turns the database's values into Python's (dates) as the queryset would.
    compiler: SQLCompiler


# Two keys no tag has (a key is letters, digits and dashes), to find the key among the params.
_PROBES = ("\x00probe-a\x00", "\x00probe-b\x00")
# A visitor's _newest_of query, compiled once per (database, kind, content type, rows asked,
# features switched off):
# None where it cannot be (see _compile).
_for_visitors: dict[tuple[str, str, int, int, tuple[str, ...]], _Compiled | None] = {}
_readers: dict[tuple[str, str, int], SQLCompiler] = {}


def _compile(kind: Taggable, alias: str, limit: int) -> _Compiled | None:
    """A visitor's _newest_of(kind, …) as SQL whose only varying parameter is the tag's key,
    or None unless it plainly is: the same SQL for two keys, the key in exactly one place,
    every other parameter the same for both and a plain number or text (a date could be "now"
    or "today": such a query is built anew every time)."""
    made = []
    for probe in _PROBES:
        compiler = (
            _newest_of(kind, probe, AnonymousUser(), limit).using(alias).query.get_compiler(alias)
        )
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return None
        made.append((sql, tuple(params), compiler))
    (sql, params, compiler), (other_sql, other_params, _) = made
    places = [i for i, value in enumerate(params) if value == _PROBES[0]]
    if sql != other_sql or len(places) != 1 or len(params) != len(other_params):
        return None
    at = places[0]
    if other_params[at] != _PROBES[1]:
        return None
    for i, (value, other) in enumerate(zip(params, other_params, strict=True)):
        if i != at and (value != other or not isinstance(value, int | str)):
            return None
    return _Compiled(sql, params, at, compiler)


def _newest_rows(kind: Taggable, key: str, viewer: object, limit: int) -> list[Any]:
    """list(_newest_of(kind, key, viewer, limit)); for a visitor from SQL compiled once (the
    ORM building and compiling each kind's query was ~40 % of a visitor's tag page)."""
    if not isinstance(viewer, AnonymousUser):  # request.user is a lazy object: not type()
        return list(_newest_of(kind, key, viewer, limit))
    alias = router.db_for_read(kind.model)
    content_type = kind.content_type().pk if kind.tagged is None else 0
    # What a visitor may see also follows the network's switched-off features (with groups
    # off, no group's discussion is anyone's to read): the SQL is compiled per set of them.
    network = current_network()
    off = tuple(sorted(getattr(network, "features_off", None) or ()))
    cache_key = (alias, kind.key, content_type, limit, off)
    if cache_key not in _for_visitors:
        compiled = _compile(kind, alias, limit)
        if compiled is not None:
            # One compiler per kind reads the rows of every limit (the same columns): ~27 kB
            # each, kept once rather than for each of the 50 page depths.
            reader = _readers.setdefault(cache_key[:3], compiled.compiler)
            compiled = dataclasses.replace(compiled, compiler=reader)
        _for_visitors[cache_key] = compiled
    compiled = _for_visitors[cache_key]
    if compiled is None:
        return list(_newest_of(kind, key, viewer, limit))
    params = list(compiled.params)
    params[compiled.at] = key
    with connections[alias].cursor() as cursor:
        cursor.execute(compiled.sql, params)
        rows = cursor.fetchall()
    return list(compiled.compiler.results_iter(results=[rows], tuple_expected=True))


def tagged_page(key: str, viewer: object, off: set[str], number: Any) -> Page[Any]:
    """Page `number` of everything tagged `key` that `viewer` may see, all kinds mixed, newest
    first: one query per kind for the (date, id) of its newest rows up to the page asked and
    how many it has (at most MAX_ROWS_PER_KIND count), then one per kind on the page for the
    rows themselves."""
    found: list[tuple[datetime, str, int]] = []
    total = 0
    present = kinds_on(off)
    # The newest rows of each kind up to the page asked: the mixed list's first pages are
    # made of them, whatever the other kinds hold.
    limit = _rows_asked(number)
    for kind in present:
        rows = _newest_rows(kind, key, viewer, limit)
        found.extend((when, kind.key, pk) for when, pk, _in_all in rows)
        # Every row carries how many the kind has in all (a window count).
        total += min(rows[0][2], MAX_ROWS_PER_KIND) if rows else 0
    found.sort(key=lambda row: (row[0], row[1], row[2]), reverse=True)
    page: Page[Any] = Paginator[Any](_Newest(found, total), PER_PAGE).get_page(number)
    wanted: dict[str, list[int]] = {}
    for _when, kind_key, pk in page.object_list:
        wanted.setdefault(kind_key, []).append(pk)
    read: dict[tuple[str, int], Any] = {}
    for kind in present:
        if kind.key in wanted:
            rows_of = kind.model._default_manager.select_related(*kind.related).in_bulk(
                wanted[kind.key]
            )
            read.update(((kind.key, pk), obj) for pk, obj in rows_of.items())
    by_key = {kind.key: kind for kind in present}
    page.object_list = [
        Row(by_key[kind_key], read[(kind_key, pk)])
        for _when, kind_key, pk in page.object_list
        if (kind_key, pk) in read
    ]
    return page
