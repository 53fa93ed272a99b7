from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models.functions import TruncMonth
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from anjuman.management.commands.loaddemo import loaders
from blogs.demo import content as blog_texts
from blogs.models import Post, RelatedLink, Tag
from comments.demo import content as comment_texts
from comments.models import Comment
from comments.services import comments_on
from members.demo import content as people
from members.models import Member
from network.demo import content
from network.models import Network, SidebarBox
from tests.datafixtures import Demo, kept_for_a_while, load_demo


@pytest.fixture(scope="class")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Demo]:
    with kept_for_a_while(django_db_blocker):
        yield load_demo(django_db_blocker)


@pytest.mark.django_db
class TestTheDemo:
    """`loaddemo` once, read by every test of the class (each still rolls back what it
    writes)."""

    def test_it_creates_the_network_its_creator_and_members(self, demo: Demo) -> None:
        network = Network.objects.get()
        assert network.name == content.NETWORK_NAME
        assert network.time_zone == "Asia/Karachi"
        assert network.description
        assert network.creator.email == "creator@demo.anjuman.test"
        assert network.creator.is_creator
        assert network.creator.check_password("demo-password-123")

        members = Member.objects.all()
        assert 18 <= len(members) <= 24
        assert all(m.email_confirmed and m.is_active and m.about for m in members)
        assert all(m.date_joined >= network.created_at for m in members)
        member = Member.objects.get(email=f"{people.SAMPLE_MEMBER}@demo.anjuman.test")
        assert member.role == Member.Role.MEMBER
        assert member.check_password("demo-password-123")
        # Right-to-left text appears: a member who writes their name in Urdu.
        assert Member.objects.filter(display_name="ثمینہ اختر").exists()

    def test_posts_are_published_over_two_years_with_a_few_drafts(self, demo: Demo) -> None:
        published = Post.objects.published()
        assert published.count() >= 55
        months = published.annotate(month=TruncMonth("published_at")).values("month").distinct()
        assert months.count() >= 18
        assert all(p.published_at and p.published_at < timezone.now() for p in published)
        assert 2 <= Post.objects.filter(status=Post.Status.DRAFT).count() <= 3

        titles = list(Post.objects.values_list("title", flat=True))
        assert len(set(titles)) == len(titles)
        for post in Post.objects.all():
            assert 300 <= len(post.body.split()) <= 700, post.title
            assert post.body_html and post.excerpt
            assert 2 <= post.tags.count() <= 4
        creator = Network.objects.get().creator
        # The creator writes like a columnist; several others write too.
        assert published.filter(author=creator).count() >= 12
        assert published.exclude(author=creator).values("author").distinct().count() >= 10
        assert 10 <= Tag.objects.count() <= 16

    def test_every_post_counts_its_comments_exactly(self, demo: Demo) -> None:
        total = 0
        for post in Post.objects.published():
            comments = list(comments_on(post))
            assert post.published_at is not None
            assert post.comment_count == len(comments), post.title
            # A few comments and a few replies to them.
            assert len([c for c in comments if c.parent_id is None]) <= 8
            assert all(post.published_at < c.created_at < timezone.now() for c in comments)
            total += len(comments)
        assert 120 <= total <= 240  # comments and their replies
        post_type = ContentType.objects.get_for_model(Post)
        assert total == Comment.objects.filter(content_type=post_type).count()
        assert not Comment.objects.filter(
            object_id__in=Post.objects.filter(status="draft")
        ).exists()
        # Many members take part in the conversation.
        assert Comment.objects.values("author").distinct().count() >= 15

    def test_most_posts_have_related_links(self, demo: Demo) -> None:
        posts = Post.objects.published()
        with_links = [p for p in posts if p.related_links.exists()]
        assert len(with_links) >= 0.8 * posts.count()
        assert all(p.related_links.count() <= 3 for p in posts)
        for link in RelatedLink.objects.all():
            assert link.url.startswith("https://") and ".example." in link.url
            assert link.title and link.source and link.excerpt

    def test_it_adds_sidebar_boxes_with_links_to_member_blogs(self, demo: Demo) -> None:
        boxes = list(SidebarBox.objects.all())
        assert 3 <= len(boxes) <= 4
        assert all(box.body_html for box in boxes)
        blogs = SidebarBox.objects.get(title=blog_texts.BLOG_BOX_TITLE)
        creator = Network.objects.get().creator
        assert f'href="{reverse("blogs:member_blog", args=[creator.handle])}"' in blogs.body_html

    def test_the_blogs_box_comes_second_among_the_networks_boxes(self, demo: Demo) -> None:
        boxes = list(SidebarBox.objects.values_list("title", "position"))
        first, *rest = (box.title for box in content.SIDEBAR_BOXES)
        assert [title for title, _position in boxes] == [first, blog_texts.BLOG_BOX_TITLE, *rest]
        assert [position for _title, position in boxes] == list(range(len(boxes)))

    def test_it_says_where_to_go_and_how_to_sign_in(self, demo: Demo) -> None:
        out = demo.output
        assert settings.SITE_URL in out
        assert "Sign in as creator@demo.anjuman.test / demo-password-123" in out
        assert f"{people.SAMPLE_MEMBER}@demo.anjuman.test" in out

    def test_if_empty_a_second_time_changes_nothing(self, demo: Demo) -> None:
        before = snapshot()
        out = loaddemo("--if-empty")
        assert "already has a network" in out
        assert snapshot() == before

    def test_a_second_load_without_the_flag_is_refused(self, demo: Demo) -> None:
        before = snapshot()
        with pytest.raises(CommandError, match="already has a network"):
            loaddemo()
        assert snapshot() == before

    def test_the_home_page_shows_the_network_and_its_latest_post(self, demo: Demo) -> None:
        response = Client().get("/")
        assert response.status_code == 200
        page = response.content.decode()
        assert content.NETWORK_NAME in page
        latest = Post.objects.published().order_by("-published_at").first()
        assert latest is not None
        assert escape(latest.title) in page

    def test_pages_with_right_to_left_text_render(self, demo: Demo) -> None:
        client = Client()
        post = Post.objects.get(title=blog_texts.POSTS[-1].title)
        assert client.get(post.get_absolute_url()).status_code == 200
        samina = post.author
        response = client.get(reverse("blogs:member_blog", args=[samina.handle]))
        assert response.status_code == 200
        assert "ثمینہ اختر" in response.content.decode()

    def test_the_demo_tells_no_listener(self, demo: Demo) -> None:
        """The loaders write the activity and notifications themselves: the demo's comments and
        likes do not each reach the listeners (lib.events.muted), which would email every post's
        author and queue a task per comment. (The class's demo was loaded listening.)"""
        assert demo.heard == []
        assert Comment.objects.exists()  # and yet the demo has its comments


def loaddemo(*args: str) -> str:
    out = StringIO()
    call_command("loaddemo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> tuple[int, ...]:
    return (
        Network.objects.count(),
        Member.objects.count(),
        Post.objects.count(),
        Comment.objects.count(),
        RelatedLink.objects.count(),
        SidebarBox.objects.count(),
    )


def test_it_finds_the_loaders_in_app_order() -> None:
    assert [label for label, _load in loaders()] == [
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
        "pages",
        "moderation",
        "access",
        "roster",
    ]


@pytest.mark.django_db
def test_it_leaves_a_network_made_otherwise_alone(network: Network) -> None:
    loaddemo("--if-empty")
    assert Network.objects.get() == network
    assert not Post.objects.exists()
    with pytest.raises(CommandError):
        loaddemo()


@pytest.mark.django_db
def test_if_empty_loads_an_empty_database() -> None:
    loaddemo("--if-empty")
    assert Network.objects.get().name == content.NETWORK_NAME


def test_the_demo_text_is_consistent() -> None:
    keys = {people.CREATOR.key} | {p.key for p in people.MEMBERS}
    assert len(keys) == len(people.MEMBERS) + 1
    assert people.SAMPLE_MEMBER in keys
    assert set(blog_texts.BLOG_BOX_MEMBERS) <= keys
    texts = blog_texts.POSTS + blog_texts.DRAFTS
    for text in texts:
        assert text.author in keys
        assert text.topic in blog_texts.PARAGRAPHS
        assert set(text.tags) <= set(blog_texts.TAGS)
        assert 2 <= len(text.tags) <= 4
        assert all(0 <= i < len(blog_texts.PARAGRAPHS[text.topic]) for i in text.picks)
        assert len(set(text.picks)) == len(text.picks)
    titles = {text.title for text in blog_texts.POSTS}
    assert set(comment_texts.POST_COMMENTS) <= titles
    for comments in comment_texts.POST_COMMENTS.values():
        assert all(key in keys or key == "" for key, _body in comments)
    assert set(comment_texts.URDU_WRITERS) <= keys
    assert set(comment_texts.TOPIC_COMMENTS) == set(blog_texts.PARAGRAPHS) == set(blog_texts.LINKS)
