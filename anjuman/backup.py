"""Backups of a whole network in one file: the database and the uploaded media.

An archive is a gzip-compressed tar file (`anjuman-YYYYMMDD-HHMMSS.tar.gz`) holding

- `database.sqlite3` (SQLite: a copy made with SQLite's online backup API, in one read
  transaction, so it is consistent even while the server writes) or `database.pgdump`
  (PostgreSQL: `pg_dump --format=custom`, from the same snapshot as the manifest's counts);
- `media/…`: every file under MEDIA_ROOT — unless uploads are kept in S3-compatible storage,
  where they stay in the bucket and are not copied (the manifest says so);
- `manifest.json`, written last: format, engine, date, the migrations applied, row counts per
  model, the number and size of media files, and the SHA-256 of every other file.

Restoring first reads the whole archive into a staging folder and checks it (hashes, engine,
migrations the code knows, `PRAGMA integrity_check` / `pg_restore --list`); only then is the
database replaced (SQLite: the backup API again, into the live file; PostgreSQL: dropping the
tables and loading the dump in one transaction) and the media swapped in. It ends by applying the
migrations the backup predates and invalidating every cached page.
"""

import contextlib
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from lib.cachetags import EVERYTHING, invalidate

FORMAT = "anjuman-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINES = {
    "django.db.backends.sqlite3": "sqlite",
    "django.db.backends.postgresql": "postgresql",
}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
ARCHIVE_PREFIX = "anjuman-"
ARCHIVE_SUFFIX = ".tar.gz"
_CHUNK = 1024 * 1024
_MANIFEST_MAX_BYTES = 10 * 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass
class Manifest:
    engine: str
    created_at: str
    migrations: list[tuple[str, str]]
    counts: dict[str, int]
    media_included: bool
    media_note: str
    media_files: int = 0
    media_bytes: int = 0
    sha256: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        try:
            raw = json.loads(data)
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise BackupError("this is not an Anjuman backup (its manifest is not ours)")
            if raw.get("format_version") != FORMAT_VERSION:
                raise BackupError(
                    f"this backup has format version {raw.get('format_version')!r}; this "
                    f"Anjuman reads version {FORMAT_VERSION}"
                )
            raw["migrations"] = [(str(app), str(name)) for app, name in raw["migrations"]]
            return cls(**raw)
        except (ValueError, TypeError, KeyError) as error:
            raise BackupError(f"the archive's manifest is damaged ({error})") from error


@dataclass
class StagedBackup:
    """An archive read and checked, waiting in a staging folder to be put in place."""

    manifest: Manifest
    database: Path
    media: Path | None


@dataclass
class RestoreResult:
    manifest: Manifest
    migrations_applied: int
    media_restored: bool


# --- Where things are -----------------------------------------------------------------------


def _settings_dict() -> dict[str, Any]:
    return dict(connections[DEFAULT_DB_ALIAS].settings_dict)


def engine() -> str:
    """ "sqlite" or "postgresql": the engines backups know."""
    name = _settings_dict()["ENGINE"]
    if name not in ENGINES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {name}")
    return ENGINES[name]


def media_root() -> Path | None:
    """MEDIA_ROOT when uploads are files on this machine; None when they are in a bucket."""
    storage = storages["default"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def media_elsewhere_note() -> str:
    storage = storages["default"]
    bucket = getattr(storage, "bucket_name", "") or ""
    where = f"the bucket {bucket!r}" if bucket else f"{type(storage).__name__} storage"
    return (
        f"Uploaded media are in {where}, not on this machine: they are not in this archive. "
        "Back the bucket up with the object store's own tools (versioning, replication, "
        "`aws s3 sync`)."
    )


def default_archive_name(now: dt.datetime | None = None) -> str:
    moment = (now or timezone.now()).astimezone(dt.UTC)
    return f"{ARCHIVE_PREFIX}{moment:%Y%m%d-%H%M%S}{ARCHIVE_SUFFIX}"


def default_directory() -> Path:
    return Path(settings.DATA_DIR) / "backups"


def _project_models() -> list[type[models.Model]]:
    """The models of Anjuman's own apps (not Django's or third parties')."""
    base = Path(settings.BASE_DIR).resolve()
    found: list[type[models.Model]] = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and "site-packages" not in path.parts:
            found.extend(m for m in config.get_models() if not m._meta.proxy)
    return sorted(found, key=lambda m: m._meta.label_lower)


def _count_sql(model: type[models.Model], quote: Any) -> str:
    return f"SELECT COUNT(*) FROM {quote(model._meta.db_table)}"  # noqa: S608 (quoted name)


def database_has_content() -> bool:
    """Whether the database holds anything of a network (rows in any of Anjuman's tables)."""
    connection = connections[DEFAULT_DB_ALIAS]
    tables = set(connection.introspection.table_names())
    return any(
        model._default_manager.using(DEFAULT_DB_ALIAS).exists()
        for model in _project_models()
        if model._meta.db_table in tables
    )


def disk_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


# --- Backing up -----------------------------------------------------------------------------


def create_backup(destination: Path) -> tuple[Path, Manifest]:
    """Writes an archive to `destination` (a file, or a folder for a dated name in it)."""
    kind = engine()
    if destination.is_dir() or not destination.name.endswith(ARCHIVE_SUFFIX):
        destination.mkdir(parents=True, exist_ok=True)
        destination = destination / default_archive_name()
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".anjuman-backup-", dir=destination.parent) as work:
        database = Path(work) / DATABASE_FILES[kind]
        if kind == "sqlite":
            migrations, counts = _sqlite_snapshot(database)
        else:
            migrations, counts = _postgresql_dump(database)
        root = media_root()
        manifest = Manifest(
            engine=kind,
            created_at=timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
            migrations=migrations,
            counts=counts,
            media_included=root is not None,
            media_note="" if root is not None else media_elsewhere_note(),
        )
        partial = destination.with_name(f".{destination.name}.partial")
        # The archive holds password hashes and email addresses: readable by its owner only.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw:
                with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                    manifest.sha256[database.name] = _add_file(tar, database, database.name)
                    if root is not None:
                        _add_media(tar, root, manifest)
                    _add_bytes(tar, MANIFEST, manifest.to_json())
                raw.flush()
                os.fsync(raw.fileno())
            partial.replace(destination)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return destination, manifest


def _sqlite_snapshot(target: Path) -> tuple[list[tuple[str, str]], dict[str, int]]:
    name = str(_settings_dict()["NAME"])
    if not Path(name).is_file():
        raise BackupError(f"there is no SQLite database at {name}")
    source = sqlite3.connect(name, timeout=60)
    copy = sqlite3.connect(target)
    try:
        # One step (pages=-1): the whole copy is made inside one read transaction, so it is the
        # database as of one moment however much the server writes meanwhile (WAL mode).
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        _check_sqlite(copy, "the copy")
        return _sqlite_state(copy)
    except sqlite3.Error as error:
        raise BackupError(f"could not copy the SQLite database {name}: {error}") from error
    finally:
        copy.close()
        source.close()


def _check_sqlite(db: sqlite3.Connection, what: str) -> None:
    result = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise BackupError(f"{what} fails SQLite's integrity check: {'; '.join(result[:5])}")


def _sqlite_state(db: sqlite3.Connection) -> tuple[list[tuple[str, str]], dict[str, int]]:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    migrations: list[tuple[str, str]] = []
    if "django_migrations" in tables:
        migrations = sorted(db.execute("SELECT app, name FROM django_migrations"))
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    counts = {
        model._meta.label_lower: int(db.execute(_count_sql(model, quote)).fetchone()[0])
        for model in _project_models()
        if model._meta.db_table in tables
    }
    return migrations, counts


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> str:
    with path.open("rb") as source:
        return _add_stream(tar, source, name)[0]


def _add_stream(tar: tarfile.TarFile, source: IO[bytes], name: str) -> tuple[str, int]:
    """Adds what `source` gives as the file `name`: its SHA-256 and size."""
    # Through a spool: a file that changes while it is read still goes in whole, with the
    # size and hash of what was read.
    digest = hashlib.sha256()
    with tempfile.SpooledTemporaryFile(max_size=8 * _CHUNK) as spool:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            spool.write(chunk)
        info = tarfile.TarInfo(name)
        info.size = spool.tell()
        info.mode = 0o600
        info.mtime = int(timezone.now().timestamp())
        spool.seek(0)
        tar.addfile(info, spool)
    return digest.hexdigest(), info.size


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    _add_stream(tar, io.BytesIO(data), name)


def _add_media(tar: tarfile.TarFile, root: Path, manifest: Manifest) -> None:
    if not root.is_dir():
        return
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(folder, filename)
            if not path.is_file() or path.is_symlink():
                continue
            name = f"{MEDIA}/{path.relative_to(root).as_posix()}"
            try:
                with path.open("rb") as source:
                    manifest.sha256[name], size = _add_stream(tar, source, name)
            except FileNotFoundError:
                continue  # removed since the listing (a replaced photo): not part of the state
            manifest.media_files += 1
            manifest.media_bytes += size


# --- PostgreSQL -------------------------------------------------------------------------------


def pg_program(name: str) -> str:
    """The newest installed PostgreSQL client program `name` (as scripts/pg.sh finds them)."""
    found = [p for p in Path("/usr/lib/postgresql").glob(f"*/bin/{name}") if p.is_file()]
    found.sort(key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if found:
        return str(found[-1])
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise BackupError(
        f"{name} is not installed: install PostgreSQL's client programs "
        "(Debian: apt-get install postgresql-client)"
    )


def pg_connection(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump / psql (user, host, port, database) and the
    environment (PGPASSWORD and the SSL options): the password never on a command line."""
    args, env = DatabaseClient.settings_to_cmd_args_env(
        {"OPTIONS": {}, **settings_dict}, parameters=[]
    )
    return list(args[1:]), {**os.environ, **(env or {})}


def _run(command: list[str], env: dict[str, str] | None = None, **kwargs: Any) -> str:
    # The programs are PostgreSQL's, found by absolute path; the arguments are ours (no shell).
    result = subprocess.run(  # noqa: S603
        command, env=env, capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode != 0:
        raise BackupError(
            f"{Path(command[0]).name} failed: {result.stderr.strip() or result.stdout.strip()}"
        )
    return str(result.stdout)


def _postgresql_dump(target: Path) -> tuple[list[tuple[str, str]], dict[str, int]]:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block:
        raise BackupError("a backup cannot be taken inside a transaction")
    args, env = pg_connection(connection.settings_dict)
    program = pg_program("pg_dump")
    with transaction.atomic(using=DEFAULT_DB_ALIAS), connection.cursor() as cursor:
        # The counts, the migrations and pg_dump all read the same snapshot.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = str(cursor.fetchone()[0])
        tables = set(connection.introspection.table_names(cursor))
        migrations = []
        if "django_migrations" in tables:
            cursor.execute("SELECT app, name FROM django_migrations")
            migrations = sorted((str(app), str(name)) for app, name in cursor.fetchall())
        counts = {}
        for model in _project_models():
            if model._meta.db_table in tables:
                cursor.execute(_count_sql(model, connection.ops.quote_name))
                counts[model._meta.label_lower] = int(cursor.fetchone()[0])
        _run(
            [program, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", *args],
            env=env,
        )
    return migrations, counts


def _postgresql_restore(dump: Path) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    args, env = pg_connection(connection.settings_dict)
    with connection.cursor() as cursor:
        found = connection.introspection.get_table_list(cursor)
    quote = connection.ops.quote_name
    views = [quote(t.name) for t in found if t.type == "v"]
    tables = [quote(t.name) for t in found if t.type != "v"]
    drop = ""
    if views:
        drop += f"DROP VIEW IF EXISTS {', '.join(views)} CASCADE;"
    if tables:
        drop += f"DROP TABLE IF EXISTS {', '.join(tables)} CASCADE;"
    connections.close_all()
    # The tables of the database as it is are dropped and the dump loaded in one transaction:
    # a failure anywhere leaves the database as it was.
    psql = [pg_program("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"]
    if drop:
        psql += ["-c", drop]
    psql += ["-f", "-", *args]
    script = subprocess.Popen(  # noqa: S603 (see _run)
        [pg_program("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert script.stdout is not None
    try:
        _run(psql, env=env, stdin=script.stdout)
    finally:
        script.stdout.close()
        script.wait()
    if script.returncode != 0:
        assert script.stderr is not None
        raise BackupError(f"pg_restore failed: {script.stderr.read().decode().strip()}")


# --- Reading an archive ---------------------------------------------------------------------


@contextlib.contextmanager
def staging_area() -> Iterator[Path]:
    """A temporary folder beside MEDIA_ROOT (so that media move in by renaming)."""
    root = media_root()
    parent = root.parent if root is not None else None
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".anjuman-restore-", dir=parent) as folder:
        yield Path(folder)


def _safe_media_path(name: str) -> PurePosixPath:
    relative = PurePosixPath(name[len(MEDIA) + 1 :])
    if (
        not relative.parts
        or relative.is_absolute()
        or any(part in ("", ".", "..") or "\x00" in part for part in relative.parts)
    ):
        raise BackupError(f"the archive holds a file with an unsafe name: {name!r}")
    return relative


def read_backup(path: Path, staging: Path) -> StagedBackup:
    """Reads the archive at `path` into `staging` and checks all of it; changes nothing else."""
    if not path.exists():
        raise BackupError(f"{path} does not exist")
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    kind = engine()
    hashes: dict[str, str] = {}
    manifest_data: bytes | None = None
    database: Path | None = None
    media = staging / MEDIA
    try:
        # gzip (not tarfile's own "r|gz") checks the length and CRC at the end.
        with gzip.open(path, "rb") as raw, tarfile.open(fileobj=raw, mode="r|") as tar:
            for member in tar:
                name = member.name
                if member.isdir():
                    continue
                if not member.isfile():
                    raise BackupError(f"the archive holds something other than files: {name!r}")
                if name in hashes or (name == MANIFEST and manifest_data is not None):
                    raise BackupError(f"the archive holds {name!r} twice")
                source = tar.extractfile(member)
                assert source is not None
                if name == MANIFEST:
                    manifest_data = source.read(_MANIFEST_MAX_BYTES + 1)
                    if len(manifest_data) > _MANIFEST_MAX_BYTES:
                        raise BackupError("the archive's manifest is too large")
                    continue
                if name in DATABASE_FILES.values():
                    target = staging / name
                    database = target
                elif name.startswith(f"{MEDIA}/"):
                    target = media.joinpath(*_safe_media_path(name).parts)
                else:
                    raise BackupError(f"the archive holds a file Anjuman did not write: {name!r}")
                hashes[name] = _extract(source, target)
            # A damaged header ends tarfile's reading early, as if the archive ended there;
            # reading on to the end makes gzip check it.
            while raw.read(_CHUNK):
                pass
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(
            f"{path} is not a readable backup archive (damaged or incomplete?): {error}"
        ) from error
    if manifest_data is None:
        raise BackupError(
            f"{path} has no manifest: it is damaged, incomplete or not an Anjuman backup"
        )
    manifest = Manifest.from_json(manifest_data)
    if manifest.engine != kind:
        raise BackupError(
            f"this backup is of a {ENGINE_NAMES.get(manifest.engine, manifest.engine)} database; "
            f"this Anjuman uses {ENGINE_NAMES[kind]} (DATABASE_URL)"
        )
    if hashes != manifest.sha256:
        damaged = sorted(
            name
            for name in hashes.keys() | manifest.sha256.keys()
            if hashes.get(name) != manifest.sha256.get(name)
        )
        raise BackupError(f"the archive is damaged: {', '.join(damaged[:5])} do not match")
    if database is None or database.name != DATABASE_FILES[kind]:
        raise BackupError("the archive holds no database")
    unknown = set(manifest.migrations) - disk_migrations()
    if unknown:
        example = ", ".join(f"{app}.{name}" for app, name in sorted(unknown)[:3])
        raise BackupError(
            f"this backup comes from a newer version of Anjuman (migrations {example} are "
            "unknown here): upgrade this installation first"
        )
    if kind == "sqlite":
        db = sqlite3.connect(database)
        try:
            _check_sqlite(db, "the backup's database")
        except sqlite3.Error as error:
            raise BackupError(f"the backup's database cannot be read: {error}") from error
        finally:
            db.close()
    else:
        _run([pg_program("pg_restore"), "--list", str(database)])
    return StagedBackup(
        manifest=manifest, database=database, media=media if manifest.media_included else None
    )


def _extract(source: IO[bytes], target: Path) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with target.open("xb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


# --- Restoring --------------------------------------------------------------------------------


def restore_backup(staged: StagedBackup) -> RestoreResult:
    """Puts a checked backup in place: database, media, migrations, caches."""
    if staged.manifest.engine == "sqlite":
        _sqlite_restore(staged.database)
    else:
        _postgresql_restore(staged.database)
    root = media_root()
    media_restored = staged.media is not None and root is not None
    if staged.media is not None and root is not None:
        _replace_media(staged.media, root)
    before = len(MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations())
    # A backup from an older release gets the migrations that came since.
    call_command("migrate", interactive=False, verbosity=0)
    after = len(MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations())
    # Nothing cached from the database as it was may be served again: every cached thing
    # depends on EVERYTHING, and its change removes the page files for nginx too.
    invalidate(EVERYTHING)
    return RestoreResult(
        manifest=staged.manifest,
        migrations_applied=after - before,
        media_restored=media_restored,
    )


def _sqlite_restore(staged: Path) -> None:
    name = str(_settings_dict()["NAME"])
    connections.close_all()
    source = sqlite3.connect(staged)
    live = sqlite3.connect(name, timeout=60)
    try:
        # Through SQLite, not by replacing the file: other connections (a server still
        # running) see the restored database at once and the WAL stays consistent.
        source.backup(live)
        _check_sqlite(live, "the restored database")
    except sqlite3.Error as error:
        raise BackupError(f"could not write the SQLite database {name}: {error}") from error
    finally:
        live.close()
        source.close()


def _replace_media(staged: Path, root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    staged.mkdir(parents=True, exist_ok=True)
    old = Path(tempfile.mkdtemp(prefix=".anjuman-old-media-", dir=staged.parent))
    for child in root.iterdir():
        shutil.move(child, old / child.name)
    for child in staged.iterdir():
        shutil.move(child, root / child.name)
    shutil.rmtree(old, ignore_errors=True)


def prune(directory: Path, keep: int) -> list[Path]:
    """Removes all but the `keep` newest archives named like default_archive_name()."""
    archives = sorted(
        p
        for p in directory.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}")
        if p.is_file() and not p.name.startswith(".")
    )
    removed = archives[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
