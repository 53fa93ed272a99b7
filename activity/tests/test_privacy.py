"""The stream never shows what its viewer may not see: drafts, hidden and deleted posts and
comments, suspended members, and members blocked in either direction — per persona."""

import pytest
from django.test import Client

from activity.models import Entry
from activity.tests.helpers import befriend, comment, home, stream
from blogs import services as blogs
from comments import services as comments
from conftest import client_for, make_member, make_post
from friends import services as friends
from lib.cachetags import invalidate
from members.models import Member

pytestmark = pytest.mark.django_db

PERSONAS = ("visitor", "member", "author", "moderator", "administrator", "blocked")


@pytest.fixture
def people(member, other_member, admin_member):
    """author: Bilal; member: Charlotte; blocked: Zara, whom Bilal blocked."""
    found = {
        "author": member,
        "member": other_member,
        "moderator": make_member("Maya Moderator", "maya@example.org", role=Member.Role.MODERATOR),
        "administrator": admin_member,
        "blocked": make_member("Zara Blocked", "zara@example.org"),
    }
    friends.block(by=member, other=found["blocked"])
    return found


def client(people, persona):
    return Client() if persona == "visitor" else client_for(people[persona])


def seen_by(people, persona, url="/activity/"):
    return stream(client(people, persona), url)


def everyone_sees(people, expected, url="/activity/"):
    """…but the blocked member, who sees nothing of the author's, nor of what is on it."""
    for persona in PERSONAS:
        assert seen_by(people, persona, url) == ([] if persona == "blocked" else expected), persona


def test_a_draft_is_never_in_the_stream(people):
    make_post(people["author"], "Half Written", publish=False)
    everyone_sees(people, [])


def test_a_post_made_a_draft_again_leaves_the_stream_for_everyone(people):
    post = make_post(people["author"], "Second Thoughts")
    blogs.save_post(
        post, by=people["author"], title=post.title, body=post.body, tags=[], links=[],
        publish=False,
    )  # fmt: skip
    everyone_sees(people, [])


def test_a_hidden_post_leaves_the_stream_and_comes_back_when_shown(people):
    post = make_post(people["author"], "Heated Words")
    comment(post, people["member"], "I disagree.")
    blogs.set_hidden(post, True, by=people["moderator"])
    # Its comments' lines go for everyone who may not open the post; its own line for all.
    for persona in ("visitor", "member", "blocked"):
        assert seen_by(people, persona) == [], persona
    for persona in ("author", "moderator", "administrator"):
        assert seen_by(people, persona) == ["Charlotte Reyes commented on Heated Words."]
    blogs.set_hidden(post, False, by=people["moderator"])
    assert seen_by(people, "visitor") == [
        "Charlotte Reyes commented on Heated Words.",
        "Bilal Ahmed published the blog post Heated Words.",
    ]


def test_a_deleted_post_takes_its_lines_and_its_comments_lines(people):
    post = make_post(people["author"], "Gone Soon")
    comment(post, people["member"])
    blogs.delete_post(post, by=people["author"])
    assert not Entry.objects.exists()
    everyone_sees(people, [])


def test_a_hidden_comment_leaves_the_stream_for_everyone_until_shown(people):
    post = make_post(people["author"], "Open Letter")
    said = comment(post, people["member"], "Something rude.")
    comments.set_hidden(said, True, by=people["moderator"])
    everyone_sees(people, ["Bilal Ahmed published the blog post Open Letter."])
    comments.set_hidden(said, False, by=people["moderator"])
    assert seen_by(people, "visitor")[0] == "Charlotte Reyes commented on Open Letter."


def test_a_deleted_comment_leaves_the_stream(people):
    post = make_post(people["author"], "Open Letter")
    said = comment(post, people["member"])
    comments.delete_comment(said, by=people["member"])
    everyone_sees(people, ["Bilal Ahmed published the blog post Open Letter."])


def test_blocked_members_see_nothing_of_each_other_either_way(people):
    author, blocked, member = people["author"], people["blocked"], people["member"]
    mine = make_post(author, "By the Author")
    theirs = make_post(blocked, "By the Blocked")
    comment(mine, member, "On the author's post.")
    comment(theirs, member, "On the blocked member's post.")
    befriend(blocked, member)
    everything = [
        "Charlotte Reyes and Zara Blocked are now friends.",
        "Charlotte Reyes commented on By the Blocked.",
        "Charlotte Reyes commented on By the Author.",
        "Zara Blocked published the blog post By the Blocked.",
        "Bilal Ahmed published the blog post By the Author.",
    ]
    for persona in ("visitor", "member", "moderator", "administrator"):
        assert seen_by(people, persona) == everything, persona
        assert home(client(people, persona)) == everything, persona
    # Neither sees the other's posts, the comments on them, nor their friendships.
    assert seen_by(people, "author") == [
        "Charlotte Reyes commented on By the Author.",
        "Bilal Ahmed published the blog post By the Author.",
    ]
    assert seen_by(people, "blocked") == [
        "Charlotte Reyes and Zara Blocked are now friends.",
        "Charlotte Reyes commented on By the Blocked.",
        "Zara Blocked published the blog post By the Blocked.",
    ]
    assert home(client(people, "author")) == seen_by(people, "author")
    assert home(client(people, "blocked")) == seen_by(people, "blocked")
    url = f"/members/{people['blocked'].handle}/activity/"
    assert seen_by(people, "author", url) == []
    assert seen_by(people, "author", people["blocked"].get_absolute_url()) == []
    friends.unblock(by=author, other=blocked)
    assert seen_by(people, "author") == everything


def test_a_suspended_members_activity_is_gone_with_their_page(people):
    post = make_post(people["author"], "Before the Suspension")
    suspended = make_member("Sami Suspended", "sami@example.org")
    befriend(people["member"], suspended)
    comment(post, suspended)
    Member.objects.filter(pk=suspended.pk).update(is_active=False)
    invalidate("people")  # as the admin's change does
    everyone_sees(people, ["Bilal Ahmed published the blog post Before the Suspension."])


def test_unfriending_and_blocking_take_the_friendship_line_away(people):
    author, member = people["author"], people["member"]
    third = make_member("Tariq Third", "tariq@example.org")
    befriend(author, member)
    befriend(author, third)
    assert len(seen_by(people, "visitor")) == 2
    friends.unfriend(by=author, other=member)
    friends.block(by=third, other=author)
    everyone_sees(people, [])
    assert not Entry.objects.filter(kind="friends.accepted").exists()
