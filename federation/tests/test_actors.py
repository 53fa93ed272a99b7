"""Actors, posts and comments as ActivityPub documents, at the addresses people see."""

from typing import Any

import pytest
from django.test import Client

from blogs.services import set_hidden
from comments.services import add_comment
from conftest import make_post
from federation.models import LocalActor
from members.models import Member
from network.models import Network

from .conftest import ap_get, blogger

pytestmark = pytest.mark.django_db

LD = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'


def test_a_members_page_is_their_actor(client: Client, federation_on: Network) -> None:
    author = blogger("bilal")
    Member.objects.filter(pk=author.pk).update(about="Class of '98.")
    response = ap_get(client, "/members/bilal/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/activity+json")
    assert "Accept" in response["Vary"]
    actor = response.json()
    assert actor["id"] == actor["url"] == "http://testserver/members/bilal/"
    assert actor["type"] == "Person"
    assert actor["preferredUsername"] == "bilal"
    assert actor["name"] == "Bilal Ahmed"
    assert "Class of" in actor["summary"]
    assert actor["inbox"] == "http://testserver/ap/members/bilal/inbox/"
    assert actor["outbox"] == "http://testserver/ap/members/bilal/outbox/"
    assert actor["followers"] == "http://testserver/ap/members/bilal/followers/"
    assert actor["following"] == "http://testserver/ap/members/bilal/following/"
    assert actor["endpoints"]["sharedInbox"] == "http://testserver/ap/inbox/"
    key = actor["publicKey"]
    assert key["id"] == "http://testserver/members/bilal/#main-key"
    assert key["owner"] == actor["id"]
    assert key["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")
    assert b"PRIVATE" not in response.content
    # Made the first time it was needed, and the same afterwards.
    assert ap_get(client, "/members/bilal/").json()["publicKey"] == key
    assert LocalActor.objects.filter(member=author).count() == 1


def test_the_same_address_is_the_page_for_browsers(client: Client, federation_on: Network) -> None:
    blogger("bilal")
    response = client.get("/members/bilal/", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Accept" in response["Vary"]
    assert ap_get(client, "/members/bilal/", LD).json()["type"] == "Person"
    # Plain JSON-LD (not ActivityStreams) is no ActivityPub request.
    assert ap_get(client, "/members/bilal/", "application/ld+json")["Content-Type"].startswith(
        "text/html"
    )


def test_the_network_blog_is_a_group(client: Client, federation_on: Network) -> None:
    actor = ap_get(client, "/blog/").json()
    assert actor["type"] == "Group"
    assert actor["id"] == "http://testserver/blog/"
    assert actor["preferredUsername"] == "network.blog"
    assert actor["name"] == "Riverbend Alumni"
    assert actor["inbox"] == "http://testserver/ap/network/inbox/"


def test_a_post_is_an_article(client: Client, federation_on: Network) -> None:
    author = blogger("bilal")
    post = make_post(
        author,
        "Reunion in Lahore",
        "We met **again**.\n\n![The group](https://photos.example.org/group.jpg)",
        tags=["Lahore", "reunion"],
    )
    for path in (f"/blog/{post.pk}/", post.get_absolute_url()):
        response = ap_get(client, path)
        assert response.status_code == 200
        assert "Accept" in response["Vary"]
        article = response.json()
        assert article["id"] == f"http://testserver/blog/{post.pk}/"
    assert article["type"] == "Article"
    assert article["name"] == "Reunion in Lahore"
    assert "<strong>again</strong>" in article["content"]
    assert article["url"] == f"http://testserver{post.get_absolute_url()}"
    assert article["attributedTo"] == "http://testserver/members/bilal/"
    assert article["to"] == ["https://www.w3.org/ns/activitystreams#Public"]
    assert article["cc"] == ["http://testserver/ap/members/bilal/followers/"]
    assert article["published"].endswith("Z")
    assert "summary" not in article  # Mastodon would fold the post behind it (a content warning)
    assert sorted(tag["name"] for tag in article["tag"]) == ["#Lahore", "#reunion"]
    assert all(tag["type"] == "Hashtag" for tag in article["tag"])
    assert article["attachment"] == [
        {
            "type": "Image",
            "url": "https://photos.example.org/group.jpg",
            "mediaType": "image/jpeg",
            "name": "The group",
        }
    ]
    html = client.get(post.get_absolute_url())
    assert html["Content-Type"].startswith("text/html")


def test_drafts_hidden_posts_and_opted_out_members_are_not_served(
    client: Client, federation_on: Network, creator: Member
) -> None:
    author = blogger("bilal")
    draft = make_post(author, publish=False)
    assert ap_get(client, f"/blog/{draft.pk}/").status_code == 404
    hidden = make_post(author, "Hidden")
    set_hidden(hidden, True, by=creator)
    assert ap_get(client, f"/blog/{hidden.pk}/").status_code == 404
    shown = make_post(author, "Shown")
    assert ap_get(client, f"/blog/{shown.pk}/").status_code == 200
    LocalActor.objects.update_or_create(
        member=author, defaults={"federated": False, "public_key": "", "private_key": ""}
    )
    assert ap_get(client, f"/blog/{shown.pk}/").status_code == 404
    assert ap_get(client, "/members/bilal/").status_code == 404
    assert client.get("/.well-known/webfinger?resource=acct:bilal@testserver").status_code == 404


def test_the_outbox_pages_through_published_posts(client: Client, federation_on: Network) -> None:
    author = blogger("bilal")
    posts = [make_post(author, f"Post {n}") for n in range(23)]
    make_post(author, "Draft", publish=False)
    outbox = ap_get(client, "/ap/members/bilal/outbox/").json()
    assert outbox["type"] == "OrderedCollection"
    assert outbox["totalItems"] == 23
    first = ap_get(client, outbox["first"].removeprefix("http://testserver")).json()
    assert first["type"] == "OrderedCollectionPage"
    assert len(first["orderedItems"]) == 20
    assert {item["type"] for item in first["orderedItems"]} == {"Create"}
    assert first["orderedItems"][0]["object"]["name"] == "Post 22"
    second = ap_get(client, first["next"].removeprefix("http://testserver")).json()
    assert [item["object"]["id"] for item in second["orderedItems"]] == [
        f"http://testserver/blog/{post.pk}/" for post in reversed(posts[:3])
    ]
    assert "next" not in second
    network = ap_get(client, "/ap/network/outbox/?page=1").json()
    assert network["orderedItems"][0]["type"] == "Announce"
    assert network["orderedItems"][0]["actor"] == "http://testserver/blog/"
    assert ap_get(client, "/ap/network/outbox/?page=x").status_code == 404


def test_collections_are_counts(client: Client, federation_on: Network) -> None:
    blogger("bilal")
    followers = ap_get(client, "/ap/members/bilal/followers/").json()
    assert followers == {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "http://testserver/ap/members/bilal/followers/",
        "type": "OrderedCollection",
        "totalItems": 0,
    }
    assert ap_get(client, "/ap/network/following/").json()["totalItems"] == 0


def test_a_members_comment_is_a_note_in_reply(client: Client, federation_on: Network) -> None:
    author = blogger("bilal")
    post = make_post(author)
    commenter = blogger("sana")
    comment = add_comment(post, commenter, "What an evening!")
    note = ap_get(client, f"/ap/comments/{comment.pk}/").json()
    assert note["type"] == "Note"
    assert note["inReplyTo"] == f"http://testserver/blog/{post.pk}/"
    assert note["attributedTo"] == "http://testserver/members/sana/"
    assert "What an evening!" in note["content"]
    reply = add_comment(post, author, "Thank you", parent=comment)
    assert ap_get(client, f"/ap/comments/{reply.pk}/").json()["inReplyTo"] == (
        f"http://testserver/ap/comments/{comment.pk}/"
    )


def test_nothing_of_a_post_leaks_to_a_browser_through_the_page_cache(
    client: Client, federation_on: Network, settings: Any
) -> None:
    """A visitor's cached HTML page is never the answer to a server, nor the reverse."""
    settings.PAGE_CACHE_SECONDS = 300
    post = make_post(blogger("bilal"))
    html = client.get(post.get_absolute_url())
    assert html["Content-Type"].startswith("text/html")
    assert ap_get(client, post.get_absolute_url())["Content-Type"].startswith(
        "application/activity+json"
    )
    again = client.get(post.get_absolute_url())
    assert again["Content-Type"].startswith("text/html")
