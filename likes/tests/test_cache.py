"""A like refreshes the cached pages that show that item's count, and no other."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import make_member, make_post
from likes import services

pytestmark = pytest.mark.django_db


def cached(url):
    return Client().get(url)["X-Cache"] == "hit"


def test_a_like_of_a_post_refreshes_its_page_and_the_listings_showing_it(member, other_member):
    old = make_post(member, title="Old one")
    post = make_post(member, title="Liked")
    other = make_post(member, title="Other")
    for i in range(8):  # push `old` alone onto the second page of /blog/
        make_post(other_member, title=f"Newer {i}")
    liked_listing = reverse("blogs:member_blog", args=[member.handle])
    page_two = reverse("blogs:list") + "?page=2"
    urls = [post.get_absolute_url(), other.get_absolute_url(), liked_listing, page_two]
    for url in urls:
        Client().get(url)
        assert cached(url), url

    services.like(old, other_member)  # old shows on the member's blog and /blog/?page=2
    assert cached(post.get_absolute_url()) and cached(other.get_absolute_url())
    assert not cached(page_two)
    assert "1 Like" in Client().get(liked_listing).content.decode()

    services.like(post, other_member)
    assert not cached(post.get_absolute_url())
    assert cached(other.get_absolute_url())
    assert cached(page_two)  # post is not on it


def test_a_like_of_a_comment_refreshes_its_post_and_nothing_else(member, other_member):
    post = make_post(member, title="Commented")
    other = make_post(member, title="Other")
    comment = add_comment(post, other_member, "Nice")
    add_comment(other, other_member, "Also nice")
    urls = [post.get_absolute_url(), other.get_absolute_url(), "/", reverse("blogs:list")]
    for url in urls:
        Client().get(url)
    services.like(comment, make_member("Third", "third@example.org"))
    response = Client().get(post.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "1 Like" in response.content.decode()
    assert all(cached(url) for url in urls[1:])


def test_unlike_refreshes_the_same_pages(member, other_member):
    post = make_post(member, title="Liked")
    services.like(post, other_member)
    Client().get(post.get_absolute_url())
    services.unlike(post, other_member)
    response = Client().get(post.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "1 Like" not in response.content.decode()


def test_liking_again_changes_nothing_and_refreshes_nothing(member, other_member):
    post = make_post(member, title="Liked")
    services.like(post, other_member)
    Client().get(post.get_absolute_url())
    services.like(post, other_member)
    assert cached(post.get_absolute_url())


@pytest.mark.parametrize("visits", [1, 2, 3])
def test_counts_stay_current_in_fragments_rendered_once_for_everyone(
    settings, member, other_member, visits
):
    """With the page cache off, the home page's and the listings' entries and a visitor's like
    buttons are still remembered between requests (lib.cachetags.cached_fragment, likes.buttons):
    after any number of earlier visits, a like or an unlike shows at once."""
    settings.PAGE_CACHE_SECONDS = 0
    post = make_post(member, title="Reunion notes")
    comment = add_comment(post, other_member, "Nice")
    urls = ["/", reverse("blogs:list"), reverse("blogs:member_blog", args=[member.handle])]
    for _ in range(visits):
        for url in [*urls, post.get_absolute_url()]:
            assert " Like" not in Client().get(url).content.decode(), url
    third = make_member("Third", "third@example.org")
    services.like(post, third)
    for url in urls:
        assert "1 Like" in Client().get(url).content.decode(), url
    page = Client().get(post.get_absolute_url()).content.decode()
    assert page.count("1 Like") == 1  # the post's; the comment has none yet
    services.like(comment, third)
    assert Client().get(post.get_absolute_url()).content.decode().count("1 Like") == 2
    services.unlike(post, third)
    for url in urls:
        assert "1 Like" not in Client().get(url).content.decode(), url
    assert Client().get(post.get_absolute_url()).content.decode().count("1 Like") == 1
