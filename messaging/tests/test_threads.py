"""Threads: replies in order, unread counts, inbox/sent/archive, deleting for oneself, and
nobody outside a thread finding it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import client_for, make_member
from friends import services as friends
from messaging.models import Participant, Thread
from messaging.queries import unread_count
from messaging.tests.helpers import answer, errors, subjects, write

pytestmark = pytest.mark.django_db


def nav_badge(client) -> str | None:
    """The unread count beside Messages in the navigation."""
    html = client.get(reverse("members:directory")).content.decode()
    nav = html.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert 'href="/messages/">Messages' in nav
    after = nav.split('href="/messages/">Messages')[1].split("</a>")[0]
    badge = re.search(r'class="badge"[^>]*>([^<]*)<', after)
    return badge.group(1) if badge else None


def test_a_reply_shows_in_order_and_counts_as_unread_until_read(member, other_member):
    thread = write(member, other_member, body="Have you booked the hall?")
    bilal, charlotte = client_for(member), client_for(other_member)
    assert nav_badge(charlotte) == "1"

    response = charlotte.post(
        reverse("messaging:reply", args=[thread.pk]), {"body": "Yes, for the 14th.", "token": "r"}
    )
    assert response.status_code == 302
    assert nav_badge(charlotte) is None  # reading it marked it read
    assert nav_badge(bilal) == "1"

    page = bilal.get(thread.get_absolute_url()).content.decode()
    assert page.index("Have you booked the hall?") < page.index("Yes, for the 14th.")
    assert nav_badge(bilal) is None


def test_an_empty_reply_is_refused_and_writes_nothing(member, other_member):
    thread = write(member, other_member)
    response = client_for(other_member).post(
        reverse("messaging:reply", args=[thread.pk]), {"body": "  ", "token": "r"}
    )
    assert response.status_code == 400
    assert "Please write your message first." in errors(response)
    assert thread.messages.count() == 1


def test_a_reply_to_a_member_who_blocked_you_is_refused_without_naming_the_block(
    member, other_member
):
    thread = write(member, other_member)
    friends.block(by=member, other=other_member)
    response = client_for(other_member).post(
        reverse("messaging:reply", args=[thread.pk]), {"body": "Why?", "token": "r"}
    )
    assert response.status_code == 400
    assert errors(response) == ["You cannot send a message to Bilal Ahmed."]
    assert thread.messages.count() == 1


def test_nobody_else_finds_a_thread_by_any_address(member, other_member):
    thread = write(member, other_member)
    outsider = client_for(make_member("Olga Outsider", "olga@example.org"))
    pk = thread.pk
    for name in ("thread", "delete"):
        assert outsider.get(reverse(f"messaging:{name}", args=[pk])).status_code == 404
    for name in ("reply", "archive_thread", "unarchive_thread", "delete"):
        response = outsider.post(reverse(f"messaging:{name}", args=[pk]), {"body": "Hi"})
        assert response.status_code == 404
    # A thread that does not exist answers the same.
    assert outsider.get(reverse("messaging:thread", args=[pk + 1000])).status_code == 404
    assert thread.messages.count() == 1


def test_inbox_sent_and_archive_newest_activity_first(member, other_member):
    first = write(other_member, member, subject="First")
    write(member, other_member, subject="Second")
    third = write(other_member, member, subject="Third")
    answer(member, first, "Bumping the first")
    client = client_for(member)

    # Inbox: threads someone else wrote in; the first has the newest activity now.
    assert subjects(client.get(reverse("messaging:inbox"))) == ["First", "Third"]
    assert subjects(client.get(reverse("messaging:sent"))) == ["First", "Second"]

    client.post(reverse("messaging:archive_thread", args=[third.pk]))
    assert subjects(client.get(reverse("messaging:inbox"))) == ["First"]
    assert subjects(client.get(reverse("messaging:archive"))) == ["Third"]
    # Only for them: Charlotte still has it where it was.
    assert "Third" in subjects(client_for(other_member).get(reverse("messaging:sent")))

    # A new message brings it back to the inbox.
    answer(other_member, third, "Still there?")
    assert subjects(client.get(reverse("messaging:inbox"))) == ["Third", "First"]
    assert subjects(client.get(reverse("messaging:archive"))) == []
    client.post(reverse("messaging:archive_thread", args=[third.pk]))
    client.post(reverse("messaging:unarchive_thread", args=[third.pk]))
    assert subjects(client.get(reverse("messaging:inbox"))) == ["Third", "First"]


def test_lists_are_paginated(member, other_member):
    for i in range(25):
        write(other_member, member, subject=f"Note {i:02d}")
    client = client_for(member)
    assert len(subjects(client.get(reverse("messaging:inbox")))) == 20
    second = subjects(client.get(reverse("messaging:inbox") + "?page=2"))
    assert second == ["Note 04", "Note 03", "Note 02", "Note 01", "Note 00"]


def test_deleting_for_oneself_asks_first_and_the_others_keep_the_thread(member, other_member):
    thread = write(member, other_member, body="Old news")
    client = client_for(member)
    url = reverse("messaging:delete", args=[thread.pk])

    page = client.get(url)
    assert page.status_code == 200 and "Delete for me" in page.content.decode()
    assert Participant.objects.get(member=member).hidden is False

    assert client.post(url).status_code == 302
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert subjects(client.get(reverse("messaging:sent"))) == []
    assert "Old news" in client_for(other_member).get(thread.get_absolute_url()).content.decode()

    # Charlotte answers: the thread comes back to Bilal with the new message only.
    answer(other_member, thread, "New news")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "New news" in page and "Old news" not in page
    assert subjects(client.get(reverse("messaging:inbox"))) == ["Reunion venue"]


def test_a_thread_everyone_deleted_is_gone(member, other_member):
    thread = write(member, other_member)
    for who in (member, other_member):
        client_for(who).post(reverse("messaging:delete", args=[thread.pk]))
    assert not Thread.objects.exists()


def test_suggestions_leave_out_blocked_suspended_and_oneself(member, other_member):
    blocker = make_member("Charlie Blocker", "cb@example.org")
    blocked = make_member("Charlie Blocked", "cd@example.org")
    make_member("Charlie Suspended", "cs@example.org", is_active=False)
    friends.block(by=blocker, other=member)
    friends.block(by=member, other=blocked)
    make_member("Charlie Chaplin", "chaplin@example.org", confirmed=False)

    response = client_for(member).get(reverse("messaging:recipients"), {"q": "char"})

    labels = [r["label"] for r in response.json()["results"]]
    assert labels == [
        "Charlie Chaplin (@charlie-chaplin)",
        "Charlotte Reyes (@charlotte-reyes)",
    ]
    me = client_for(member).get(reverse("messaging:recipients"), {"q": "bilal"}).json()
    assert me["results"] == []


def test_a_message_refreshes_the_counts_of_its_members_only(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    for who in (member, other_member, third):
        assert unread_count(who) == 0  # now cached
    write(member, other_member)
    with CaptureQueriesContext(connection) as ctx:
        assert unread_count(third) == 0
    assert ctx.captured_queries == []  # still the cached count
    assert unread_count(other_member) == 1
    assert unread_count(member) == 0
