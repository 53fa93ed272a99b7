"""A private network shows a visitor nothing but the doors: signing in, joining, confirming an
email, the password pages, an invitation's link, the language switch and static files."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client
from django.urls import reverse

from access import services
from access.middleware import OPEN_ROUTES
from conftest import client_for, make_post
from members.models import Member
from network.models import Network
from tests.test_access_matrix import KWARGS, MATRIX, WORLD_SETUP, World, route_of

pytestmark = pytest.mark.django_db

# What a visitor may open on a private network and gets 200 with content.
ALLOWED_200 = {
    "members:signin",
    "members:join",
    "members:password_reset",
    "members:password_reset_done",
    "members:password_reset_confirm",  # a wrong token: "the link is invalid"
    "members:password_reset_complete",
    "access:accept",
    # The network's look: the sign-in page is drawn with it (no content of the network).
    "appearance:theme_css",
    "appearance:custom_css",
    # robots.txt: "User-agent: * / Disallow: /" and nothing of the network.
    "sharing:robots",
}


def make_private(network: Network, by: Member) -> None:
    network.visibility = Network.Visibility.PRIVATE
    services.update_access_settings(network, ["visibility"], by=by)


class WorldOn(World):
    """The matrix's World on an existing network (World makes one)."""

    def __init__(self, network: Network) -> None:
        self.network = network
        for set_up in WORLD_SETUP:
            set_up(self)


def test_a_visitor_opens_nothing_but_the_doors_of_a_private_network() -> None:
    """Every route of the URLconf, with real objects for its arguments (the access matrix's
    World and KWARGS), asked for by a visitor of a private network: only the doors answer 200,
    and nothing else answers a page a feed reader or a cache would keep."""
    network = World().network
    make_private(network, network.creator)
    leaked = []
    # One world for the routes, its objects made as the routes name them; when a route's
    # objects do not fit beside the ones made before (a second of something there is one of),
    # that world is rolled back and a new one begins with this route.
    start = transaction.savepoint_create()
    world = WorldOn(network)
    for key in MATRIX:
        cache.clear()  # rate limits counted for the routes before
        name = route_of(key)
        kwargs = KWARGS.get(key, lambda w: {})
        try:
            with transaction.atomic():
                url = reverse(name, kwargs=kwargs(world))
        except Exception:
            transaction.savepoint_rollback(start)
            start = transaction.savepoint_create()
            world = WorldOn(network)
            url = reverse(name, kwargs=kwargs(world))
        # What the requests change (a confirmation link spent) goes with the route.
        savepoint = transaction.savepoint_create()
        for accept in ("text/html", "application/rss+xml, application/atom+xml", "*/*"):
            # A fresh client each time: opening a confirmation link signs its member in.
            response = Client().get(url, HTTP_ACCEPT=accept)
            if response.status_code == 200 and name not in ALLOWED_200:
                leaked.append(f"{url} ({key}, Accept: {accept})")
            elif response.status_code != 200 and name not in OPEN_ROUTES:
                # A redirect to sign in, or a refusal in plain text.
                assert response.status_code in (302, 403), (url, response.status_code)
                if response.status_code == 302:
                    assert response["Location"].startswith(reverse("members:signin")), url
                else:
                    assert response["Content-Type"].startswith("text/plain"), url
                    assert len(response.content) < 100, url
        if name == "members:signin":
            # The members of the world see the network as before.
            assert client_for(world.member).get("/").status_code == 200
        transaction.savepoint_rollback(savepoint)
    assert not leaked, "pages a visitor of a private network could read:\n" + "\n".join(leaked)
    # The one pattern without a name: uploaded files — but the network's logo, which the
    # sign-in page shows.
    assert Client().get("/media/photos/any.jpg").status_code == 403
    assert Client().get("/media/network/logo-none.png").status_code == 404


def test_feeds_and_calendars_answer_403_not_a_page(network, creator, member) -> None:
    make_post(member, "Reunion in Lahore")
    make_private(network, creator)
    visitor = Client()
    for url in ("/blog/feed/rss/", "/blog/feed/atom/", "/forum/feed/rss/", "/events/upcoming.ics"):
        response = visitor.get(url)
        assert response.status_code == 403, url
        assert b"private" in response.content
        assert b"Reunion" not in response.content
    # A member's feed reader with their session reads them.
    assert client_for(member).get("/blog/feed/rss/").status_code == 200


def test_media_files_are_refused_to_visitors(network, creator, member, settings) -> None:
    name = default_storage.save("photos/secret.txt", ContentFile(b"class photo"))
    try:
        url = f"/media/{name}"
        if settings.SERVE_MEDIA:
            assert Client().get(url).status_code == 200  # public: served
        make_private(network, creator)
        response = Client().get(url)
        assert response.status_code == 403
        assert b"class photo" not in b"".join(getattr(response, "streaming_content", [b""]))
        if settings.SERVE_MEDIA:
            member_response = client_for(member).get(url)
            assert member_response.status_code == 200
    finally:
        default_storage.delete(name)


def test_json_and_htmx_are_refused_not_redirected(network, creator) -> None:
    make_private(network, creator)
    visitor = Client()
    assert visitor.get("/", HTTP_ACCEPT="application/activity+json").status_code == 403
    assert visitor.get("/members/", HTTP_HX_REQUEST="true").status_code == 403
    assert visitor.post("/blog/new/", {"title": "x"}).status_code == 403
    # A browser's page: sent to sign in, and back afterwards.
    response = visitor.get("/members/?page=2")
    assert response.status_code == 302
    assert response["Location"] == reverse("members:signin") + "?next=/members/%3Fpage%3D2"


def test_no_cached_public_page_is_served_after_the_switch(network, creator, member) -> None:
    post = make_post(member, "Reunion in Lahore")
    visitor = Client()
    assert visitor.get("/")["X-Cache"] == "miss"
    assert visitor.get("/")["X-Cache"] == "hit"
    assert visitor.get(post.get_absolute_url()).status_code == 200
    assert visitor.get(post.get_absolute_url())["X-Cache"] == "hit"

    # The creator makes the network private from the settings page.
    response = client_for(creator).post(
        reverse("access:settings"), {"visibility": "private", "join_mode": "open"}
    )
    assert response.status_code == 302

    for url in ("/", post.get_absolute_url()):
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert "X-Cache" not in response
        assert b"Reunion" not in response.content
    # Public again: pages render afresh, and the cache stores them anew.
    client_for(creator).post(
        reverse("access:settings"), {"visibility": "public", "join_mode": "open"}
    )
    assert visitor.get("/")["X-Cache"] == "miss"


def test_page_files_for_nginx_are_removed_at_the_switch(
    network, creator, member, settings, tmp_path: Path
) -> None:
    settings.PAGE_CACHE_DIR = str(tmp_path)
    make_post(member, "Reunion in Lahore")
    Client().get("/members/")
    written = list(tmp_path.glob("current/*/members/index.html"))
    assert written, "the visitors' page was written for nginx"

    make_private(network, creator)

    assert not any(p.exists() for p in written)
    # While private, no visitor's page is rendered, so none is written again.
    Client().get("/members/")
    assert not list(tmp_path.glob("current/**/index.html"))


def test_members_and_signed_in_roles_see_everything(network, creator, member) -> None:
    post = make_post(member, "Reunion in Lahore")
    make_private(network, creator)
    client = client_for(member)
    assert b"Reunion in Lahore" in client.get(post.get_absolute_url()).content
    assert client.get("/members/").status_code == 200


def test_a_suspended_member_is_shut_out_like_a_visitor(network, creator, member) -> None:
    client = client_for(member)
    make_private(network, creator)
    Member.objects.filter(pk=member.pk).update(is_active=False)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:signin"))
