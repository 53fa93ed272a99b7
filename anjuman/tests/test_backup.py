"""`manage.py backup` and `manage.py restore` (anjuman/backup.py), on a real database file or
server: the round trip, a backup under concurrent writes, and every refusal."""

import io
import json
import sqlite3
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from anjuman import backup as backups
from blogs.models import Post
from blogs.services import delete_post, save_post
from comments.services import add_comment
from conftest import make_member, make_post, png_upload
from members.models import Member
from members.services import set_photo

pytestmark = pytest.mark.django_db(transaction=True)

ENGINE = {"sqlite": "sqlite", "postgresql": "postgresql"}.get(connection.vendor, connection.vendor)
only_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite only: this run's database is not SQLite"
)
only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only: this run's database is not PostgreSQL (DATABASE_URL=postgres://…, "
    "as the second pass of scripts/test.sh)",
)


def backup(*args: str) -> str:
    out = io.StringIO()
    call_command("backup", *args, stdout=out)
    return out.getvalue()


def restore(*args: str) -> str:
    out = io.StringIO()
    call_command("restore", *args, stdout=out)
    return out.getvalue()


def state() -> dict[str, list[dict[str, object]]]:
    """Every row of Anjuman's own tables, and the migrations applied."""
    rows: dict[str, list[dict[str, object]]] = {
        model._meta.label_lower: list(model._default_manager.order_by("pk").values())
        for model in backups._project_models()
    }
    rows["migrations"] = [
        {"app": app, "name": name}
        for app, name in sorted(MigrationRecorder(connection).applied_migrations())
    ]
    return rows


def files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PAGE_CACHE_DIR = str(tmp_path / "pages")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def content(network, creator, member, other_member, media):
    set_photo(member, png_upload(320, 240))
    post = make_post(member, title="Reunion in Lahore", tags=["lahore"])
    add_comment(post, other_member, "I was there too!")
    add_comment(post, creator, "What an evening.")
    make_post(other_member, title="Notes for next year", publish=False)
    return post


@pytest.fixture
def archive(content, tmp_path):
    path = tmp_path / "backups" / "network.tar.gz"
    backup(str(path))
    return path


# --- The round trip -------------------------------------------------------------------------


def round_trip(tmp_path: Path, media: Path, post: Post, member: Member) -> None:
    visitor = Client()
    url = post.get_absolute_url()
    assert "Reunion in Lahore" in visitor.get(url).text
    before, media_before = state(), files(media)
    assert len(media_before) == 2  # the photo and its thumbnail
    assert len(before["comments.comment"]) == 2

    path = tmp_path / "network.tar.gz"
    out = backup(str(path))
    assert "2 comments" in out
    assert "Media: 2 files" in out

    # Changed, added, deleted: data and files.
    save_post(post, by=member, title="Renamed", body="Other.", tags=[], links=[], publish=True)
    renamed_url = post.get_absolute_url()
    assert "Renamed" in visitor.get(renamed_url).text
    assert visitor.get(renamed_url)["X-Cache"] == "hit"
    Member.objects.filter(pk=member.pk).update(display_name="Somebody Else")
    make_member("Late Joiner", "late@example.org")
    delete_post(Post.objects.get(title="Notes for next year"))
    Path(member.photo.path).unlink()
    (media / "stray.png").write_bytes(b"not in the backup")
    assert state() != before
    pages = tmp_path / "pages" / "current"
    assert any(p.is_file() for p in pages.rglob("*"))  # visitors' pages as files for nginx

    out = restore(str(path), "--force", "--noinput")

    assert "Restored the backup" in out
    assert state() == before
    assert files(media) == media_before
    # No page cached from the database as it was before the restore is served.
    assert not any(p.is_file() for p in pages.rglob("*"))
    for address in (url, renamed_url):
        page = visitor.get(address, follow=True)
        assert "Reunion in Lahore" in page.text
        assert "Renamed" not in page.text


@only_sqlite
def test_it_restores_everything_on_sqlite(content, member, media, tmp_path):
    assert Path(connection.settings_dict["NAME"]).is_file()  # a real file, not in memory
    round_trip(tmp_path, media, content, member)


@only_postgresql
def test_it_restores_everything_on_postgresql(content, member, media, tmp_path):
    round_trip(tmp_path, media, content, member)


def test_the_archive_holds_the_database_media_and_a_manifest(archive, media):
    assert archive.stat().st_mode & 0o777 == 0o600  # password hashes and emails inside
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert names[0] == backups.DATABASE_FILES[ENGINE]
    assert names[-1] == "manifest.json"
    assert sorted(n for n in names if n.startswith("media/")) == sorted(
        f"media/{name}" for name in files(media)
    )
    assert manifest["format"] == "anjuman-backup"
    assert manifest["engine"] == ENGINE
    assert manifest["counts"]["blogs.post"] == 2
    assert manifest["counts"]["comments.comment"] == 2
    assert manifest["counts"]["members.member"] == 3
    assert manifest["media_included"] is True
    assert manifest["media_files"] == 2
    assert ["blogs", "0001_initial"] in manifest["migrations"]
    assert set(manifest["sha256"]) == set(names) - {"manifest.json"}


def test_it_names_the_archive_by_date_in_a_folder_and_keeps_the_newest(content, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "anjuman-20200101-000000.tar.gz"
    old.write_bytes(b"old")
    other = folder / "notes.txt"
    other.write_text("mine")
    out = backup(str(folder), "--keep", "1")
    made = list(folder.glob("anjuman-2*.tar.gz"))
    assert len(made) == 1
    assert made[0] != old
    assert not old.exists()
    assert other.exists()
    assert "Removed the older backup" in out


def test_it_restores_into_an_empty_database_without_force(archive, media):
    before, media_before = state(), files(media)
    call_command("flush", interactive=False, verbosity=0)
    assert not backups.database_has_content()
    restore(str(archive), "--noinput")
    assert state() == before
    assert files(media) == media_before


def test_it_applies_the_migrations_a_backup_predates(content, tmp_path):
    call_command("migrate", "sessions", "zero", verbosity=0)
    path = tmp_path / "older.tar.gz"
    backup(str(path))
    call_command("migrate", verbosity=0)
    out = restore(str(path), "--force", "--noinput")
    assert "applied" in out
    assert ("sessions", "0001_initial") in MigrationRecorder(connection).applied_migrations()
    Client().force_login(content.author)  # the sessions table is back


# --- A backup while the server writes ---------------------------------------------------------

WRITER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
print("ready", flush=True)
end, n = time.monotonic() + float(sys.argv[2]), 0
while time.monotonic() < end:
    db.execute("BEGIN IMMEDIATE")
    for _ in range(2):
        db.execute("INSERT INTO backup_probe (pair, filler) VALUES (?, randomblob(4000))", (n,))
    db.execute("COMMIT")
    n += 1
print(n, flush=True)
"""


@only_sqlite
@pytest.mark.processes
def test_a_backup_taken_while_another_process_writes_is_consistent(content, tmp_path):
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, pair INTEGER, filler BLOB)"
        )
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, name, "4"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        seen = []
        for i in range(3):
            time.sleep(0.3)
            path = tmp_path / f"during-{i}.tar.gz"
            backup(str(path))
            with tarfile.open(path) as tar:
                tar.extract("database.sqlite3", tmp_path / str(i), filter="data")
            copy = sqlite3.connect(tmp_path / str(i) / "database.sqlite3")
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            # The writer adds rows two at a time in one transaction: never half of a pair.
            assert not copy.execute(
                "SELECT pair FROM backup_probe GROUP BY pair HAVING COUNT(*) != 2"
            ).fetchall()
            seen.append(copy.execute("SELECT COUNT(*) FROM backup_probe").fetchone()[0])
            copy.close()
        assert writer.wait(timeout=30) == 0
        written = int(writer.stdout.readline())
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE backup_probe")
    assert written > 0
    assert seen == sorted(seen)
    assert seen[-1] > seen[0]  # the backups were taken while rows kept coming


# --- Refusals ---------------------------------------------------------------------------------


def test_it_refuses_to_overwrite_a_network_without_force(archive, media, member):
    Member.objects.filter(pk=member.pk).update(display_name="Changed Since")
    before, media_before = state(), files(media)
    with pytest.raises(CommandError, match="--force"):
        restore(str(archive), "--noinput")
    assert state() == before
    assert files(media) == media_before


def test_it_asks_before_restoring(archive, media, member, monkeypatch):
    Member.objects.filter(pk=member.pk).update(display_name="Changed Since")
    before = state()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        restore(str(archive), "--force")
    assert state() == before

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    restore(str(archive), "--force")
    assert Member.objects.get(pk=member.pk).display_name == "Bilal Ahmed"


def rewritten(
    source: Path, target: Path, change: Callable[[str, bytes], bytes | None], extra=()
) -> Path:
    """A copy of the archive at `source` with each file's content passed through `change`
    (None leaves the file out) and `extra` (name, content) files added before the manifest."""
    with tarfile.open(source) as tar, tarfile.open(target, "w:gz") as out:
        for member in tar.getmembers():
            if member.name == "manifest.json":
                for name, data in extra:
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    out.addfile(info, io.BytesIO(data))
            data = tar.extractfile(member).read()  # type: ignore[union-attr]
            changed = change(member.name, data)
            if changed is not None:
                info = tarfile.TarInfo(member.name)
                info.size = len(changed)
                out.addfile(info, io.BytesIO(changed))
    return target


def with_manifest(**changes):
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        for key, value in changes.items():
            manifest[key] = value(manifest[key]) if callable(value) else value
        return json.dumps(manifest).encode()

    return change


def flip_byte(name: str, data: bytes) -> bytes:
    if not name.startswith("media/"):
        return data
    return data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]


def not_gzip(path: Path, target: Path) -> Path:
    target.write_text("hello")
    return target


def truncated(path: Path, target: Path) -> Path:
    target.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return target


def corrupted(path: Path, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 64):
        data[i] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


OTHER_ENGINE = "postgresql" if ENGINE == "sqlite" else "sqlite"

DAMAGED = {
    "missing": (lambda a, t: t / "nowhere.tar.gz", "does not exist"),
    "not gzip": (lambda a, t: not_gzip(a, t / "x.tar.gz"), "readable"),
    "truncated": (lambda a, t: truncated(a, t / "half.tar.gz"), "readable"),
    "corrupt bytes": (lambda a, t: corrupted(a, t / "bad.tar.gz"), "readable"),
    "changed media file": (
        lambda a, t: rewritten(a, t / "m.tar.gz", flip_byte),
        "damaged: media/",
    ),
    "no manifest": (
        lambda a, t: rewritten(a, t / "n.tar.gz", lambda n, d: None if n == "manifest.json" else d),
        "no manifest",
    ),
    "other engine": (
        lambda a, t: rewritten(a, t / "e.tar.gz", with_manifest(engine=OTHER_ENGINE)),
        "this Anjuman uses",
    ),
    "newer release": (
        lambda a, t: rewritten(
            a,
            t / "v.tar.gz",
            with_manifest(migrations=lambda m: [*m, ["blogs", "9999_from_the_future"]]),
        ),
        "newer version of Anjuman",
    ),
    "unsafe name": (
        lambda a, t: rewritten(
            a, t / "u.tar.gz", lambda n, d: d, extra=[("media/../../escaped.txt", b"x")]
        ),
        "unsafe name",
    ),
    "unknown file": (
        lambda a, t: rewritten(a, t / "k.tar.gz", lambda n, d: d, extra=[("run.sh", b"x")]),
        "did not write",
    ),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_it_refuses_a_damaged_or_foreign_archive_and_changes_nothing(
    archive, media, member, tmp_path, case
):
    make, message = DAMAGED[case]
    bad = make(archive, tmp_path)
    Member.objects.filter(pk=member.pk).update(display_name="Changed Since")
    (media / "new.txt").write_text("uploaded since")
    before, media_before = state(), files(media)
    with pytest.raises(CommandError, match=message):
        restore(str(bad), "--force", "--noinput")
    assert state() == before
    assert files(media) == media_before
    assert not (tmp_path / "escaped.txt").exists()
    assert not list(media.parent.glob(".anjuman-*"))  # no staging left behind


def test_it_refuses_an_engine_it_cannot_back_up(content, tmp_path, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "ENGINE", "django.db.backends.mysql")
    with pytest.raises(CommandError, match="SQLite and PostgreSQL"):
        backup(str(tmp_path / "b.tar.gz"))
    assert not list(tmp_path.rglob("*.tar.gz*"))


# --- Media in S3 --------------------------------------------------------------------------------


@pytest.fixture
def s3_storage(settings):
    # Only the settings: neither backup nor restore talks to the bucket.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "anjuman-media", "endpoint_url": "http://127.0.0.1:9"},
        },
    }


def test_with_s3_media_the_archive_says_media_stay_in_the_bucket(network, s3_storage, tmp_path):
    path = tmp_path / "b.tar.gz"
    out = backup(str(path))
    assert "bucket 'anjuman-media'" in out
    assert "not in this archive" in out
    with tarfile.open(path) as tar:
        assert not [n for n in tar.getnames() if n.startswith("media/")]
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["media_included"] is False
    assert "anjuman-media" in manifest["media_note"]


def test_restoring_into_s3_media_leaves_the_bucket_alone(archive, s3_storage):
    out = restore(str(archive), "--force", "--noinput")
    assert "were not copied" in out


# --- PostgreSQL's programs --------------------------------------------------------------------


def test_the_postgresql_password_goes_through_the_environment_only():
    args, env = backups.pg_connection(
        {
            "NAME": "anjuman",
            "USER": "anjuman",
            "PASSWORD": "s3cret-pw",
            "HOST": "db.example.org",
            "PORT": "5433",
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert not any("s3cret-pw" in arg for arg in args)
    assert env["PGPASSWORD"] == "s3cret-pw"
    assert env["PGSSLMODE"] == "require"
    assert args == ["-U", "anjuman", "-h", "db.example.org", "-p", "5433", "anjuman"]


@only_postgresql
def test_the_postgresql_programs_are_found():
    for name in ("pg_dump", "pg_restore", "psql"):
        assert Path(backups.pg_program(name)).is_file()
