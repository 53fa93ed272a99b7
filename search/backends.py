"""The two full-text engines behind one interface, chosen by the database in use.

- SQLite (the embedded default): an FTS5 table, tokenizer `porter unicode61
  remove_diacritics 2` — English words stemmed (Porter: "running" finds "runs"), Latin
  accents ignored ("cafe" finds "café"), Urdu words whole; ranked by bm25, a title match
  weighing ten times a body match.
- PostgreSQL: a tsvector column with a GIN index. Each text is indexed twice, with the
  'simple' configuration (every word as written, lowercased: Urdu, names, anything) and the
  'english' one (stemmed, stop words dropped), title weighted A and body B; each word of a
  query must match in either form, and SearchRank orders the results.

Both get the text folded first (search.text.fold: Urdu vowel marks out) and match every word
of a query (AND); the query's words are only letters and digits (search.text.words), each
quoted, so what people type is never query syntax.
"""

import functools
import operator
from collections.abc import Sequence
from typing import Any, Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Func, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from .models import Entry
from .text import MARKS, fold


class Backend(Protocol):
    def write(self, entries: Sequence[Entry]) -> None:
        """Indexes the words of these (just saved) entries."""

    def forget(self, ids: Sequence[int]) -> None:
        """Drops the words of entries about to be deleted."""

    def forget_all(self) -> None: ...

    def candidates(self, words: list[str], limit: int) -> list[tuple[int, float, str]]:
        """(entry id, score: higher is better, kind) of the newest `limit` entries holding every
        word: the work is bounded by `limit`, not by how many entries hold the words."""


def _fts_expression(words: list[str]) -> str:
    # Each word a quoted string (a quote inside doubled): FTS5 reads no operator in it.
    return " ".join('"{}"'.format(w.replace('"', '""')) for w in words)


class SQLiteBackend:
    def write(self, entries: Sequence[Entry]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts(rowid, title, body) VALUES (%s, %s, %s)",
                [(e.pk, fold(e.title), fold(e.body)) for e in entries],
            )

    def forget(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        with connection.cursor() as cursor:
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", list(ids))  # noqa: S608

    def forget_all(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def candidates(self, words: list[str], limit: int) -> list[tuple[int, float, str]]:
        # Newest first by rowid (FTS5 walks its doclists backwards and stops at the limit);
        # rank (bm25) is computed for the rows returned only.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT f.rowid, f.rank, e.kind FROM search_fts f "
                "JOIN search_entry e ON e.id = f.rowid "
                "WHERE search_fts MATCH %s ORDER BY f.rowid DESC LIMIT %s",
                [_fts_expression(words), limit],
            )
            return [(pk, -rank, kind) for pk, rank, kind in cursor.fetchall()]


class _StripMarks(Func):
    # The same folding as search.text.fold, in SQL, so a whole batch is indexed by one UPDATE.
    function = "regexp_replace"
    template = f"%(function)s(normalize(%(expressions)s, NFC), '[{MARKS}]', '', 'g')"
    output_field = TextField()


def _vector(column: str, weight: str) -> Any:
    text = _StripMarks(Coalesce(F(column), Value(""), output_field=TextField()))
    return SearchVector(text, config="simple", weight=weight) + SearchVector(
        text, config="english", weight=weight
    )


# How many of the newest entries a common word's matches are looked for in first.
RECENT = 20_000


class PostgreSQLBackend:
    def _newest(
        self, matching: QuerySet[Entry], query: Any, limit: int
    ) -> list[tuple[int, float, str]]:
        return list(
            matching
            # id + 0, not id: ordered by the primary key's index, PostgreSQL would walk it
            # newest first testing every row until it has `limit` (a rare word: the whole
            # table); this way the GIN index (or the recent range) finds the matches.
            .order_by((F("pk") + 0).desc())
            .annotate(score=SearchRank(F("document"), query))
            .values_list("pk", "score", "kind")[:limit]
        )

    def write(self, entries: Sequence[Entry]) -> None:
        Entry.objects.filter(pk__in=[e.pk for e in entries]).update(
            document=_vector("title", "A") + _vector("body", "B")
        )

    def forget(self, ids: Sequence[int]) -> None:
        # The vector is a column of the row: it goes with it.
        pass

    def forget_all(self) -> None:
        pass

    def candidates(self, words: list[str], limit: int) -> list[tuple[int, float, str]]:
        per_word = [
            SearchQuery(w, config="simple", search_type="plain")
            | SearchQuery(w, config="english", search_type="plain")
            for w in words
        ]
        query: Any = functools.reduce(operator.and_, per_word)
        matching = Entry.objects.filter(document__matches=query)
        # The newest RECENT entries first (their primary-key range, bounded whatever the size):
        # a common word has its `limit` matches there. Only a rarer one reads further, through
        # the GIN index, and a rare word has few matches to read.
        newest = Entry.objects.order_by("-pk").values("pk")[:1]
        rows = self._newest(matching.filter(pk__gt=Subquery(newest) - RECENT), query, limit)
        if len(rows) < limit:
            rows = self._newest(matching, query, limit)
        return [(pk, float(score), kind) for pk, score, kind in rows]


def backend() -> Backend:
    """The engine of the database in use (tests run the same suite on both)."""
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"search: no full-text backend for {connection.vendor}")
