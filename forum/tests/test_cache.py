"""Visitors' forum pages come from the page cache until what they show changes."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from forum import services
from forum.tests.helpers import make_category, make_discussion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_new_reply_shows_on_the_index_and_lists_at_the_next_request(
    creator, member, other_member
):
    category = make_category(creator)
    discussion = make_discussion(member, category)
    visitor = Client()
    for url in (reverse("forum:index"), reverse("forum:latest"), category.get_absolute_url()):
        visitor.get(url)
        assert visitor.get(url)["X-Cache"] == "hit"
    add_comment(discussion, other_member, "Count me in")
    latest = visitor.get(reverse("forum:latest"))
    assert latest["X-Cache"] == "miss"
    assert "1 reply" in latest.content.decode()
    assert other_member.display_name in latest.content.decode()
    page = visitor.get(discussion.get_absolute_url())
    assert "Count me in" in page.content.decode()


def test_a_discussions_page_is_cached_and_refreshed_by_its_changes(creator, member):
    category = make_category(creator)
    discussion = make_discussion(member, category)
    visitor = Client()
    visitor.get(discussion.get_absolute_url())
    assert visitor.get(discussion.get_absolute_url())["X-Cache"] == "hit"
    services.set_closed(discussion, True, by=creator)
    page = visitor.get(discussion.get_absolute_url())
    assert page["X-Cache"] == "miss"
    assert "This discussion is closed" in page.content.decode()
    services.save_category(category, by=creator, name="Renamed", description="", position=1)
    assert "Renamed" in visitor.get(reverse("forum:index")).content.decode()


def test_the_feeds_list_the_latest_discussions_everyone_sees(creator, member):
    category = make_category(creator)
    make_discussion(member, category, title="Seen by all")
    hidden = make_discussion(member, category, title="Hidden one")
    services.set_hidden(hidden, True, by=creator)
    for name in ("forum:feed_rss", "forum:feed_atom"):
        feed = Client().get(reverse(name)).content.decode()
        assert "Seen by all" in feed and "Hidden one" not in feed


def test_without_the_page_cache_the_index_still_shows_each_new_discussion(
    settings, creator, member
):
    settings.PAGE_CACHE_SECONDS = 0  # the index's list of categories is still kept, as a part
    category = make_category(creator)
    make_discussion(member, category, title="First thoughts")
    visitor = Client()
    assert "First thoughts" in visitor.get(reverse("forum:index")).content.decode()
    make_discussion(member, category, title="Second thoughts")
    index = visitor.get(reverse("forum:index")).content.decode()
    assert "Second thoughts" in index and "2 discussions" in index


def test_without_the_page_cache_a_discussion_shows_each_change_at_the_next_request(
    settings, creator, member
):
    settings.PAGE_CACHE_SECONDS = 0  # its heading and body are still kept, as parts
    category = make_category(creator)
    discussion = make_discussion(member, category)
    visitor = Client()
    first = visitor.get(discussion.get_absolute_url()).content.decode()
    assert "This discussion is closed" not in first and category.name in first
    services.set_closed(discussion, True, by=creator)
    services.save_category(category, by=creator, name="Renamed Meetups", description="", position=1)
    page = visitor.get(discussion.get_absolute_url()).content.decode()
    assert "This discussion is closed" in page and "Renamed Meetups" in page
