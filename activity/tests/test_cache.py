"""A change to the stream shows at the next request, with the page cache on and off; pages the
change does not touch stay cached."""

import pytest
from django.test import Client

from activity.tests.helpers import befriend, comment, home, stream
from blogs import services as blogs
from comments import services as comments
from conftest import client_for, make_member, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["page cache on", "page cache off"])
def page_cache(request, settings):
    if request.param == "page cache off":
        settings.PAGE_CACHE_SECONDS = 0
    return request.param


def test_the_home_page_is_fresh_at_the_next_request_after_each_change(
    member, other_member, page_cache
):
    post = make_post(member, "First News")
    assert home(Client()) == ["Bilal Ahmed published the blog post First News."]
    assert home(Client()) == ["Bilal Ahmed published the blog post First News."]
    said = comment(post, other_member)
    assert home(Client())[0] == "Charlotte Reyes commented on First News."
    comments.delete_comment(said, by=other_member)
    assert home(Client()) == ["Bilal Ahmed published the blog post First News."]
    blogs.set_hidden(post, True, by=make_member("Mod", "mod@example.org", role="moderator"))
    assert home(Client()) == []
    assert stream(Client()) == []


def test_a_cached_home_page_is_served_from_the_cache_until_a_change(member):
    make_post(member, "First News")
    Client().get("/")
    assert Client().get("/")["X-Cache"] == "hit"
    befriend(member, make_member("Tariq Third", "tariq@example.org"))
    response = Client().get("/")
    assert response["X-Cache"] == "miss"
    assert "are now friends." in response.content.decode()


def test_a_change_refreshes_the_pages_of_the_members_it_shows_on_only(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    pages = [m.get_absolute_url() for m in (member, other_member, third)]
    for url in pages:
        Client().get(url)
        assert Client().get(url)["X-Cache"] == "hit"
    befriend(member, other_member)
    assert Client().get(pages[0])["X-Cache"] == "miss"
    assert Client().get(pages[1])["X-Cache"] == "miss"
    assert Client().get(pages[2])["X-Cache"] == "hit"


def test_a_signed_in_member_sees_the_change_at_once_too(member, other_member, page_cache):
    client = client_for(other_member)
    assert home(client) == []
    make_post(member, "First News")
    assert home(client) == ["Bilal Ahmed published the blog post First News."]
    assert stream(client, "/activity/") == ["Bilal Ahmed published the blog post First News."]
