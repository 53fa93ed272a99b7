import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(member):
    return make_post(member, title="Cached evening")


def test_visitors_get_the_post_page_from_the_cache(post, visitor):
    first = visitor.get(post.get_absolute_url())
    second = Client().get(post.get_absolute_url())
    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert b"csrfmiddlewaretoken" not in second.content


def test_a_new_comment_shows_at_once_to_the_next_visitor(post, visitor, other_member):
    visitor.get(post.get_absolute_url())
    add_comment(post, other_member, "Fresh words")
    response = Client().get(post.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert b"Fresh words" in response.content
    assert b"1 Comment" in Client().get(reverse("blogs:list")).content


def test_a_new_post_shows_on_the_cached_home_page(member, visitor):
    visitor.get("/")
    assert Client().get("/")["X-Cache"] == "hit"
    make_post(member, title="Brand new story")
    response = Client().get("/")
    assert response["X-Cache"] == "miss"
    assert b"Brand new story" in response.content


def test_renaming_the_network_shows_everywhere(creator, post, visitor):
    visitor.get(post.get_absolute_url())
    assert Client().get(post.get_absolute_url())["X-Cache"] == "hit"
    client_for(creator).post(
        reverse("network:settings"), {"name": "Renamed Circle", "time_zone": "UTC"}
    )
    assert b"Renamed Circle" in Client().get(post.get_absolute_url()).content


def test_members_are_never_served_a_cached_page(post, visitor, other_member):
    visitor.get(post.get_absolute_url())
    response = client_for(other_member).get(post.get_absolute_url())
    assert "X-Cache" not in response
    assert b"Add Comment" in response.content


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(post, visitor):
    visitor.get(post.get_absolute_url())
    visitor.cookies["messages"] = "something"
    assert "X-Cache" not in visitor.get(post.get_absolute_url())


def test_the_cache_can_be_turned_off(post, visitor, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visitor.get(post.get_absolute_url())
    assert "X-Cache" not in visitor.get(post.get_absolute_url())


def test_feeds_are_cached_and_refreshed(member, visitor):
    make_post(member, title="First in feed")
    visitor.get(reverse("blogs:feed_rss"))
    assert Client().get(reverse("blogs:feed_rss"))["X-Cache"] == "hit"
    make_post(member, title="Second in feed")
    assert b"Second in feed" in Client().get(reverse("blogs:feed_rss")).content


def test_the_language_switch_is_a_plain_link(post, visitor):
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert f'href="/language/ur/?next={post.get_absolute_url()}"' in html
    response = visitor.get(f"/language/ur/?next={post.get_absolute_url()}")
    assert response.url == post.get_absolute_url()
    urdu = visitor.get(post.get_absolute_url()).content.decode()
    assert '<html lang="ur" dir="rtl">' in urdu
    assert visitor.get("/language/xx/").status_code == 404


def test_a_deleted_comment_disappears_for_visitors(post, visitor, other_member):
    comment = add_comment(post, other_member, "Soon gone")
    assert b"Soon gone" in visitor.get(post.get_absolute_url()).content
    client_for(other_member).post(reverse("comments:delete", args=[comment.pk]))
    assert b"Soon gone" not in Client().get(post.get_absolute_url()).content


def test_a_page_read_from_the_replica_right_after_a_change_is_not_kept(post, settings):
    # The replica may not have replayed the change yet: serve the page, but do not store it
    # as the new version. (lib/replica.py normally sends such reads to the primary; this is
    # the race where content changes while the request is under way.)
    from lib import replica

    settings.REPLICA_LAG_SECONDS = 3
    token = replica._use_replica.set(True)
    try:
        # Served, but not stored ("miss" would mean stored for the next visitor).
        assert "X-Cache" not in Client().get(post.get_absolute_url())
        assert "X-Cache" not in Client().get(post.get_absolute_url())
    finally:
        replica._use_replica.reset(token)
    assert Client().get(post.get_absolute_url())["X-Cache"] == "miss"


# --- Scoped invalidation (cache tags) -----------------------------------------------------------


def test_a_comment_refreshes_its_post_and_the_listings_but_no_other_post(
    post, visitor, member, other_member
):
    other = make_post(other_member, title="Untouched evening")
    for page in (post, other):
        visitor.get(page.get_absolute_url())
    visitor.get(reverse("blogs:list"))
    add_comment(post, other_member, "Only here")
    assert Client().get(other.get_absolute_url())["X-Cache"] == "hit"
    assert Client().get(post.get_absolute_url())["X-Cache"] == "miss"
    listing = Client().get(reverse("blogs:list"))  # it shows "— 1 Comment"
    assert listing["X-Cache"] == "miss"
    assert b"1 Comment" in listing.content


def test_a_member_joining_leaves_posts_cached(post, visitor):
    from members.services import join

    visitor.get(post.get_absolute_url())
    join(
        network=_network(),
        display_name="New Person",
        email="new@example.org",
        password="a long password 1",
        next_url="/",
        base_url="http://testserver",
    )
    assert Client().get(post.get_absolute_url())["X-Cache"] == "hit"
    assert b"New Person" in Client().get(reverse("members:directory")).content


def _network():
    from network.models import Network

    return Network.objects.get()


def test_a_profile_change_shows_everywhere_the_name_is(post, visitor, member):
    from members.services import update_profile

    visitor.get(post.get_absolute_url())
    update_profile(member, display_name="Bilal A. Renamed", about="", photo=None)
    assert b"Bilal A. Renamed" in Client().get(post.get_absolute_url()).content


def test_many_writes_in_one_transaction_invalidate_each_tag_once(
    post, other_member, monkeypatch, settings
):
    from django.db import transaction

    from lib import cachetags

    settings.RATELIMIT_COMMENTS = (0, 600)
    bumped: list[set[str]] = []
    original = cachetags._bump
    monkeypatch.setattr(cachetags, "_bump", lambda tags: (bumped.append(set(tags)), original(tags)))
    with transaction.atomic():
        for i in range(20):
            add_comment(post, other_member, f"Bulk {i}")
        assert bumped == []  # nothing before the commit
    # One invalidation at the commit, each tag once: the post's comments and the listings, and
    # Latest Activity (the stream, the commenter's own), visitors' search results.
    assert bumped == [
        {
            f"post-comments:{post.pk}",
            "post-lists",
            "activity",
            f"activity:{other_member.pk}",
            "search",
        }
    ]


def test_a_server_asking_for_json_is_never_given_the_cached_page(post, visitor, settings):
    """ActivityPub shares posts' addresses: the JSON is answered before the page cache
    (federation's middleware), and a cached page never goes to a server asking for JSON."""
    url = post.get_absolute_url()
    assert visitor.get(url)["X-Cache"] == "miss"
    assert Client().get(url)["X-Cache"] == "hit"
    server = {"accept": "application/activity+json"}
    off = Client().get(url, headers=server)
    assert off.status_code == 404 and "X-Cache" not in off  # federation is off
    settings.FEDERATION_ENABLED = True
    on = Client().get(url, headers=server)
    assert on.status_code == 200 and "X-Cache" not in on
    assert on["Content-Type"].startswith("application/activity+json")
    assert on.json()["type"] == "Article"
    assert "Accept" in on["Vary"]


def test_requests_with_authorization_are_never_cached(post, visitor):
    visitor.get(post.get_absolute_url())
    response = Client().get(post.get_absolute_url(), headers={"authorization": "Bearer x"})
    assert "X-Cache" not in response


def test_unknown_query_strings_are_served_but_not_stored(post, visitor):
    from django.core.cache import cache

    def stored() -> set[str]:
        # Tag versions aside: there is at most one per tag bucket, whatever is requested.
        return {key for key in getattr(cache, "_cache", {}) if ":anjuman:tag:" not in key}

    for _ in range(3):  # the fragments every render caches (one learns its tags first)
        visitor.get(f"{post.get_absolute_url()}?utm=warm")
    before = stored()
    for i in range(20):
        response = visitor.get(f"{post.get_absolute_url()}?utm={i}")
        assert response.status_code == 200
        assert "X-Cache" not in response
    assert stored() == before
    assert visitor.get(reverse("blogs:list") + "?page=1")["X-Cache"] == "miss"
    assert Client().get(reverse("blogs:list") + "?page=01")["X-Cache"] == "hit"
    assert "X-Cache" not in Client().get(reverse("blogs:list") + "?page=last")


def test_a_cached_page_keeps_its_headers(post, visitor):
    first = visitor.get(post.get_absolute_url())
    second = Client().get(post.get_absolute_url())
    assert second["X-Cache"] == "hit"
    for header in ("Content-Type", "Content-Language", "X-Frame-Options"):
        assert second[header] == first[header]


def test_a_cached_page_costs_a_few_cache_reads_and_no_query(post, visitor):
    """The hit path: the network, one site-wide version, the page and its own tags — each
    version read once per request, however many fragments name it."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    visitor.get(post.get_absolute_url())
    read: list[str] = []
    get = cache.get

    def counting_get(key, *args, **kwargs):  # the test cache's get_many calls get per key
        read.append(key)
        return get(key, *args, **kwargs)

    cache.get = counting_get
    try:
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(post.get_absolute_url())
    finally:
        del cache.get
    assert response["X-Cache"] == "hit"
    assert len(queries) == 0
    # site version + page + post:N + blog:A + its views (post-views:N) + the like counts of
    # the post and of its comments (likes:post:N, comment-likes:T:N); the network is in the
    # process's memo.
    assert len(read) == len(set(read)) <= 7, read


def test_a_page_this_process_has_costs_only_its_versions_and_another_process_change_shows(
    post, visitor
):
    """lib/memo.py: the process keeps the pages it served; every hit still checks the versions,
    so a change written by another process (straight into the shared cache) shows at once."""
    import time

    from django.core.cache import cache

    from lib.cachetags import _key

    assert visitor.get(post.get_absolute_url())["X-Cache"] == "miss"
    read: list[str] = []
    get = cache.get

    def counting_get(key, *args, **kwargs):
        read.append(key)
        return get(key, *args, **kwargs)

    cache.get = counting_get
    try:
        assert Client().get(post.get_absolute_url())["X-Cache"] == "hit"
    finally:
        del cache.get
    # Only versions of tags (the site-wide one, post:N, blog:A, the likes'): no page entry,
    # no network entry.
    assert read and all(key.startswith("anjuman:tag:") for key in read), read
    # Another process comments on the post: it bumps post:N in the shared cache.
    cache.set(_key(f"post:{post.pk}"), time.time_ns(), timeout=None)
    assert Client().get(post.get_absolute_url())["X-Cache"] == "miss"
