"""The demo network and the benchmark network have Latest Activity, derived from what the other
apps made, at their dates."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from activity.models import Entry
from activity.tests.helpers import lines
from comments.models import Comment
from friends.models import Friendship

pytestmark = pytest.mark.django_db


def test_the_demo_has_activity_of_every_kind_at_its_dates():
    call_command("loaddemo", stdout=StringIO())
    kinds = set(Entry.objects.values_list("kind", flat=True))
    assert kinds >= {"members.joined", "blogs.published", "comments.added", "friends.accepted"}
    assert Entry.objects.filter(kind="comments.added").count() == Comment.objects.count()
    assert Entry.objects.filter(kind="friends.accepted").count() == Friendship.objects.count()
    # Not the time the demo was loaded: the comments' own dates.
    for entry in Entry.objects.filter(kind="comments.added")[:20]:
        assert entry.created_at == Comment.objects.get(pk=entry.target_id).created_at
    page = Client().get("/activity/")
    assert len(lines(page.content)) >= 5
    # The other apps' kinds too, each dated as what it is about, none at the loading time.
    assert kinds >= {
        "forum.started",
        "events.created",
        "photos.added",
        "videos.added",
        "groups.created",
        "groups.joined",
    }
    loaded = Entry.objects.order_by("-created_at").first()
    for entry in Entry.objects.filter(kind__in=["forum.started", "events.created"]):
        target = entry.target_type.get_object_for_this_type(pk=entry.target_id)
        assert entry.created_at == target.created_at
    assert loaded is not None and loaded.created_at < timezone.now() - dt.timedelta(minutes=10)
    # A group's stream shows what happened in it: its making, joins, its wall.
    group_lines = Entry.objects.filter(place_id__isnull=False).values_list("kind", flat=True)
    assert {"groups.created", "groups.joined", "comments.added"} <= set(group_lines)


def test_the_benchmark_network_has_an_entry_for_everything_that_happened(tmp_path):
    manifest = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    made = json.loads(manifest.read_text())
    # The stream's own, and those the groups app writes with its memberships.
    written = made["counts"]["activity entries"] + made["groups"]["activity_entries"]
    assert written == Entry.objects.count()
    assert Entry.objects.filter(kind="comments.added").count() == Comment.objects.count()
    assert Entry.objects.filter(kind="friends.accepted").count() == Friendship.objects.count()
    for path in (made["activity"]["path"], made["activity"]["member_path"]):
        response = Client().get(path)
        assert response.status_code == 200
        assert lines(response.content)
