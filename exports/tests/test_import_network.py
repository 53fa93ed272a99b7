"""`manage.py import_network`: into an empty install only, ids kept (and the database's next ids
after them), nothing told while loading; a damaged archive is refused with a clear message and
leaves nothing behind."""

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, make_post, png_upload
from exports.restore import rows_present
from likes.models import LikeCount
from likes.services import like
from members.models import Member
from members.services import set_photo
from notifications.models import Notification
from search.models import Entry

from .helpers import contents, differences

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EXPORTS_DIR = str(tmp_path / "exports")
    return Path(settings.MEDIA_ROOT)


def files_in(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def archive(network, creator, member, other_member, media, tmp_path):
    set_photo(member, png_upload(64, 48))
    post = make_post(member, title="Reunion in Lahore", tags=["lahore"])
    add_comment(post, other_member, "I was there too!")
    like(post, other_member)
    make_post(other_member, title="Notes for next year", publish=False)
    path = tmp_path / "network.zip"
    call_command("export_network", str(path), stdout=io.StringIO())
    return path


def empty_install(media: Path) -> None:
    """As after `migrate` on a new database: no rows, no files (content types and permissions
    made again by `flush`, possibly with other ids)."""
    call_command("flush", "--noinput", verbosity=0)
    shutil.rmtree(media, ignore_errors=True)
    assert rows_present() == {}


def import_network(*args: str) -> str:
    out = io.StringIO()
    call_command("import_network", *args, stdout=out)
    return out.getvalue()


def test_it_brings_everything_back_with_its_ids(archive, media, tmp_path):
    before_files = files_in(media)
    empty_install(media)
    mail.outbox.clear()

    out = import_network(str(archive))

    assert "Imported “Riverbend Alumni”" in out
    again = tmp_path / "again.zip"
    call_command("export_network", str(again), stdout=io.StringIO())
    assert differences(contents(archive)[1], contents(again)[1]) == []
    assert files_in(media) == before_files
    # Nothing was told of what came in: no notification, no email.
    assert not mail.outbox
    assert (
        Notification.objects.count() == contents(archive)[1]["notifications.notification"].__len__()
    )
    # Derived rows are made again: the likes counted, the search index rebuilt.
    post = Post.objects.get(title="Reunion in Lahore")
    assert LikeCount.objects.get(object_id=post.pk, content_type__model="post").count == 1
    assert Entry.objects.filter(kind="post", object_id=post.pk).exists()
    # The members sign in with their passwords, and the site serves the post with its comment.
    member = Member.objects.get(email="bilal@example.org")
    assert Client().login(email="bilal@example.org", password="a long test password")
    page = client_for(member).get(post.get_absolute_url())
    assert "I was there too!" in page.text
    # New rows take ids after the imported ones (PostgreSQL's sequences were moved on).
    late = make_member("Late Joiner", "late@example.org")
    assert late.pk > max(Member.objects.exclude(pk=late.pk).values_list("pk", flat=True))
    comment = add_comment(post, late, "Me too, next time.")
    assert comment.pk > Comment.objects.exclude(pk=comment.pk).order_by("-pk")[0].pk


def test_it_refuses_an_install_that_already_has_a_network(archive, media):
    before = Member.objects.count()
    with pytest.raises(CommandError, match="already has a network"):
        import_network(str(archive))
    assert Member.objects.count() == before


def test_a_dry_run_checks_and_writes_nothing(archive, media):
    empty_install(media)
    out = import_network("--dry-run", str(archive))
    assert "is sound" in out
    assert "Nothing was written" in out
    assert rows_present() == {}
    assert files_in(media) == {}


def rewritten(
    archive: Path, target: Path, change: Callable[[str, bytes], bytes | None], *, manifest=True
) -> Path:
    """A copy of the archive with each file passed through `change` (None leaves it out); the
    manifest keeps its sums unless `manifest` is false."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            changed = data if name == "manifest.json" and manifest else change(name, data)
            if changed is not None:
                out.writestr(name, changed)
    return target


def _resummed(archive: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Changed, and the manifest's sums made to match: only the schema or the rows can tell."""
    import hashlib

    rewritten(archive, target, change)
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        others = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in others.items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", json.dumps(manifest))
    return target


def _records(data: bytes, edit: Callable[[list[dict[str, Any]]], None]) -> bytes:
    rows = json.loads(data)
    edit(rows)
    return json.dumps(rows).encode()


def _first_post_says(field: str, value: object) -> Callable[[str, bytes], bytes | None]:
    def change(name: str, data: bytes) -> bytes | None:
        if name != "data/blogs.post.json":
            return data
        return _records(data, lambda rows: rows[0].__setitem__(field, value))

    return change


DAMAGED = {
    "not a zip": (lambda a, t: t.write_bytes(b"PK but not really") and t, "not a readable zip"),
    "missing file": (
        lambda a, t: rewritten(a, t, lambda n, d: None if n == "data/comments.comment.json" else d),
        "missing data/comments.comment.json",
    ),
    "bad checksum": (
        lambda a, t: rewritten(
            a, t, lambda n, d: d.replace(b"I was there", b"I was never") if "comment" in n else d
        ),
        "comments.comment.json is damaged: its checksum",
    ),
    "changed media file": (
        lambda a, t: rewritten(a, t, lambda n, d: d[:-1] + b"!" if n.startswith("media/") else d),
        "is damaged",
    ),
    "bad JSON later in a file": (
        lambda a, t: _resummed(
            a,
            t,
            lambda n, d: d.replace(b"\n]", b",\n{oops\n]") if n == "data/blogs.post.json" else d,
        ),
        "blogs.post.json, record 3: not JSON",
    ),
    "bad JSON": (
        lambda a, t: _resummed(
            a, t, lambda n, d: d.replace(b"},", b"},,", 1) if n == "data/blogs.post.json" else d
        ),
        "blogs.post.json is not JSON",
    ),
    "no manifest": (
        lambda a, t: rewritten(
            a, t, lambda n, d: None if n == "manifest.json" else d, manifest=False
        ),
        "no manifest.json",
    ),
    "wrong type": (
        lambda a, t: _resummed(a, t, _first_post_says("comment_count", "many")),
        "blogs.post.json, record 1: comment_count: 'many' is not integer",
    ),
    "unknown field": (
        lambda a, t: _resummed(a, t, _first_post_says("mood", "happy")),
        "unknown fields mood",
    ),
    "dangling reference": (
        lambda a, t: _resummed(a, t, _first_post_says("author_id", 99999)),
        "point at rows it does not hold",
    ),
    "unsafe media name": (
        lambda a, t: _with_extra(a, t, "media/../escaped.txt"),
        "unsafe name",
    ),
}


def _with_extra(archive: Path, target: Path, name: str) -> Path:
    import hashlib

    rewritten(archive, target, lambda n, d: d)
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        others = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    others[name] = b"x"
    manifest["files"].append({"path": name, "size": 1, "sha256": hashlib.sha256(b"x").hexdigest()})
    with zipfile.ZipFile(target, "w") as zf:
        for entry, data in others.items():
            zf.writestr(entry, data)
        zf.writestr("manifest.json", json.dumps(manifest))
    return target


@pytest.mark.parametrize("case", DAMAGED)
def test_a_damaged_archive_is_refused_and_nothing_is_written(archive, media, tmp_path, case):
    make, message = DAMAGED[case]
    bad = make(archive, tmp_path / "bad.zip")
    empty_install(media)
    with pytest.raises(CommandError, match=message):
        import_network(str(bad))
    assert rows_present() == {}
    assert files_in(media) == {}
    assert not (tmp_path / "escaped.txt").exists()


def test_a_members_own_archive_is_not_a_network(archive, member, media, tmp_path):
    from exports.services import export_member

    mine = tmp_path / "mine.zip"
    export_member(member, mine)
    empty_install(media)
    with pytest.raises(CommandError, match="one member's own data"):
        import_network(str(mine))
    assert rows_present() == {}


def test_json_written_by_another_program_is_read_too(archive, media, tmp_path):
    """Any JSON array will do (here indented, keys in another order), not only one record a
    line as exports write them."""

    def pretty(name: str, data: bytes) -> bytes:
        if not name.startswith("data/"):
            return data
        rows = [dict(reversed(list(r.items()))) for r in json.loads(data)]
        return json.dumps(rows, indent=2).encode()

    other = _resummed(archive, tmp_path / "pretty.zip", pretty)
    empty_install(media)
    import_network(str(other))
    assert Post.objects.filter(title="Reunion in Lahore").exists()
    assert Comment.objects.get().body == "I was there too!"
