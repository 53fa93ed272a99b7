"""The kinds of thing the search box finds, each declared by its own app.

Content apps declare theirs in a module `<app>/search.py` (found by SearchConfig.ready() with
`autodiscover_modules("search")`); search declares members and comments itself, which sit
below it. A kind says how to read one row into the index (title, body, author, date,
address) and who may see which rows: `visible_to(viewer)` is the app's own QuerySet privacy
(`Post.objects.visible_to(viewer)`), asked live at every search, so a draft, a hidden or
deleted post, a private group's discussion or an invited-only event never shows to someone
the app's pages would refuse, whatever the index holds.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import Promise


@dataclass(frozen=True)
class Document:
    """What the index holds of one row for one audience (see Searchable.documents)."""

    title: str
    body: str
    # Shown under the title, never searched: what a comment is on.
    context: str = ""
    # Who may find it by this text: 0 everyone, 1 members, 2 administrators (members'
    # answers to questions shown to members or administrators only). Most kinds: 0.
    audience: int = 0


def _no_filter(viewer: object) -> Q:
    return Q()


@dataclass(frozen=True)
class Searchable:
    # The kind's name in addresses (?kind=post) and in the index.
    key: str
    # Plural, for the kind filter ("Blog posts").
    label: str | Promise
    # Singular, beside each result ("Blog post").
    label_one: str | Promise
    model: type[models.Model]
    # Who may see which rows: the app's QuerySet privacy for `viewer` (anyone: a visitor's
    # AnonymousUser, a member).
    visible_to: Callable[[object], models.QuerySet[Any]]
    title: Callable[[Any], str]
    # Plain text (not HTML): lib.markup's output goes through search.text.plain first.
    body: Callable[[Any], str]
    author_id: Callable[[Any], int | None]
    date: Callable[[Any], datetime]
    url: Callable[[Any], str]
    # The field a rebuild writes rows in the order of, all kinds merged: the index's ids then
    # follow the content's age, and search weighs the newest matches (search.queries).
    date_field: str = "created_at"
    # Rows read for (re)indexing: select_related what title/body/url read.
    queryset: Callable[[], models.QuerySet[Any]] | None = None
    # Saves that change none of these fields leave the index alone (a member's sign-in
    # writes last_login): empty means every save reindexes.
    watch_fields: frozenset[str] = frozenset()
    # Other models whose saves and deletions change this kind's documents, with the primary
    # keys of this kind's rows each touches (a profile answer: its member).
    dependents: tuple[tuple[type[models.Model], Callable[[Any], Iterable[int]]], ...] = ()
    # Several documents per row (members: one per audience of their answers); by default one
    # document from title and body.
    documents: Callable[[Any], list[Document]] | None = None
    # Beyond visible_to, a condition on the index's own rows for `viewer` (members: which
    # audience's document).
    entry_filter: Callable[[object], Q] = field(default=_no_filter)

    def documents_of(self, obj: Any) -> list[Document]:
        if self.documents is not None:
            return self.documents(obj)
        return [Document(title=self.title(obj), body=self.body(obj))]

    def rows(self) -> models.QuerySet[Any]:
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()

    def visible(self, viewer: object) -> Q:
        """The index rows of this kind `viewer` may see: a correlated EXISTS on the app's own
        privacy, one primary-key lookup per matching row."""
        return Q(kind=self.key) & self.visible_rows(viewer)

    def visible_rows(self, viewer: object) -> Q:
        """visible() without naming the kind, for index rows already known to be of this kind
        (search.queries: by their ids). SQLite given `kind = …` beside `id IN (…)` reads every
        row of the kind through the (kind, object_id, audience) index instead of the few ids:
        60 ms rather than 3 for a word found in comments."""
        seen = Exists(self.visible_to(viewer).filter(pk=OuterRef("object_id")))
        return Q(seen) & self.entry_filter(viewer)


_by_key: dict[str, Searchable] = {}


def register(kind: Searchable) -> None:
    """Adds a kind (again: replaces it, so a second ready() is harmless)."""
    _by_key[kind.key] = kind


def kinds() -> list[Searchable]:
    return list(_by_key.values())


def for_key(key: str) -> Searchable | None:
    return _by_key.get(key)


def for_model(model: type[models.Model]) -> Searchable | None:
    for kind in _by_key.values():
        if kind.model is model:
            return kind
    return None
