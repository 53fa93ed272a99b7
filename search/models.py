"""The search index: one row per document of every searchable kind (search/registry.py).

`Entry` holds what a result shows (title, body text, address, author, date), never who may
see it: that is asked of the kind's app at each search. The words themselves are indexed
by the database's own full-text search (search/backends.py):

- SQLite: the FTS5 table `search_fts` (rowid = Entry.id), made by migration 0002 for SQLite
  only, written and read with plain SQL.
- PostgreSQL: the column `Entry.document` (a tsvector with a GIN index, migration 0002 for
  PostgreSQL only); on SQLite it stays empty.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Lookup
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

# Invalidated whenever the index changes (an entry indexed, changed or removed) and whenever a
# searchable row is saved or deleted (hiding, showing, approving one changes who finds it,
# without changing the index): visitors' cached results depend on it (search/views.py).
SEARCH_TAG = "search"


class TsVectorField(models.Field):  # type: ignore[type-arg]
    """PostgreSQL's tsvector (on SQLite an unused column: SQLite takes any type name).
    Not django.contrib.postgres's SearchVectorField, which needs that app installed on every
    database."""

    def db_type(self, connection: Any) -> str:
        return "tsvector"


@TsVectorField.register_lookup
class Matches(Lookup[Any]):
    lookup_name = "matches"

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ {rhs}", (*lhs_params, *rhs_params)


class Entry(models.Model):
    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    # See search.registry.Document.audience.
    audience = models.PositiveSmallIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        # A member's removal deletes their content, each deletion reindexing (forgetting) it.
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    date = models.DateTimeField(default=timezone.now)
    title = models.CharField(max_length=300, blank=True)
    context = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=600)
    document = TsVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "entries"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "audience"], name="search_entry_one_per_audience"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title[:40]}"
