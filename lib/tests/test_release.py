"""After an upgrade, the previous release's cached pages and fragments are not served: their
keys carry the release's id, which follows what the pages are made of."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lib.release import release_id


@pytest.fixture
def tree(tmp_path: Path, settings: Any) -> Iterator[Path]:
    (tmp_path / "blogs" / "templates").mkdir(parents=True)
    (tmp_path / "blogs" / "templates" / "post.html").write_text("<h1>{{ post.title }}</h1>")
    (tmp_path / "blogs" / "views.py").write_text("x = 1\n")
    (tmp_path / "locale" / "ur" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale" / "ur" / "LC_MESSAGES" / "django.mo").write_bytes(b"one")
    (tmp_path / ".venv").mkdir()
    settings.BASE_DIR = tmp_path
    release_id.cache_clear()
    yield tmp_path
    release_id.cache_clear()


def again() -> str:
    release_id.cache_clear()
    return release_id()


def test_a_new_catalogue_or_template_is_a_new_release(tree: Path) -> None:
    first = release_id()
    (tree / "locale" / "ur" / "LC_MESSAGES" / "django.mo").write_bytes(b"two")
    second = again()
    assert second != first
    (tree / "blogs" / "templates" / "post.html").write_text("<h1 dir=auto>{{ post.title }}</h1>")
    assert again() not in (first, second)


def test_the_same_files_touched_on_another_server_are_the_same_release(tree: Path) -> None:
    first = release_id()
    os.utime(tree / "blogs" / "views.py", (0, 0))
    (tree / ".venv" / "new.py").write_text("installed packages are not the release's")
    assert again() == first


def test_the_cache_keys_carry_it(db: None) -> None:
    from django.core.cache import cache

    from lib.cachetags import cached

    release_id.cache_clear()
    cached("release-probe", lambda: "made", ["network"])
    assert any(f"anjuman:{release_id()}:cached:" in key for key in cache._cache)  # type: ignore[attr-defined]
