"""Feed boxes: another site's RSS/Atom items in the sidebar, read by the task queue (never by a
page), through lib/fetch.py; the last good items kept when a fetch fails, with a note only
administrators see; where boxes show; their cache."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_post, page_queries
from lib import scheduler
from network import services
from network.models import SidebarBox

from .feedserver import FeedServer, feed_server, rss

pytestmark = pytest.mark.django_db

ITEMS = (
    (
        "Boats back in the harbour",
        "https://harbour.example.org/boats",
        "Tue, 01 Dec 2026 09:00:00 GMT",
    ),
    ("The <b>old</b> lighthouse &amp; its keeper", "https://harbour.example.org/light", ""),
    ("A link that runs script", "javascript:alert(1)", "Mon, 30 Nov 2026 10:00:00 GMT"),
)


@pytest.fixture
def server(settings: Any) -> Iterator[FeedServer]:
    with feed_server(settings) as running:
        yield running


def feed_box(url: str, **fields: Any) -> SidebarBox:
    box = SidebarBox(kind=SidebarBox.Kind.FEED, title="Harbour News", feed_url=url, **fields)
    box.save()
    return box


def test_a_new_feed_box_is_read_at_once_by_the_queue_and_shows_its_items(
    creator, visitor, server, django_capture_on_commit_callbacks
):
    url = server.serve("/feed.xml", rss(*ITEMS))
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client_for(creator).post(
            reverse("network:sidebar_new"),
            {"kind": "feed", "title": "Harbour News", "feed_url": url, "feed_items_shown": "5"},
        )
    assert response.status_code == 302
    assert len(queued) == 1  # the fetch is queued when the box is saved, not done by the page
    box = SidebarBox.objects.get()
    assert box.fetched_at is not None and box.last_error == ""
    html = visitor.get("/").content.decode()
    assert '<h2 dir="auto">Harbour News</h2>' in html
    assert (
        '<a href="https://harbour.example.org/boats" rel="nofollow noopener noreferrer" '
        'dir="auto">Boats back in the harbour</a>'
    ) in html
    # The date, in the network's language and time zone (Asia/Karachi).
    time = '<time class="byline" datetime="2026-12-01T14:00:00+05:00">December 1, 2026</time>'
    assert time in html
    # Markup in a title is text; a javascript: link is dropped, its title kept as plain text.
    assert "The old lighthouse &amp; its keeper</a>" in html
    assert '<span dir="auto">A link that runs script</span>' in html
    assert "javascript:" not in html


def test_a_page_never_fetches(creator, visitor, server, monkeypatch):
    box = feed_box(server.serve("/feed.xml", rss(*ITEMS)))
    services.fetch_feed(box.pk)

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a page fetched a feed")

    monkeypatch.setattr(services, "fetch", refuse)
    hits = len(server.hits)
    for client in (visitor, client_for(creator)):
        assert b"Boats back in the harbour" in client.get("/").content
        assert client.get(reverse("blogs:list")).status_code == 200
    assert len(server.hits) == hits


def test_the_scheduler_job_queues_one_fetch_per_feed_box(network, server):
    first = feed_box(server.serve("/one.xml", rss(ITEMS[0])))
    second = feed_box(server.serve("/two.xml", rss(ITEMS[1])))
    SidebarBox.objects.create(title="Plain text", body="Hello")
    assert "refresh-sidebar-feeds" in {job.name for job in scheduler.jobs()}
    assert "refresh-sidebar-feeds" in scheduler.run_due()  # the immediate backend runs it
    assert sorted(server.hits) == ["/one.xml", "/two.xml"]
    first.refresh_from_db()
    second.refresh_from_db()
    assert [i["title"] for i in first.feed_items] == ["Boats back in the harbour"]
    assert [i["title"] for i in second.feed_items] == ["The old lighthouse & its keeper"]


def test_a_failed_fetch_keeps_the_last_items_and_tells_administrators_only(
    creator, member, visitor, server
):
    url = server.serve("/feed.xml", rss(*ITEMS))
    box = feed_box(url)
    services.fetch_feed(box.pk)
    visitor.get("/")
    assert visitor.get("/")["X-Cache"] == "hit"

    server.serve("/feed.xml", b"oops", status=500, kind="text/plain")
    services.fetch_feed(box.pk)
    box.refresh_from_db()
    assert box.last_error == "The server answered HTTP 500."
    assert box.failed_at is not None
    assert box.feed_items[0]["title"] == "Boats back in the harbour"

    # Visitors: the same cached page, the last good items, no note.
    response = visitor.get("/")
    assert response["X-Cache"] == "hit"
    page = response.content.decode()
    assert "Boats back in the harbour" in page and "Last fetch failed" not in page
    # A fresh render for a visitor has no note either.
    assert "Last fetch failed" not in Client().get("/?page=1").content.decode()
    # Members do not see it; administrators do, on the page and on the list.
    assert b"Last fetch failed" not in client_for(member).get("/").content
    page = client_for(creator).get("/").content.decode()
    assert "Last fetch failed at" in page and "The server answered HTTP 500." in page
    assert "Boats back in the harbour" in page
    listing = client_for(creator).get(reverse("network:sidebar")).content.decode()
    assert "Last fetch failed at" in listing and "Its last good items are shown" in listing

    # It works again: the note goes.
    server.serve("/feed.xml", rss(*ITEMS))
    services.fetch_feed(box.pk)
    assert b"Last fetch failed" not in client_for(creator).get("/").content


@pytest.mark.parametrize(
    ("serve", "error"),
    [
        (lambda s: s.serve("/big.xml", rss(*ITEMS) + b" " * 3_000_000), "larger than"),
        (
            lambda s: s.serve("/page.html", b"<html><p>Hi</p></html>", kind="text/html"),
            "not an RSS",
        ),
        (lambda s: s.url("/missing.xml"), "HTTP 404"),
    ],
)
def test_fetch_failures_are_recorded(network, server, serve, error):
    box = feed_box(serve(server))
    services.fetch_feed(box.pk)
    box.refresh_from_db()
    assert error in box.last_error
    assert box.feed_items == []


def test_a_feed_on_a_local_address_is_refused_when_fetched(network, server):
    # A name that resolves to loopback gets past the form (it is not an address), not the fetch
    # (the test server's allowance is for its own address and port only).
    box = feed_box("http://localhost/feed.xml")
    server.serve("/feed.xml", rss(*ITEMS))
    services.fetch_feed(box.pk)
    box.refresh_from_db()
    assert box.last_error == "This address is on a private or local network."
    assert server.hits == []


def test_visitors_do_not_see_a_feed_box_before_it_has_items(creator, visitor, server):
    feed_box(server.serve("/feed.xml", rss(*ITEMS)))
    assert b"Harbour News" not in visitor.get("/").content
    page = client_for(creator).get("/").content.decode()
    assert "Harbour News" in page and "Not fetched yet" in page


def test_a_box_shows_as_many_items_as_chosen(visitor, server):
    box = feed_box(server.serve("/feed.xml", rss(*ITEMS)), feed_items_shown=1)
    services.fetch_feed(box.pk)
    html = visitor.get("/").content.decode()
    assert "Boats back in the harbour" in html
    assert "lighthouse" not in html


def test_new_items_refresh_the_cached_pages_and_the_same_items_do_not(visitor, server):
    box = feed_box(server.serve("/feed.xml", rss(ITEMS[0])))
    services.fetch_feed(box.pk)
    visitor.get("/")
    assert visitor.get("/")["X-Cache"] == "hit"
    services.fetch_feed(box.pk)  # the same items: nothing to refresh
    assert visitor.get("/")["X-Cache"] == "hit"
    server.serve("/feed.xml", rss(("Regatta on Sunday", "https://harbour.example.org/r", "")))
    services.fetch_feed(box.pk)
    response = visitor.get("/")
    assert response["X-Cache"] == "miss"
    assert b"Regatta on Sunday" in response.content
    assert b"Boats back" not in response.content


def test_a_new_address_clears_the_old_feeds_items_and_is_read_again(
    creator, server, django_capture_on_commit_callbacks
):
    box = feed_box(server.serve("/feed.xml", rss(*ITEMS)))
    services.fetch_feed(box.pk)
    other = server.serve("/other.xml", rss(("Regatta on Sunday", "https://h.example.org/", "")))
    with django_capture_on_commit_callbacks(execute=True):
        client_for(creator).post(
            reverse("network:sidebar_edit", args=[box.pk]),
            {"kind": "feed", "title": "Harbour News", "feed_url": other, "feed_items_shown": "5"},
        )
    box.refresh_from_db()
    assert [i["title"] for i in box.feed_items] == ["Regatta on Sunday"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "feed", "feed_url": ""}, "A feed box needs the feed"),
        ({"kind": "feed", "feed_url": "ftp://example.org/feed"}, "Only http:// and https://"),
        ({"kind": "feed", "feed_url": "http://10.0.0.1/feed.xml"}, "private or local network"),
        ({"kind": "feed", "feed_url": "http://169.254.169.254/"}, "private or local network"),
        ({"kind": "feed", "feed_url": "http://example.org:6379/"}, "usual ports"),
        ({"kind": "feed", "feed_url": "https://e.org/f", "feed_items_shown": "21"}, "less than"),
        ({"kind": "feed", "feed_url": "https://e.org/f", "feed_items_shown": "0"}, "greater than"),
        ({"placement": "sidebar"}, "Select a valid choice"),
        ({"kind": "feed", "feed_url": "javascript:alert(1)"}, "Enter a valid URL"),
    ],
)
def test_the_form_refuses_what_cannot_work_and_keeps_what_was_typed(creator, data, message):
    response = client_for(creator).post(
        reverse("network:sidebar_new"), {"title": "Harbour News", **data}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Harbour News"' in page
    assert not SidebarBox.objects.exists()


# --- Placement ----------------------------------------------------------------------------------


def test_each_box_shows_where_it_was_placed(visitor, member):
    SidebarBox.objects.create(title="Box everywhere", body_html="<p>e</p>")
    SidebarBox.objects.create(title="Box for home", placement="home", body_html="<p>h</p>")
    SidebarBox.objects.create(title="Box for blogs", placement="blogs", body_html="<p>b</p>")
    post = make_post(member)
    pages = {
        "/": {"Box everywhere", "Box for home"},
        reverse("blogs:list"): {"Box everywhere", "Box for blogs"},
        post.get_absolute_url(): {"Box everywhere", "Box for blogs"},
        reverse("blogs:member_blog", args=[member.handle]): {"Box everywhere", "Box for blogs"},
        reverse("members:directory"): {"Box everywhere"},
        member.get_absolute_url(): {"Box everywhere"},
    }
    for url, expected in pages.items():
        html = visitor.get(url).content.decode()
        shown = {t for t in ("Box everywhere", "Box for home", "Box for blogs") if t in html}
        assert shown == expected, url


# --- Queries ----------------------------------------------------------------------------------


def _boxes(count: int, server: FeedServer) -> None:
    url = server.serve("/feed.xml", rss(*ITEMS))
    for i in range(count):
        box = feed_box(url) if i % 2 else SidebarBox.objects.create(title=f"Box {i}", position=i)
        if box.is_feed:
            SidebarBox.objects.filter(pk=box.pk).update(
                feed_items=[{"title": "T", "link": "https://e.org/", "date": ""}],
                failed_at="2026-12-01T00:00:00Z",
                last_error="The server answered HTTP 500.",
            )


def test_the_list_and_the_pages_cost_the_same_queries_at_5_and_50_boxes(creator, visitor, server):
    admin = client_for(creator)
    _boxes(5, server)
    few = [
        page_queries(c, u)
        for c in (admin, visitor)
        for u in ("/", reverse("network:sidebar"))[: 2 if c is admin else 1]
    ]
    _boxes(45, server)
    many = [
        page_queries(c, u)
        for c in (admin, visitor)
        for u in ("/", reverse("network:sidebar"))[: 2 if c is admin else 1]
    ]
    assert few == many


def test_a_feed_that_breaks_the_parser_is_a_recorded_failure(network, server, monkeypatch):
    box = feed_box(server.serve("/feed.xml", rss(*ITEMS)))
    services.fetch_feed(box.pk)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RecursionError("deeply nested")

    monkeypatch.setattr(services, "parse_feed", broken)
    services.fetch_feed(box.pk)
    box.refresh_from_db()
    assert box.last_error == "The feed could not be read."
    assert box.feed_items[0]["title"] == "Boats back in the harbour"  # the last good items
