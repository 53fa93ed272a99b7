"""WebFinger, host-meta and NodeInfo: how other servers find this network's actors."""

from typing import Any

import pytest
from django.test import Client

from conftest import make_post
from members.models import Member
from network.models import Network

from .conftest import blogger

pytestmark = pytest.mark.django_db


def finger(client: Client, resource: str) -> Any:
    return client.get("/.well-known/webfinger", {"resource": resource})


def test_a_member_is_found_by_handle(client: Client, federation_on: Network) -> None:
    blogger("bilal")
    response = finger(client, "acct:bilal@testserver")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jrd+json"
    data = response.json()
    assert data["subject"] == "acct:bilal@testserver"
    selves = [link for link in data["links"] if link["rel"] == "self"]
    assert selves == [
        {
            "rel": "self",
            "type": "application/activity+json",
            "href": "http://testserver/members/bilal/",
        }
    ]


def test_the_network_blog_is_found(client: Client, federation_on: Network) -> None:
    data = finger(client, "acct:network.blog@testserver").json()
    assert data["links"][0]["href"] == "http://testserver/blog/"


def test_by_actor_address_too(client: Client, federation_on: Network) -> None:
    blogger("bilal")
    data = finger(client, "http://testserver/members/bilal/").json()
    assert data["subject"] == "acct:bilal@testserver"


@pytest.mark.parametrize(
    "resource",
    ["acct:nobody@testserver", "acct:bilal@elsewhere.example", "http://testserver/blog/1/"],
)
def test_unknown_accounts_are_not_found(
    client: Client, federation_on: Network, resource: str
) -> None:
    blogger("bilal")
    assert finger(client, resource).status_code == 404


@pytest.mark.parametrize("resource", ["", "bilal", "acct:bilal", "acct:@testserver", "ftp://x"])
def test_malformed_resources_are_refused(
    client: Client, federation_on: Network, resource: str
) -> None:
    assert finger(client, resource).status_code == 400


def test_accounts_of_other_servers_and_suspended_members_are_not_found(
    client: Client, federation_on: Network
) -> None:
    Member.objects.create(
        display_name="Remote", handle="remote", origin=Member.Origin.REMOTE, email=None
    )
    blogger("sana").__class__.objects.filter(handle="sana").update(is_active=False)
    assert finger(client, "acct:remote@testserver").status_code == 404
    assert finger(client, "acct:sana@testserver").status_code == 404


def test_nothing_while_federation_is_off(client: Client, settings: Any, network: Network) -> None:
    blogger("bilal")
    settings.FEDERATION_ENABLED = False
    assert finger(client, "acct:bilal@testserver").status_code == 404
    assert client.get("/.well-known/nodeinfo").status_code == 404
    assert client.get("/ap/members/bilal/outbox/").status_code == 404


def test_a_private_network_tells_nothing(client: Client, federation_on: Network) -> None:
    blogger("bilal")
    Network.objects.update(visibility=Network.Visibility.PRIVATE)
    from lib.cachetags import invalidate

    invalidate("network")
    found = finger(client, "acct:bilal@testserver")
    assert found.status_code in (302, 403, 404)  # access/ sends a browser-like request to sign in
    assert b"bilal" not in found.content
    response = client.get("/members/bilal/", headers={"Accept": "application/activity+json"})
    assert response.status_code in (403, 404)
    assert b"BEGIN PUBLIC KEY" not in response.content


def test_host_meta_points_to_webfinger(client: Client, federation_on: Network) -> None:
    response = client.get("/.well-known/host-meta")
    assert response.status_code == 200
    assert b"http://testserver/.well-known/webfinger?resource={uri}" in response.content


def test_nodeinfo_counts_members_and_posts(client: Client, federation_on: Network) -> None:
    index = client.get("/.well-known/nodeinfo").json()
    assert index["links"][0]["href"] == "http://testserver/nodeinfo/2.1"
    first = client.get("/nodeinfo/2.1").json()
    assert first["version"] == "2.1"
    assert first["protocols"] == ["activitypub"]
    assert first["software"]["name"] == "anjuman"
    assert first["usage"]["users"]["total"] == 1  # the creator
    assert first["usage"]["localPosts"] == 0
    author = blogger("bilal")
    make_post(author)
    later = client.get("/nodeinfo/2.1").json()
    assert later["usage"]["users"]["total"] == 2
    assert later["usage"]["localPosts"] == 1
