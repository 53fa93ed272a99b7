"""The demo and the benchmark network have likes, with exact counts."""

from typing import Any

from django.db.models import Count
from django.utils import timezone

from likes.models import Like, LikeCount


def assert_counts_exact():
    actual = {
        (row["content_type"], row["object_id"]): row["n"]
        for row in Like.objects.values("content_type", "object_id").annotate(n=Count("id"))
    }
    stored = {
        (row.content_type_id, row.object_id): row.count
        for row in LikeCount.objects.filter(count__gt=0)
    }
    assert actual == stored


def check_demo() -> None:
    """The demo has likes on posts and comments.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    kinds = set(Like.objects.values_list("content_type__model", flat=True))
    assert kinds == {"post", "comment"}
    assert Like.objects.count() > 100
    assert not Like.objects.filter(created_at__gt=timezone.now()).exists()
    assert_counts_exact()


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has likes once every app has generated.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app (the likes are made last, with Context.later)."""
    assert manifest["counts"]["likes"] == Like.objects.count() > 500
    assert manifest["bench_post"]["likes"] == 20 - 1  # 20 members at this scale, less its author
    assert_counts_exact()
    bench = manifest["bench_post"]
    assert bench["like_path"] == f"/likes/post/{bench['pk']}/like/"
