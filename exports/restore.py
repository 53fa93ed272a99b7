"""Reading a whole network's export into an empty install (`manage.py import_network`).

First the archive is checked from end to end — the manifest, every file's size and SHA-256, every
record against its kind's schema — and nothing is written until all of it passes. Then, in one
transaction: every kind in dependency order with its ids kept (foreign keys are checked once all
rows are in), PostgreSQL's sequences moved past the ids, likes recounted, and the media copied
into storage (removed again if anything fails before the commit). Nothing is told: lib.events is
muted and the search index paused, so no activity entry, notification or email is written for
the rows coming in. After the commit, every cached page is invalidated and the search index is
rebuilt, once.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.management.color import no_style
from django.db import DatabaseError, IntegrityError, connection, models, transaction

from lib import events
from lib.cachetags import EVERYTHING, invalidate
from likes.models import Like
from likes.services import recount_likes
from search.indexing import paused, rebuild

from .archive import Archive, media_storage, safe_media_name
from .kinds import FormatError, Lookups, decoder, exported_models, label_of

_BATCH = 500

type Say = Callable[[str], None]


@dataclass
class Result:
    network: str
    counts: dict[str, int] = field(default_factory=dict)
    media: int = 0
    dry_run: bool = False


class NotEmpty(Exception):
    """The install already holds a network: an export goes only into an empty one."""


def _nothing(message: str) -> None:
    return None


def rows_present() -> dict[str, int]:
    """The kinds that already have rows here, with how many (at most a few named)."""
    found = {}
    for model in exported_models():
        count = model._base_manager.count()
        if count:
            found[label_of(model)] = count
    return found


def check(archive: Archive, say: Say = _nothing) -> dict[str, int]:
    """The whole archive checked; returns the records per kind. Raises FormatError."""
    if archive.manifest.scope != "network":
        raise FormatError(
            "this archive holds one member's own data, not a whole network: it cannot be imported"
        )
    known = {label_of(m) for m in exported_models()}
    unknown = sorted(set(archive.kinds()) - known)
    if unknown:
        raise FormatError(
            f"the archive holds kinds this Anjuman does not know ({', '.join(unknown)}): "
            "it was made by a newer version"
        )
    say("Checking every file's checksum…")
    archive.check_sums()
    counts = {}
    say("Checking every record against its schema…")
    for model in exported_models():
        counts[label_of(model)] = archive.check_schema(model)
    return counts


def import_network(path: Path, *, dry_run: bool = False, say: Say = _nothing) -> Result:
    if not dry_run:
        present = rows_present()
        if present:
            named = ", ".join(f"{label} ({n})" for label, n in list(present.items())[:5])
            raise NotEmpty(
                "this install already has a network (rows in "
                f"{named}): import_network fills only an empty one — run it on a fresh "
                "database after `manage.py migrate`"
            )
    with Archive(path) as archive:
        result = Result(network=archive.manifest.network, dry_run=dry_run)
        result.counts = check(archive, say)
        result.media = len(archive.media())
        if dry_run:
            return result
        _load(archive, say)
    say("Rebuilding the search index…")
    invalidate(EVERYTHING)
    rebuild()
    return result


def _load(archive: Archive, say: Say) -> None:
    storage = media_storage()
    copied: list[str] = []
    try:
        with events.muted(), paused(), transaction.atomic():
            lookups = Lookups()
            loaded: list[type[models.Model]] = []
            for model in exported_models():
                label = label_of(model)
                decode = decoder(model, lookups)
                batch: list[models.Model] = []
                count = 0
                for count, record in enumerate(archive.records(label), 1):
                    try:
                        batch.append(decode(record))
                    except FormatError as error:
                        raise FormatError(f"data/{label}.json, record {count}: {error}") from error
                    if len(batch) >= _BATCH:
                        _write(model, batch)
                        batch = []
                _write(model, batch)
                loaded.append(model)
                if count:
                    say(f"{label}: {count}")
            _check_references()
            _reset_sequences(loaded)
            for content_type in Like.objects.values_list("content_type", flat=True).distinct():
                recount_likes(ContentType.objects.get_for_id(content_type))
            for name in archive.media():
                target = safe_media_name(name)
                if storage.exists(target):
                    storage.delete(target)
                with archive.open(name) as source:
                    saved = storage.save(target, File(source, name=target))
                copied.append(saved)
                if saved != target:
                    raise FormatError(f"{name} could not be stored under its own name")
            say(f"media: {len(copied)} files")
    except BaseException:
        for name in copied:
            storage.delete(name)
        raise


def _write(model: type[models.Model], batch: list[models.Model]) -> None:
    if not batch:
        return
    try:
        with transaction.atomic():
            model._base_manager.bulk_create(batch)
    except (IntegrityError, DatabaseError) as error:
        raise FormatError(f"data/{label_of(model)}.json: its rows conflict ({error})") from error


def _check_references() -> None:
    """Every foreign key points at a row that came in (checked now rather than at commit)."""
    try:
        connection.check_constraints()
    except IntegrityError as error:
        raise FormatError(f"the archive's rows point at rows it does not hold ({error})") from error


def _reset_sequences(loaded: list[type[models.Model]]) -> None:
    statements: list[Any] = connection.ops.sequence_reset_sql(no_style(), loaded)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
