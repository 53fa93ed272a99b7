"""“N views” on a post: counted by a beacon from the page (cached or not), once per visitor
and half hour, never the author's own; written to the post by the scheduler's job."""

import re
import time
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blogs.models import Post
from blogs.services import delete_post, flush_post_views, save_post, set_hidden
from blogs.views import view_token
from conftest import client_for, make_post
from lib import scheduler

pytestmark = pytest.mark.django_db

# Buckets of a tenth of a second: a view is flushed a fifth of a second after it was counted
# (lib/viewcounts.py), so the tests wait that long instead of minutes.
BUCKET = 0.1


@pytest.fixture(autouse=True)
def _short_buckets(settings):
    settings.VIEW_COUNT_BUCKET_SECONDS = BUCKET


def settle() -> None:
    time.sleep(3 * BUCKET)


def beacon_of(html: str) -> tuple[str, str] | None:
    """The address and token the page's script sends, if the page has a beacon."""
    m = re.search(r'data-view-url="([^"]+)" data-view-token="([^"]+)"', html)
    return (m.group(1), m.group(2)) if m else None


def view(client: Client, post: Post, **headers: Any) -> int:
    """What a browser does on the post page: load it, run views.js (send the beacon)."""
    html = client.get(post.get_absolute_url(), **headers).content.decode()
    found = beacon_of(html)
    assert found is not None, "the page has no beacon"
    url, token = found
    assert "/static/blogs/views.js" in html
    return client.post(url, {"token": token}, **headers).status_code


def visitor_from(address: str) -> dict[str, str]:
    return {"REMOTE_ADDR": address, "HTTP_USER_AGENT": "Mozilla/5.0 (test)"}


@pytest.fixture
def post(member):
    return make_post(member, title="Class photo found")


def test_views_count_once_per_visitor_and_show_after_the_flush(post, other_member):
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.2", "203.0.113.3"):
        assert view(Client(), post, **visitor_from(address)) == 204
    assert view(client_for(other_member), post) == 204
    settle()
    assert flush_post_views() == {post.pk: 4}
    post.refresh_from_db()
    assert post.view_count == 4
    assert "4 views" in Client().get(post.get_absolute_url()).content.decode()


def test_the_authors_own_page_has_no_beacon(post, member):
    html = client_for(member).get(post.get_absolute_url()).content.decode()
    assert beacon_of(html) is None
    assert "views.js" not in html
    assert "0 views" in html  # the count is shown to the author too


def test_drafts_and_hidden_posts_have_no_beacon_and_no_count(member, admin_member):
    draft = make_post(member, title="Half-written", publish=False)
    html = client_for(admin_member).get(draft.get_absolute_url()).content.decode()
    assert "Half-written" in html
    assert beacon_of(html) is None and "0 views" not in html
    hidden = make_post(member, title="A heated thread")
    set_hidden(hidden, True, by=admin_member)
    html = client_for(admin_member).get(hidden.get_absolute_url()).content.decode()
    assert "A heated thread" in html
    assert beacon_of(html) is None


def test_a_page_from_the_page_cache_still_counts(post):
    first = Client().get(post.get_absolute_url())
    assert first["X-Cache"] == "miss"
    assert view(Client(), post, **visitor_from("203.0.113.7")) == 204
    cached = Client().get(post.get_absolute_url())
    assert cached["X-Cache"] == "hit"
    assert beacon_of(cached.content.decode()) is not None


def test_a_view_does_not_refresh_the_cached_page_the_flush_does(post):
    Client().get(post.get_absolute_url())
    for address in ("203.0.113.1", "203.0.113.2"):
        view(Client(), post, **visitor_from(address))
    cached = Client().get(post.get_absolute_url())
    assert cached["X-Cache"] == "hit" and "0 views" in cached.content.decode()
    settle()
    flush_post_views()
    fresh = Client().get(post.get_absolute_url())
    assert fresh["X-Cache"] == "miss" and "2 views" in fresh.content.decode()


def test_the_flush_runs_as_the_schedulers_job(post):
    job = next(job for job in scheduler.jobs() if job.name == "flush-post-views")
    assert job.every.total_seconds() < 5 * 60  # within the file cache's keeping of counts
    view(Client(), post, **visitor_from("203.0.113.1"))
    view(Client(), post, **visitor_from("203.0.113.2"))
    settle()
    # As the scheduler queues it; the test settings' task backend runs it at once.
    job.task.enqueue()
    post.refresh_from_db()
    assert post.view_count == 2
    assert "2 views" in Client().get(post.get_absolute_url()).content.decode()


def test_the_beacon_refuses_junk_without_a_query(post, member):
    other = make_post(member, title="Another one")
    url = reverse("blogs:view", args=[post.pk])
    client, signed_in = Client(), client_for(member)
    client.get(post.get_absolute_url())  # the network is in the cache, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url, {"token": "junk"}).status_code == 404
        assert client.post(url, {}).status_code == 404
        assert client.post(url, {"token": view_token(other.pk)}).status_code == 404
        missing = reverse("blogs:view", args=[99999])
        assert client.post(missing, {"token": view_token(post.pk)}).status_code == 404
        assert client.get(url).status_code == 405
        assert client.post(url, {"token": view_token(post.pk)}).status_code == 204
        # A signed-in member's beacon reads neither their session nor their account.
        assert signed_in.post(url, {"token": view_token(post.pk)}).status_code == 204
    assert len(queries) == 0, [q["sql"] for q in queries]


def republish(post: Post, author, publish: bool) -> None:
    save_post(post, by=author, title=post.title, body=post.body, tags=[], links=[], publish=publish)


def test_beacons_from_pages_of_posts_no_longer_published_are_refused(
    post, member, admin_member, django_capture_on_commit_callbacks
):
    token = view_token(post.pk)
    url = reverse("blogs:view", args=[post.pk])
    with django_capture_on_commit_callbacks(execute=True):
        save_post(
            post, by=member, title=post.title, body=post.body, tags=[], links=[], publish=False
        )
    assert Client().post(url, {"token": token}).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        save_post(
            post, by=member, title=post.title, body=post.body, tags=[], links=[], publish=True
        )
    assert Client().post(url, {"token": token}).status_code == 204
    with django_capture_on_commit_callbacks(execute=True):
        set_hidden(post, True, by=admin_member)
    assert Client().post(url, {"token": token}).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        set_hidden(post, False, by=admin_member)
        delete_post(post, by=member)
    assert Client().post(url, {"token": token}).status_code == 404


def test_views_of_a_deleted_post_are_dropped_at_the_flush(post, member):
    other = make_post(member, title="Still here")
    view(Client(), post, **visitor_from("203.0.113.1"))
    view(Client(), other, **visitor_from("203.0.113.1"))
    delete_post(post, by=member)
    settle()
    flush_post_views()
    other.refresh_from_db()
    assert other.view_count == 1
    assert Post.objects.count() == 1


def test_the_authors_own_listing_shows_the_views_others_do_not(post, member, other_member):
    view(Client(), post, **visitor_from("203.0.113.1"))
    settle()
    flush_post_views()
    blog = reverse("blogs:member_blog", args=[member.handle])
    assert "1 view" in client_for(member).get(blog).content.decode()
    assert "1 view" not in client_for(other_member).get(blog).content.decode()
    assert "1 view" not in Client().get(blog).content.decode()
    # The author's listing follows the next flush.
    view(Client(), post, **visitor_from("203.0.113.2"))
    settle()
    flush_post_views()
    assert "2 views" in client_for(member).get(blog).content.decode()


def test_the_post_page_costs_no_query_more_for_its_views(post, other_member):
    client = client_for(other_member)
    for _ in range(3):  # the post's shared fragment learns its tags, is stored, is served
        client.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as before:
        client.get(post.get_absolute_url())
    view(Client(), post, **visitor_from("203.0.113.1"))
    settle()
    flush_post_views()
    assert "1 view" in client.get(post.get_absolute_url()).content.decode()
    client.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as after:
        html = client.get(post.get_absolute_url()).content.decode()
    assert "1 view" in html
    assert len(after) == len(before)
