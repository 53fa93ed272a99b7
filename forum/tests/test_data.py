"""The demo and the benchmark networks have a forum, counted right."""

from typing import Any

from django.db.models import Count, Q
from django.test import Client

from comments.models import Comment
from forum.models import Category, Discussion


def assert_consistent() -> None:
    counted = dict(
        Comment.objects.filter(content_type__model="discussion")
        .values_list("object_id")
        .annotate(n=Count("pk", filter=Q(hidden_at=None)))
    )
    for discussion in Discussion.objects.all():
        assert discussion.comment_count == counted.get(discussion.pk, 0)
        last = (
            Comment.objects.filter(
                content_type__model="discussion", object_id=discussion.pk, hidden_at=None
            )
            .order_by("-created_at", "-id")
            .first()
        )
        assert discussion.last_reply_by_id == (last.author_id if last else None)
        assert discussion.follows.filter(member=discussion.author).exists()
    for category in Category.objects.all():
        assert category.discussion_count == category.discussions.filter(hidden_at=None).count()


def check_demo() -> None:
    """The demo has a forum.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    assert Category.objects.count() >= 4
    assert Discussion.objects.count() >= 5
    assert Discussion.objects.filter(pinned=True).exists()
    assert Discussion.objects.filter(closed_at__isnull=False).exists()
    assert_consistent()
    page = Client().get("/forum/").content.decode()
    assert "Reunions and Meetups" in page
    # A discussion in a public group, one in a private group (its members' only).
    public = Discussion.objects.get(group__slug="class-of-2004")
    private = Discussion.objects.get(group__slug="scholarship-committee")
    assert public.category is None and public.comment_count == 2
    visitor = Client()
    assert visitor.get(public.get_absolute_url()).status_code == 200
    assert visitor.get(private.get_absolute_url()).status_code == 404
    assert private.title not in visitor.get("/forum/latest/").content.decode()


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has a forum and the bench discussion.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    last = Comment.objects.order_by("-id").first()
    assert last is not None and manifest["max_comment_id"] == last.pk
    forum = manifest["forum"]
    assert forum["discussion"]["replies"] == 50
    assert Discussion.objects.count() == 50
    assert_consistent()
    page = Client().get(forum["discussion"]["path"])
    assert page.status_code == 200
    assert page.content.decode().count('class="comment') >= 50
    assert Client().get(forum["index_path"]).status_code == 200
