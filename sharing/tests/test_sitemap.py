"""sitemap.xml: an index of sections, each listing what a visitor may open — the same for
whoever asks — with when it last changed; a private network has none."""

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blogs.services import set_hidden
from conftest import client_for, make_member, make_post
from events.tests.helpers import make_event
from features.registry import KEYS
from features.services import set_features
from forum import services as forum_services
from forum.tests.helpers import make_category, make_discussion
from groups.tests.helpers import make_group
from lib.cachetags import invalidate
from members.models import Member
from network.models import Network
from pages.models import Page
from pages.services import save_page
from photos import services as photo_services
from photos.tests.helpers import jpeg
from sharing import sitemaps
from videos import services as video_services
from videos.models import Video

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE = "http://testserver"


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RATELIMIT_COMMENTS = (0, 600)
    monkeypatch.setattr(forum_services, "START_LIMIT", (0, 3600))


def xml_of(client: Client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def index(client: Client | None = None) -> list[str]:
    root = xml_of(client or Client(), reverse("sharing:sitemap"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [loc.text or "" for loc in root.findall("s:sitemap/s:loc", NS)]


def addresses(client: Client | None = None) -> set[str]:
    """Every address of every page of every section, as a crawler walks the index."""
    found = set()
    for sitemap in index(client):
        root = xml_of(client or Client(), sitemap.removeprefix(SITE))
        found |= {loc.text or "" for loc in root.findall("s:url/s:loc", NS)}
    return found


def test_the_sitemap_lists_what_a_visitor_may_see_and_nothing_else(
    creator: Member, member: Member
) -> None:
    seen: list[Any] = []
    unseen: list[Any] = []
    seen.append(make_post(member, title="Published"))
    unseen.append(make_post(member, title="Draft", publish=False))
    hidden = make_post(member, title="Hidden")
    set_hidden(hidden, True, by=creator)
    unseen.append(hidden)
    category = make_category(creator)
    seen.append(make_discussion(member, category, title="In the forum"))
    open_group = make_group(member, "Class of 2005")
    closed_group = make_group(member, "Inner circle", private=True)
    seen.append(open_group)
    unseen.append(closed_group)
    seen.append(
        forum_services.start_discussion(by=member, group=open_group, title="Open", body="x")
    )
    unseen.append(
        forum_services.start_discussion(by=member, group=closed_group, title="Secret", body="x")
    )
    seen.append(make_event(member, "Dinner"))
    unseen.append(make_event(member, "Board meeting", invited_only=True))
    photos = photo_services.add_photos(member, [jpeg(), jpeg()]).photos
    seen.append(photos[0])
    photo_services.set_hidden(photos[1], True, by=creator)
    unseen.append(photos[1])
    seen.append(
        video_services.save_video(
            Video(), by=member, url="https://youtu.be/dQw4w9WgXcQ", title="Song", description=""
        )
    )
    seen.append(save_page(Page(title="About", slug="about", body="Hello"), by=creator))
    unseen.append(
        save_page(Page(title="Rules", slug="rules", body="Be kind", published=False), by=creator)
    )
    seen += [member, creator]
    network = Network.objects.get()
    network.approval_required = ["blogs"]
    network.save()
    invalidate("network")
    pending = make_post(make_member("New Writer", "new@example.org"), title="Pending")
    assert pending.is_pending
    unseen.append(pending)
    unseen.append(make_member("Sami Suspended", "sami@example.org", is_active=False))

    found = addresses()
    for thing in seen:
        assert SITE + thing.get_absolute_url() in found, thing
    for thing in unseen:
        assert SITE + thing.get_absolute_url() not in found, thing
    for route in ("network:home", "blogs:list", "forum:index", "events:upcoming", "groups:index"):
        assert SITE + reverse(route) in found
    # Whoever asks gets the visitor's sitemap: the creator sees the draft, the sitemap does not.
    assert addresses(client_for(creator)) == found


def test_entries_say_when_they_last_changed(member: Member) -> None:
    post = make_post(member)
    root = xml_of(Client(), reverse("sharing:sitemap_section", args=["posts"]))
    (entry,) = root.findall("s:url", NS)
    assert entry.findtext("s:loc", namespaces=NS) == SITE + post.get_absolute_url()
    lastmod = entry.findtext("s:lastmod", namespaces=NS) or ""
    assert lastmod.startswith(post.updated_at.astimezone().date().isoformat()[:4])
    root = xml_of(Client(), reverse("sharing:sitemap"))
    assert root.find("s:sitemap/s:lastmod", NS) is not None


def test_a_new_post_is_in_the_sitemap_at_once(member: Member) -> None:
    first = make_post(member, title="First")
    assert SITE + first.get_absolute_url() in addresses()
    second = make_post(member, title="Second")
    assert SITE + second.get_absolute_url() in addresses()
    set_hidden(second, True, by=Member.objects.get(role=Member.Role.CREATOR))
    assert SITE + second.get_absolute_url() not in addresses()


def test_switched_off_features_leave_the_sitemap(
    network: Network, creator: Member, member: Member
) -> None:
    make_post(member)
    set_features(network, [key for key in KEYS if key not in ("blogs", "events")], by=creator)
    sections = index()
    assert not [s for s in sections if "posts" in s or "events" in s]
    assert Client().get(reverse("sharing:sitemap_section", args=["posts"])).status_code == 404
    assert SITE + reverse("forum:index") in addresses()
    assert SITE + reverse("blogs:list") not in addresses()


def test_a_large_section_is_split_into_pages(
    member: Member, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sitemaps.PostSitemap, "limit", 3)
    posts = [make_post(member, title=f"Post {i}") for i in range(7)]
    posts_map = SITE + reverse("sharing:sitemap_section", args=["posts"])
    sections = index()
    assert [s for s in sections if s.startswith(posts_map)] == [
        posts_map,
        posts_map + "?p=2",
        posts_map + "?p=3",
    ]
    found = addresses()
    assert {SITE + p.get_absolute_url() for p in posts} <= found
    # Oldest first: a new post lands on the last page, the first ones stay where they were.
    first = xml_of(Client(), posts_map.removeprefix(SITE))
    assert [loc.text for loc in first.findall("s:url/s:loc", NS)] == [
        SITE + p.get_absolute_url() for p in posts[:3]
    ]
    for bad in ("?p=4", "?p=0", "?p=abc", "?p=-1"):
        assert Client().get(posts_map.removeprefix(SITE) + bad).status_code == 404, bad
    assert Client().get("/sitemap-nothing.xml").status_code == 404


def test_a_private_network_has_no_sitemap(
    network: Network, creator: Member, member: Member
) -> None:
    from access.tests.test_private import make_private

    make_post(member)
    make_private(network, creator)
    for url in (reverse("sharing:sitemap"), reverse("sharing:sitemap_section", args=["posts"])):
        assert client_for(member).get(url).status_code == 404
        response = Client().get(url)
        assert response.status_code == 403  # the door's plain refusal
        assert b"Reunion" not in response.content


def _grow(creator: Member, author: Member, n: int) -> None:
    category = make_category(creator, name=f"Category {n}")
    for i in range(n):
        make_post(author, title=f"Post {n}-{i}")
        make_discussion(author, category, title=f"Discussion {n}-{i}")
        make_event(author, f"Event {n}-{i}")
        make_group(author, f"Group {n}-{i}")
        video_services.save_video(
            Video(), by=author, url="https://youtu.be/dQw4w9WgXcQ", title="v", description=""
        )
        save_page(Page(title=f"Page {n}-{i}", slug=f"page-{n}-{i}", body="x"), by=creator)
        make_member(f"Person {n}-{i}", f"person{n}-{i}@example.org")
    photo_services.add_photos(author, [jpeg() for _ in range(min(n, 10))])


def _queries(urls: list[str]) -> dict[str, int]:
    from django.core.cache import cache

    counts = {}
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(url).status_code == 200, url
        counts[url] = len(ctx.captured_queries)
    return counts


def test_the_sitemap_costs_the_same_with_5_or_50_of_everything(
    creator: Member, member: Member
) -> None:
    _grow(creator, member, 5)
    urls = [reverse("sharing:sitemap")] + [
        reverse("sharing:sitemap_section", args=[name]) for name, _m, _f in sitemaps.SECTIONS
    ]
    _queries(urls)  # content types and the like, read once per process
    small = _queries(urls)
    _grow(creator, member, 45)
    large = _queries(urls)
    assert large == small
    # The index: the network, then one query per section (its count and latest change); a
    # section: its count and its rows.
    assert large[reverse("sharing:sitemap")] <= 1 + len(sitemaps.SECTIONS)
    assert max(large[url] for url in urls[1:]) <= 3


def test_a_sitemap_seen_before_reads_nothing_again(member: Member) -> None:
    make_post(member)
    url = reverse("sharing:sitemap_section", args=["posts"])
    Client().get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert Client().get(url).status_code == 200
    assert not [q for q in ctx.captured_queries if "blogs_post" in q["sql"]]
