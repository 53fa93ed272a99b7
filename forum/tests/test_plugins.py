"""The forum in the other apps' places: Latest Activity, the home and member pages, the
navigation, likes, and a member who goes."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for
from forum import services
from forum.models import Discussion, Follow
from forum.tests.helpers import make_category, make_discussion
from likes.services import like
from members.services import leave, remove_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(creator):
    return make_category(creator)


def test_starting_a_discussion_shows_in_latest_activity_until_hidden(creator, member, category):
    discussion = make_discussion(member, category, title="Book club picks")
    page = Client().get(reverse("activity:everyone")).content.decode()
    assert "started the discussion" in page and "Book club picks" in page
    services.set_hidden(discussion, True, by=creator)
    assert "Book club picks" not in Client().get(reverse("activity:everyone")).content.decode()


def test_home_member_page_and_navigation_show_the_forum(member, category):
    make_discussion(member, category, title="Book club picks")
    home = Client().get("/").content.decode()
    assert "Latest Discussions" in home and "Book club picks" in home
    assert f'href="{reverse("forum:index")}"' in home
    profile = Client().get(member.get_absolute_url()).content.decode()
    assert "Discussions" in profile and "Book club picks" in profile


def test_members_like_a_discussion(member, other_member, category):
    discussion = make_discussion(member, category)
    assert like(discussion, other_member)
    page = client_for(other_member).get(discussion.get_absolute_url()).content.decode()
    assert "1 Like" in page or "1 like" in page.lower()


def test_a_removed_member_takes_their_discussions_and_last_replies(member, other_member, category):
    theirs = make_discussion(other_member, category, title="Theirs")
    mine = make_discussion(member, category, title="Mine")
    add_comment(mine, member, "First")
    add_comment(mine, other_member, "Second")
    remove_member(other_member)
    assert not Discussion.objects.filter(pk=theirs.pk).exists()
    mine.refresh_from_db()
    assert mine.last_reply_by == member and mine.comment_count == 1
    category.refresh_from_db()
    assert category.discussion_count == 1


def test_a_member_who_leaves_keeping_content_keeps_discussions_not_follows(
    member, other_member, category
):
    discussion = make_discussion(other_member, category, title="Kept")
    leave(other_member, keep_content=True)
    assert Discussion.objects.filter(pk=discussion.pk).exists()
    assert not Follow.objects.filter(member_id=other_member.pk).exists()
    page = Client().get(discussion.get_absolute_url()).content.decode()
    assert "Started by a former member" in page


def test_the_technical_admin_deletes_through_the_service(superuser, member, category):
    discussion = make_discussion(member, category)
    client = client_for(superuser)
    url = reverse("admin:forum_discussion_delete", args=[discussion.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Discussion.objects.exists()
    category.refresh_from_db()
    assert category.discussion_count == 0 and category.last_discussion is None
