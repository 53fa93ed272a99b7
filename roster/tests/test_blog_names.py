"""Members name their blog in their profile settings; its heading, <title>, feeds and the
links to it use the name; blank is "NAME's Blog"."""

from typing import Any

import feedparser  # type: ignore[import-untyped]
import pytest
from django.urls import reverse

from conftest import client_for, make_member, make_post
from members.models import Member
from network.models import Network

SETTINGS = reverse("members:edit_profile")


@pytest.fixture
def riaz(network: Network) -> Member:
    return make_member("Riaz Haq", "riaz@example.org")


def _settings(member: Member, **changes: str) -> dict[str, str]:
    return {"display_name": member.display_name, "about": "", "time_zone": ""} | changes


def test_the_default_is_names_blog_and_the_field_is_in_the_settings(
    riaz: Member, visitor: Any
) -> None:
    html = client_for(riaz).get(SETTINGS).content.decode()
    assert 'name="blog_name"' in html
    blog = visitor.get(reverse("blogs:member_blog", args=[riaz.handle])).content.decode()
    assert '<h1 dir="auto"><bdi>Riaz Haq</bdi>\'s Blog</h1>' in blog
    assert "<title>\u2068Riaz Haq&#x27;s Blog\u2069" in blog
    # Not asked at join.
    assert 'name="blog_name"' not in visitor.get(reverse("members:join")).content.decode()


def test_a_named_blog_shows_its_name_everywhere(riaz: Member, visitor: Any) -> None:
    post = make_post(riaz, "Pakistan's economy")
    blog_url = reverse("blogs:member_blog", args=[riaz.handle])
    # Seen (and cached) before the change.
    assert "Riaz Haq&#x27;s Blog" in visitor.get(blog_url).content.decode()

    response = client_for(riaz).post(SETTINGS, _settings(riaz, blog_name="Haq's Musings"))
    assert response.status_code == 302
    riaz.refresh_from_db()
    assert riaz.blog_name == "Haq's Musings"

    blog = visitor.get(blog_url).content.decode()
    assert "<title>\u2068Haq&#x27;s Musings\u2069" in blog
    assert '<h1 dir="auto">Haq&#x27;s Musings</h1>' in blog
    assert "'s Blog" not in blog and "&#x27;s Blog" not in blog
    # The post page's sidebar link, the member page's section, the feeds.
    post_page = visitor.get(post.get_absolute_url()).content.decode()
    assert "Haq&#x27;s Musings</a>" in post_page
    assert "Haq&#x27;s Musings" in visitor.get(riaz.get_absolute_url()).content.decode()
    for name in ("blogs:member_feed_rss", "blogs:member_feed_atom"):
        feed = feedparser.parse(visitor.get(reverse(name, args=[riaz.handle])).content)
        assert feed.feed.title == "Haq's Musings"

    # Blank again: the default.
    client_for(riaz).post(SETTINGS, _settings(riaz, blog_name=""))
    assert "Riaz Haq&#x27;s Blog" in visitor.get(blog_url).content.decode()


def test_a_blog_name_is_plain_text(riaz: Member, visitor: Any) -> None:
    client_for(riaz).post(SETTINGS, _settings(riaz, blog_name="<script>x()</script> Notes"))
    html = visitor.get(reverse("blogs:member_blog", args=[riaz.handle])).content.decode()
    assert "<script>x()</script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt; Notes" in html


def test_a_blog_name_too_long_is_a_form_error(riaz: Member) -> None:
    response = client_for(riaz).post(SETTINGS, _settings(riaz, blog_name="x" * 81))
    assert response.status_code == 400
    riaz.refresh_from_db()
    assert riaz.blog_name == ""
