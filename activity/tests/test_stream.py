"""What members do shows in Latest Activity: on the home page, on /activity/ and on their page."""

import pytest
from django.test import Client

from activity.models import Entry
from activity.tests.helpers import befriend, comment, home, joins, stream
from blogs.services import save_post
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db

NETWORK = "Riverbend Alumni"


def test_a_member_who_confirms_their_email_has_joined(network):
    ayesha = joins("Ayesha Siddiqui", "ayesha@example.org")
    assert home(Client()) == [f"Ayesha Siddiqui joined {NETWORK}."]
    assert stream(Client(), ayesha.get_absolute_url()) == [f"Ayesha Siddiqui joined {NETWORK}."]


def test_publishing_commenting_and_befriending_show_newest_first(member, other_member):
    post = make_post(member, "Reunion in Lahore")
    comment(post, other_member, "I still remember the **canteen** chai.")
    befriend(member, other_member)
    expected = [
        "Charlotte Reyes and Bilal Ahmed are now friends.",
        "Charlotte Reyes commented on Reunion in Lahore.",
        "Bilal Ahmed published the blog post Reunion in Lahore.",
    ]
    assert stream(Client()) == expected
    assert home(Client()) == expected
    assert stream(client_for(member)) == expected
    page = Client().get("/activity/").content.decode()
    # The comment is quoted as it was written (plain text, escaped), linked to itself.
    assert "I still remember the **canteen** chai.</a></blockquote>" in page
    assert f"{post.get_absolute_url()}#comment-" in page


def test_a_member_page_shows_what_they_did_and_their_new_friends(member, other_member):
    third = joins("Tariq Third", "tariq@example.org")
    post = make_post(member, "Letters From Home")
    comment(post, third)
    befriend(third, other_member)
    assert stream(Client(), member.get_absolute_url()) == [
        "Bilal Ahmed published the blog post Letters From Home."
    ]
    assert stream(Client(), f"/members/{other_member.handle}/activity/") == [
        "Charlotte Reyes and Tariq Third are now friends."
    ]
    assert stream(Client(), f"/members/{third.handle}/activity/") == [
        "Charlotte Reyes and Tariq Third are now friends.",
        "Tariq Third commented on Letters From Home.",
        f"Tariq Third joined {NETWORK}.",
    ]


def test_the_home_section_comes_after_the_latest_blog_posts(member):
    make_post(member, "Letters From Home")
    page = Client().get("/").content.decode()
    assert page.index("Latest Blog Posts") < page.index("Latest Activity")


def test_the_friends_stream_shows_only_friends(member, other_member):
    third = joins("Tariq Third", "tariq@example.org")
    befriend(member, other_member)
    make_post(other_member, "From a Friend")
    make_post(third, "From a Stranger")
    assert stream(client_for(member), "/activity/friends/") == [
        "Charlotte Reyes published the blog post From a Friend.",
        "Charlotte Reyes and Bilal Ahmed are now friends.",
    ]
    assert "From a Stranger" in " ".join(stream(client_for(member)))


def test_the_friends_stream_asks_visitors_to_sign_in(network):
    response = Client().get("/activity/friends/")
    assert response.status_code == 302
    assert response["Location"].startswith("/signin/")


def test_a_post_published_again_keeps_its_place_and_shows_once(member, other_member):
    post = make_post(member, "Second Thoughts")
    make_post(other_member, "Later News")
    save_post(post, by=member, title=post.title, body=post.body, tags=[], links=[], publish=False)
    assert stream(Client()) == ["Charlotte Reyes published the blog post Later News."]
    save_post(post, by=member, title=post.title, body=post.body, tags=[], links=[], publish=True)
    assert stream(Client()) == [
        "Charlotte Reyes published the blog post Later News.",
        "Bilal Ahmed published the blog post Second Thoughts.",
    ]
    assert Entry.objects.filter(kind="blogs.published").count() == 2


def test_an_edited_title_shows_in_the_stream(member):
    post = make_post(member, "First Title")
    assert home(Client()) == ["Bilal Ahmed published the blog post First Title."]
    save_post(
        post, by=member, title="Better Title", body=post.body, tags=[], links=[], publish=True
    )
    assert home(Client()) == ["Bilal Ahmed published the blog post Better Title."]


def test_names_and_titles_are_escaped_and_isolated(member):
    member.display_name = "<b>Bilal</b> احمد"
    member.save()
    make_post(member, "<script>alert(1)</script>")
    page = Client().get("/activity/").content.decode()
    assert "<script>alert(1)" not in page
    assert "<bdi>&lt;b&gt;Bilal&lt;/b&gt; احمد</bdi>" in page
    assert "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>" in page


def test_an_empty_network_says_nothing_happened_yet(network):
    response = Client().get("/activity/")
    assert "Nothing has happened here yet." in response.content.decode()
