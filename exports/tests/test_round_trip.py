"""The round trip: a network with every kind of content (the demo, and uploaded pictures)
exported; `migrate` and `import_network` into a fresh SQLite file in another process, with its
own media folder; that network exported again; the two archives the same record by record
(every kind, every field) and file by file, and a post of the restored network served with its
comments. On the PostgreSQL pass the first network lives in PostgreSQL."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]  # no stubs in the dev packages
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import escape

from blogs.models import Post
from comments.models import Comment
from conftest import png_upload
from exports.kinds import LEFT_OUT
from exports.schema import FOLDER
from members.models import Member
from members.services import set_photo

from .helpers import contents, differences

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")
# Settings a CI run may give this process that the fresh install must not share.
NOT_SHARED = ("DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "S3_BUCKET", "PAGE_CACHE_DIR")

SERVE = """
import os
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
response = Client().get(os.environ["EXPORTS_URL"], follow=True)
print("STATUS", response.status_code)
print(response.content.decode())
"""


def fresh_install(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_SHARED}
    env.update(
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{root / 'fresh.sqlite3'}",
        DATA_DIR=str(root),
        MEDIA_ROOT=str(root / "media"),
        TASKS_BACKEND="immediate",
        DJANGO_SETTINGS_MODULE="anjuman.settings",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, MANAGE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=settings.BASE_DIR,
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def validate(archive: Path) -> None:
    """Every data file against its committed JSON Schema (draft 2020-12)."""
    _manifest, records, _files = contents(archive)
    for label, rows in records.items():
        schema = json.loads((FOLDER / f"{label}.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        errors = list(validator.iter_errors(list(rows.values())))
        assert not errors, f"{label}: {errors[0].message} at {list(errors[0].absolute_path)}"


@pytest.mark.django_db(transaction=True)
def test_a_network_goes_out_and_comes_back_the_same(media, tmp_path):
    call_command("loaddemo", stdout=io.StringIO())
    member = Member.objects.filter(role=Member.Role.MEMBER, email_confirmed=True).first()
    set_photo(member, png_upload(320, 240, "portrait.png"))
    post = (
        Post.objects.published()
        .filter(hidden_at__isnull=True, comment_count__gt=0)
        .order_by("-published_at")
        .first()
    )
    comment = Comment.objects.filter(
        object_id=post.pk,
        content_type__model="post",
        hidden_at__isnull=True,
        pending_at__isnull=True,
        author__left_at__isnull=True,
    ).first()

    first = tmp_path / "first.zip"
    out = io.StringIO()
    call_command("export_network", str(first), stdout=out)
    assert "media files" in out.getvalue()
    validate(first)
    manifest, records, files = contents(first)
    assert manifest["format"] == "anjuman-export"
    assert len(records["members.member"]) == Member.objects.count()
    assert len(records["comments.comment"]) == Comment.objects.count()
    assert not set(LEFT_OUT) & set(records)
    # Every kind the demo makes is in it, with rows.
    for kind in (
        "blogs.post",
        "forum.discussion",
        "events.event",
        "photos.photo",
        "videos.video",
        "groups.group",
        "messaging.message",
        "likes.like",
        "friends.friendship",
        "profiles.answer",
        "activity.entry",
        "notifications.notification",
        "tags.tag",
    ):
        assert records[kind], kind
    assert len(files) >= 3  # the demo's photos, their thumbnails, the portrait
    assert files == {
        f"media/{p.relative_to(media).as_posix()}": p.read_bytes()
        for p in media.rglob("*")
        if p.is_file()
    }

    root = tmp_path / "fresh"
    env = fresh_install(root)
    manage(env, "migrate", "--verbosity", "0")
    checked = manage(env, "import_network", "--dry-run", str(first))
    assert "Nothing was written" in checked
    imported = manage(env, "import_network", str(first))
    assert "The search index was rebuilt" in imported
    second = tmp_path / "second.zip"
    manage(env, "export_network", str(second))

    manifest2, records2, files2 = contents(second)
    assert manifest2["counts"] == manifest["counts"]
    assert differences(records, records2) == []
    assert files2 == files
    on_disk = {
        f"media/{p.relative_to(root / 'media').as_posix()}": p.read_bytes()
        for p in (root / "media").rglob("*")
        if p.is_file()
    }
    assert on_disk == files

    # The restored network serves the post, with its comment.
    page = subprocess.run(
        [sys.executable, MANAGE, "shell", "-c", SERVE],
        env={**env, "EXPORTS_URL": post.get_absolute_url()},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=settings.BASE_DIR,
    )
    _before, _status, html = page.stdout.partition("STATUS 200\n")
    assert html, page.stdout[:2000] + page.stderr
    assert escape(post.title) in html
    assert escape(comment.author.display_name) in html
