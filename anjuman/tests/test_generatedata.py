from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q
from django.test import Client

from anjuman.management.commands.generatedata import generators
from blogs.models import Post, RelatedLink
from comments.models import Comment
from members.models import Member
from network.models import Network
from tests.datafixtures import BENCH_SCALE, Bench, generate_benchdata, kept_for_a_while

pytestmark = pytest.mark.django_db

# 20 members, 200 posts, 2,000 comments: the counts of scale 1, divided by 100.
SCALE = BENCH_SCALE


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generatedata", "--scale", SCALE, "--no-progress", *args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture(scope="class")
def bench(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Bench]:
    """Generated once for the class's tests (each still rolls back what it writes)."""
    with kept_for_a_while(django_db_blocker):
        yield generate_benchdata(django_db_blocker, tmp_path_factory.mktemp("bench"))


@pytest.fixture
def manifest(bench: Bench) -> dict[str, Any]:
    return bench.manifest


def test_it_finds_the_generators_in_app_order():
    assert [label for label, _generate in generators()] == [
        "network",
        "members",
        "friends",
        "profiles",
        "likes",
        "blogs",
        "comments",
        "activity",
        "notifications",
        "messaging",
        "search",
        "tags",
        "groups",
        "walls",
        "forum",
        "events",
        "photos",
        "videos",
        "roster",
    ]


class TestTheNetworkItGenerates:
    """`generatedata --scale 0.01 --manifest …` once, read by every test of the class."""

    def test_it_builds_the_network_at_the_requested_scale(self, manifest):
        network = Network.objects.get()
        assert Member.objects.count() == 20
        assert network.creator.check_password(manifest["password"])
        # One hash for everybody.
        assert Member.objects.values("password").distinct().count() == 1
        assert Post.objects.published().count() == 200
        assert Post.objects.filter(status=Post.Status.DRAFT).count() == 2
        post_type = ContentType.objects.get_for_model(Post)
        assert Comment.objects.filter(content_type=post_type, parent=None).count() == 2000
        assert not Comment.objects.filter(body_html="").exists()
        counts = manifest["counts"]
        others = ("likes", "replies", "wall_comments", "activity entries")
        # The spaces' counts are checked by their apps' own tests (<app>/tests/test_data.py…).
        spaces = {"discussions", "discussion_replies", "events", "event_answers", "groups"}
        spaces |= {"group_memberships", "photos", "albums", "videos"}
        assert {k: v for k, v in counts.items() if k not in (*others, *spaces)} == {
            "members": 20,
            "posts": 200,
            "drafts": 2,
            "comments": 2000,
        }
        assert counts["discussions"] == 50 and counts["discussion_replies"] == 400
        assert counts["events"] == 20 and counts["groups"] == 2
        # Likes (likes/benchdata.py, after every app): about 500 on posts and 200 on comments per
        # 1,000 posts, each member liking a thing once at most.
        assert 500 <= counts["likes"] <= 2000
        assert counts["wall_comments"] == 100
        assert counts["activity entries"] > 2000  # joins, posts, comments, friendships
        # A tenth of the comments get a reply (200 picked at random: repeats and the bench post's
        # are left out).
        assert 150 <= counts["replies"] <= 200

    def test_posts_have_about_600_words_three_links_and_two_or_three_tags(self, manifest):
        posts = Post.objects.annotate(links=Count("related_links", distinct=True)).annotate(
            n_tags=Count("tags", distinct=True)
        )
        for post in posts:
            assert 400 <= len(post.body.split()) <= 900
            assert post.body_html.startswith('<p dir="auto">') and post.excerpt
            assert post.links == 3
            assert 2 <= post.n_tags <= 3
        assert RelatedLink.objects.count() == 3 * Post.objects.count()
        years = {d.year for d in Post.objects.published().dates("published_at", "year")}
        assert len(years) >= 4

    def test_every_comment_count_is_exact(self, manifest):
        post_type = ContentType.objects.get_for_model(Post)
        counted = Post.objects.annotate(
            n=Count("comments", filter=Q(comments__content_type=post_type))
        ).values_list("comment_count", "n")
        assert all(stored == actual for stored, actual in counted)
        replies = Comment.objects.filter(content_type=post_type, parent__isnull=False).count()
        assert sum(stored for stored, _actual in counted) == 2000 + replies

    def test_the_bench_post_has_50_comments_and_its_page_shows_them(self, manifest):
        bench = manifest["bench_post"]
        post = Post.objects.get(pk=bench["pk"])
        assert post.is_published
        assert post.comment_count == bench["comments"] == 50
        assert post.get_absolute_url() == bench["path"]
        response = Client().get(bench["path"])
        assert response.status_code == 200
        assert response.content.count(b'class="comment" id="comment-') == 50

    def test_the_manifest_names_what_the_benchmark_loads(self, manifest):
        assert manifest["listing"] == {"path": "/blog/", "pages": 20, "deep_page": 10}
        assert manifest["max_comment_id"] == Comment.objects.order_by("-id").first().pk
        handles = [m["handle"] for m in manifest["members"]]
        members = Member.objects.filter(handle__in=handles)
        assert len(members) == len(handles) > 0
        assert all(m.can_contribute for m in members)
        blogger = manifest["bloggers"][0]
        assert (
            Post.objects.published().filter(author__handle=blogger["handle"]).count()
            == (blogger["posts"])
        )
        assert Client().get(blogger["path"]).status_code == 200
        assert Client().get(f"/blog/?page={manifest['listing']['deep_page']}").status_code == 200

    def test_it_prints_the_bench_post_address(self, bench):
        out = bench.output
        post = Post.objects.get(title__startswith="The Long Table")
        assert f"Bench post (pk {post.pk}, 50 comments): http://" in out
        assert post.get_absolute_url() in out


def test_it_refuses_a_database_that_has_a_network(network):
    with pytest.raises(CommandError, match="not empty"):
        generate()
    assert Member.objects.count() == 1
