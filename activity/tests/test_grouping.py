"""Consecutive entries of one kind on one thing within six hours make one line, as Ning did:
"Ayesha and 3 other members commented on …"."""

import pytest
from django.test import Client

from activity.models import Entry
from activity.queries import GROUP_WINDOW
from activity.tests.helpers import age, comment, joins, stream
from conftest import make_member, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)


@pytest.fixture
def commenters(network):
    return [make_member(f"Commenter {i}", f"c{i}@example.org") for i in range(4)]


def test_comments_on_one_post_within_hours_make_one_line(member, commenters):
    post = make_post(member, "Reunion in Lahore")
    for i, who in enumerate(commenters):
        comment(post, who)
        age(5 - i, actor=who)  # over three hours, the last one two hours ago
    age(24, kind="blogs.published")
    assert stream(Client()) == [
        "Commenter 3 and 3 other members commented on Reunion in Lahore.",
        "Bilal Ahmed published the blog post Reunion in Lahore.",
    ]
    assert Entry.objects.filter(kind="comments.added").count() == 4


def test_one_commenter_twice_and_another_once(member, commenters):
    post = make_post(member, "Reunion in Lahore")
    comment(post, commenters[0])
    comment(post, commenters[1])
    comment(post, commenters[0])
    assert stream(Client())[0] == "Commenter 0 and 1 other member commented on Reunion in Lahore."


def test_a_single_comment_is_quoted_and_a_group_is_not(member, commenters):
    post = make_post(member, "Reunion in Lahore")
    comment(post, commenters[0], "First!")
    assert "First!</a></blockquote>" in Client().get("/activity/").content.decode()
    comment(post, commenters[1], "Second.")
    assert "</blockquote>" not in Client().get("/activity/").content.decode()


def test_comments_further_apart_than_the_window_stay_apart(member, commenters):
    post = make_post(member, "Reunion in Lahore")
    comment(post, commenters[0])
    hours = GROUP_WINDOW.total_seconds() / 3600 + 0.1
    age(hours, actor=commenters[0])
    comment(post, commenters[1])
    assert stream(Client()) == [
        "Commenter 1 commented on Reunion in Lahore.",
        "Bilal Ahmed published the blog post Reunion in Lahore.",
        "Commenter 0 commented on Reunion in Lahore.",
    ]


def test_only_consecutive_entries_group(member, other_member, commenters):
    lahore = make_post(member, "Reunion in Lahore")
    karachi = make_post(other_member, "Karachi Nights")
    age(24, kind="blogs.published")
    comment(lahore, commenters[0])
    comment(karachi, commenters[1])
    comment(lahore, commenters[2])
    assert stream(Client())[:3] == [
        "Commenter 2 commented on Reunion in Lahore.",
        "Commenter 1 commented on Karachi Nights.",
        "Commenter 0 commented on Reunion in Lahore.",
    ]


def test_members_joining_together_make_one_line(network):
    for name in ("Ayesha", "Bilal", "Chen"):
        joins(f"{name} Test", f"{name.lower()}@example.net")
    assert stream(Client()) == ["Chen Test and 2 other members joined Riverbend Alumni."]


def test_posts_never_group(member):
    make_post(member, "One")
    make_post(member, "Two")
    assert len(stream(Client())) == 2
