"""A generated archive: the import's work grows with the records, not faster, and is fast."""

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blogs.models import Post
from comments.models import Comment
from imports.models import ImportedRecord, OldAddress
from imports.ning.importer import run_import
from members.models import Member
from network.models import Network

from .archives import make_archive_of_every_kind, make_large_archive

pytestmark = pytest.mark.django_db


def queries_for(folder: Path) -> int:
    with CaptureQueriesContext(connection) as queries:
        run_import(folder)
    return len(queries)


def test_queries_grow_linearly_with_records(network: Network, tmp_path: Path) -> None:
    small = queries_for(make_large_archive(tmp_path / "a", members=10, posts=10, comments=2))
    Post.objects.all().delete()
    Comment.objects.all().delete()
    Member.objects.exclude(pk=network.creator.pk).delete()
    ImportedRecord.objects.all().delete()
    large = queries_for(make_large_archive(tmp_path / "b", members=20, posts=20, comments=2))
    print(f"queries: 10+10 records: {small}, 20+20 records: {large}")
    # Per member and per post with its two comments: a bounded number of queries.
    per_record = (large - small) / 20
    assert per_record <= 25


def test_a_large_archive_imports_quickly(network: Network, tmp_path: Path) -> None:
    folder = make_large_archive(tmp_path / "big", members=400, posts=1000, comments=2)
    started = time.monotonic()
    report = run_import(folder)
    took = time.monotonic() - started
    records = 400 + 1000 * 3
    print(f"{records} records in {took:.1f}s: {records / took:.0f} records/s")
    assert report.kinds["blog posts"].imported == 1000
    assert report.kinds["blog comments"].imported == 2000
    assert Comment.objects.count() == 2000
    assert took < 120


def test_an_archive_of_every_kind_at_scale(network: Network, tmp_path: Path, settings: Any) -> None:
    """Every kind at once, a few thousand records (IMPORTS_LARGE_RECORDS=100000 for the
    measurement in the README): all of it in, at a rate that makes 100,000 records minutes."""
    settings.MEDIA_ROOT = tmp_path / "media"
    wanted = int(os.environ.get("IMPORTS_LARGE_RECORDS", "3000"))
    folder, counts = make_archive_of_every_kind(tmp_path / "every", wanted)
    total = sum(counts.values())
    started = time.monotonic()
    report = run_import(folder)
    took = time.monotonic() - started
    print(f"{total} records of every kind in {took:.1f}s: {total / took:.0f} records/s; {counts}")
    assert report.kinds["members"].imported == counts["members"]
    assert report.kinds["blog posts"].imported == counts["blogs"]
    assert report.kinds["discussions"].imported == counts["discussions"]
    assert report.kinds["discussion replies"].imported == counts["discussions comments"]
    assert report.kinds["events"].imported == counts["events"]
    assert report.kinds["event comments"].imported == counts["events comments"]
    assert report.kinds["photos"].imported == counts["photos"]
    assert report.kinds["videos"].imported == counts["videos"]
    assert report.kinds["music"].imported == counts["music"]
    assert report.kinds["groups"].imported == counts["groups"]
    assert not report.damaged
    assert OldAddress.objects.filter(path="/profiles/blogs/post-7-more").exists()
    assert total / took > 100  # 100,000 records in under about 17 minutes, at worst
