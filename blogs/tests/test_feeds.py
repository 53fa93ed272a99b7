import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from conftest import make_post

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_network_rss_feed_has_the_latest_posts(visitor, member, other_member):
    make_post(member, title="First light")
    make_post(other_member, title="Second wind")
    make_post(member, title="Hidden draft", publish=False)
    response = visitor.get(reverse("blogs:feed_rss"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Riverbend Alumni — All Blog Posts"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Second wind", "First light"]
    assert "<strong>ten years</strong>" in channel.find("item").findtext("description")


def test_a_members_atom_feed_has_only_their_posts(visitor, member, other_member):
    make_post(member, title="Mine")
    make_post(other_member, title="Theirs")
    response = visitor.get(reverse("blogs:member_feed_atom", args=[member.handle]))
    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "Bilal Ahmed's Blog"
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Mine"]
    [author] = feed.findall(f"{ATOM}entry/{ATOM}author")
    assert author.findtext(f"{ATOM}name") == "Bilal Ahmed"
    assert author.findtext(f"{ATOM}uri").endswith(member.get_absolute_url())


def test_an_unknown_members_feed_is_404(visitor):
    assert visitor.get(reverse("blogs:member_feed_rss", args=["ghost"])).status_code == 404
