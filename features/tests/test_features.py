"""Switching a feature off: the forum, as the issue asks — it leaves the navigation, the home
page, members' pages and every Latest Activity stream, and its addresses answer 404, also to
visitors served from the page cache and from nginx's page files. Switched on again, it is all
back."""

import pytest
from django.test import Client
from django.urls import reverse

import features
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for
from features import services
from forum.tests.helpers import make_category, make_discussion
from groups.tests.helpers import make_group
from members.models import ActionLog
from network.models import Network

pytestmark = pytest.mark.django_db

ALL_ON = dict.fromkeys(("blogs", "forum", "groups", "events", "photos", "videos", "messages"), "on")


def forum_off(by) -> None:
    services.set_features(Network.objects.get(), [k for k in ALL_ON if k != "forum"], by=by)


@pytest.fixture
def discussion(creator, member):
    return make_discussion(member, make_category(creator), title="Winter dinner in Lahore")


def test_the_forum_is_on_until_an_administrator_switches_it_off(admin_member, discussion):
    client = client_for(admin_member)
    page = client.get(reverse("features:manage"))
    assert page.status_code == 200
    assert 'id="id_forum" checked>' in page.content.decode()
    response = client.post(reverse("features:manage"), {**ALL_ON, "forum": ""})
    assert response.status_code == 302
    network = Network.objects.get()
    assert network.features_off == ["forum"]
    assert not features.is_on(network, "forum") and features.is_on(network, "blogs")
    log = ActionLog.objects.get(action="features")
    assert (log.actor, log.target_label) == (admin_member, "off: forum")
    assert 'id="id_forum">' in client.get(reverse("features:manage")).content.decode()


def test_an_unknown_feature_in_the_form_changes_nothing(creator):
    client_for(creator).post(reverse("features:manage"), {**ALL_ON, "wiki": ""})
    assert Network.objects.get().features_off == []
    assert not ActionLog.objects.exists()


def test_saving_without_a_change_is_not_logged(creator):
    client_for(creator).post(reverse("features:manage"), ALL_ON)
    assert not ActionLog.objects.exists()


@pytest.mark.parametrize("who", ["member", "visitor"])
def test_only_administrators_switch_features(who, member, visitor):
    client = client_for(member) if who == "member" else visitor
    response = client.post(reverse("features:manage"), {})
    assert response.status_code == (403 if who == "member" else 302)
    assert Network.objects.get().features_off == []


def test_the_forums_addresses_answer_404_when_it_is_off(creator, member, discussion):
    urls = [
        reverse("forum:index"),
        discussion.get_absolute_url(),
        reverse("forum:feed_rss"),
    ]
    for url in urls:
        assert Client().get(url).status_code == 200
    forum_off(creator)
    for client in (Client(), client_for(member), client_for(creator)):
        for url in urls:
            assert client.get(url).status_code == 404, url
    # Other features are untouched.
    assert Client().get(reverse("blogs:list")).status_code == 200


def test_comments_and_likes_on_the_forums_things_answer_404_when_it_is_off(
    creator, other_member, discussion
):
    forum_off(creator)
    client = client_for(other_member)
    comment = client.post(
        reverse("comments:create", kwargs={"kind": "discussion", "pk": discussion.pk}),
        {"body": "Still here?"},
    )
    assert comment.status_code == 404
    like = client.post(reverse("likes:like", kwargs={"kind": "discussion", "pk": discussion.pk}))
    assert like.status_code == 404
    assert not Comment.objects.exists()


def test_a_page_cached_for_visitors_is_not_served_once_the_forum_is_off(creator, discussion):
    first = Client().get(reverse("forum:index"))
    assert first["X-Cache"] == "miss"
    assert Client().get(reverse("forum:index"))["X-Cache"] == "hit"
    forum_off(creator)
    assert Client().get(reverse("forum:index")).status_code == 404


def test_nginx_page_files_of_the_forum_go_when_it_is_switched_off(
    settings, tmp_path, creator, discussion
):
    settings.PAGE_CACHE_DIR = str(tmp_path)
    Client().get(reverse("forum:index"))
    file = tmp_path / "current" / "en" / "forum" / "index.html"
    assert file.exists()
    forum_off(creator)
    assert not file.exists()
    # And it is not written again: the address answers 404, never stored.
    Client().get(reverse("forum:index"))
    assert not file.exists()


def test_the_forum_link_leaves_the_navigation(creator, member):
    assert ">Forum</a>" in Client().get("/").content.decode()
    forum_off(creator)
    for client in (Client(), client_for(member)):
        html = client.get("/").content.decode()
        assert ">Forum</a>" not in html
        assert ">Groups</a>" in html  # others stay


def test_the_forum_leaves_the_home_page_and_members_pages(creator, member, discussion):
    home, profile = "/", member.get_absolute_url()
    for url in (home, profile):
        assert "Winter dinner in Lahore" in Client().get(url).content.decode()
    forum_off(creator)
    for client in (Client(), client_for(member)):
        for url in (home, profile):
            assert "Winter dinner in Lahore" not in client.get(url).content.decode(), url


def test_the_forum_leaves_every_activity_stream(creator, member, other_member, discussion):
    add_comment(discussion, other_member, "Count me in for the dinner")
    group = make_group(member, "Lahore chapter")
    make_discussion_in_group = __import__("forum.services", fromlist=["x"]).start_discussion
    make_discussion_in_group(by=member, group=group, title="Chapter picnic", body="Sunday?")
    streams = [
        reverse("activity:everyone"),
        reverse("activity:member", kwargs={"handle": member.handle}),
        reverse("activity:member", kwargs={"handle": other_member.handle}),
        group.get_absolute_url(),
        "/",
    ]
    viewer = client_for(other_member)
    before = {url: viewer.get(url).content.decode() for url in streams}
    assert "Winter dinner in Lahore" in before[reverse("activity:everyone")]
    assert "Count me in" in before[reverse("activity:everyone")]
    assert "Chapter picnic" in before[group.get_absolute_url()]
    forum_off(creator)
    for url in streams:
        html = viewer.get(url).content.decode()
        for words in ("Winter dinner in Lahore", "Count me in", "Chapter picnic"):
            assert words not in html, (url, words)
    # The group's own entries stay ("… created the group").
    assert "Lahore chapter" in viewer.get(reverse("activity:everyone")).content.decode()


def test_switched_on_again_everything_is_back(creator, member, discussion):
    forum_off(creator)
    services.set_features(Network.objects.get(), list(ALL_ON), by=creator)
    assert Client().get(reverse("forum:index")).status_code == 200
    assert "Winter dinner in Lahore" in Client().get(reverse("activity:everyone")).content.decode()
    assert ">Forum</a>" in Client().get("/").content.decode()
    assert (
        ActionLog.objects.filter(action="features").order_by("pk").last().target_label
        == "on: forum"
    )


def test_messages_off_takes_the_inbox_away(creator, member):
    assert client_for(member).get(reverse("messaging:inbox")).status_code == 200
    services.set_features(Network.objects.get(), [k for k in ALL_ON if k != "messages"], by=creator)
    client = client_for(member)
    assert client.get(reverse("messaging:inbox")).status_code == 404
    assert 'href="/messages/"' not in client.get("/").content.decode()


def test_blogs_off_takes_the_blogs_link_and_the_write_button_away(creator, member):
    html = client_for(member).get("/").content.decode()
    assert "Write a post" in html and reverse("blogs:list") in html
    services.set_features(Network.objects.get(), [k for k in ALL_ON if k != "blogs"], by=creator)
    html = client_for(member).get("/").content.decode()
    assert "Write a post" not in html
    assert f'href="{reverse("blogs:list")}"' not in html
    assert reverse("blogs:feed_rss") not in html
    assert client_for(member).get(reverse("blogs:list")).status_code == 404
