"""The demo network and the benchmark network have replies and wall comments, counted right."""

from typing import Any

from django.db.models import Count, Q
from django.test import Client

from blogs.models import Post
from comments.models import Comment
from walls.models import Wall


def assert_counts_exact() -> None:
    for model in (Post, Wall):
        shown = Count(
            "pk",
            filter=Q(hidden_at=None),
        )
        counted = dict(
            Comment.objects.filter(content_type__model=model._meta.model_name)
            .values_list("object_id")
            .annotate(n=shown)
        )
        for pk, comment_count in model._default_manager.values_list("pk", "comment_count"):
            assert comment_count == counted.get(pk, 0), (model, pk)


def assert_replies_one_level_deep_after_their_comment() -> None:
    for reply in Comment.objects.filter(parent__isnull=False).select_related("parent"):
        parent = reply.parent
        assert parent is not None and parent.parent_id is None
        assert (reply.content_type_id, reply.object_id) == (
            parent.content_type_id,
            parent.object_id,
        )
        assert reply.created_at >= parent.created_at


def check_demo() -> None:
    """The demo has replies and wall comments.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    assert Comment.objects.filter(parent__isnull=False, content_type__model="post").count() >= 20
    on_walls = Comment.objects.filter(content_type__model="wall")
    assert on_walls.filter(parent=None).count() >= 20
    assert on_walls.filter(parent__isnull=False).exists()
    assert_counts_exact()
    assert_replies_one_level_deep_after_their_comment()
    wall = Wall.objects.order_by("-comment_count").select_related("member").first()
    assert wall is not None
    page = Client().get(wall.member.get_absolute_url()).content.decode()
    assert "Comment Wall" in page and 'class="comment reply"' in page


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has replies and wall comments.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    last = Comment.objects.order_by("-id").first()
    assert last is not None and manifest["max_comment_id"] == last.pk
    assert Comment.objects.filter(parent__isnull=False, content_type__model="post").count() >= 100
    assert Comment.objects.filter(content_type__model="wall", parent=None).count() == 100
    assert_counts_exact()
    assert_replies_one_level_deep_after_their_comment()
    bench = manifest["bench_post"]
    assert not Comment.objects.filter(
        content_type__model="post", object_id=bench["pk"], parent__isnull=False
    ).exists()
    wall = manifest["wall"]
    assert (
        Comment.objects.filter(
            content_type__model="wall", object_id=wall["pk"], parent=None
        ).count()
        == wall["comments"]
    )
    response = Client().get(wall["path"])
    assert response.status_code == 200 and "Comment Wall" in response.content.decode()
