"""The demo network and the benchmark network have Latest Activity, derived from what the other
apps made, at their dates."""

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from activity.models import Entry
from activity.tests.helpers import lines
from comments.models import Comment
from friends.models import Friendship


def check_demo() -> None:
    """The demo has activity of every kind at its dates.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
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
        assert entry.created_at == target.created_at  # type: ignore[attr-defined]
    assert loaded is not None and loaded.created_at < timezone.now() - dt.timedelta(minutes=10)
    # A group's stream shows what happened in it: its making, joins, its wall.
    group_lines = Entry.objects.filter(place_id__isnull=False).values_list("kind", flat=True)
    assert {"groups.created", "groups.joined", "comments.added"} <= set(group_lines)


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has an entry for everything that happened.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    # The stream's own, and those the groups app writes with its memberships.
    written = manifest["counts"]["activity entries"] + manifest["groups"]["activity_entries"]
    assert written == Entry.objects.count()
    assert Entry.objects.filter(kind="comments.added").count() == Comment.objects.count()
    assert Entry.objects.filter(kind="friends.accepted").count() == Friendship.objects.count()
    for path in (manifest["activity"]["path"], manifest["activity"]["member_path"]):
        response = Client().get(path)
        assert response.status_code == 200
        assert lines(response.content)
