"""The full-text index of each database (search/backends.py): SQLite's FTS5 table, or a GIN
index on PostgreSQL's tsvector column. Each database runs only its own part."""

from typing import Any

from django.db import migrations

SQLITE_FORWARD = [
    # Not an external-content table: it holds the folded text (search.text.fold), while
    # search_entry keeps the text as written for the results.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    # bm25 with a title match weighing ten body matches: ORDER BY rank uses it.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]
POSTGRESQL_FORWARD = [
    "CREATE INDEX search_entry_document ON search_entry USING GIN (document)",
]
POSTGRESQL_BACKWARD = ["DROP INDEX IF EXISTS search_entry_document"]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
