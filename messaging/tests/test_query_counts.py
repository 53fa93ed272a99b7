"""The inbox and a thread cost the same number of queries with 3 or 30 threads and messages."""

import pytest
from django.urls import reverse

from conftest import client_for, make_member, page_queries
from messaging.tests.helpers import answer, write

pytestmark = pytest.mark.django_db


def test_the_lists_cost_the_same_with_3_or_30_threads(member, other_member, settings):
    settings.RATELIMIT_MESSAGES = (0, 600)
    client = client_for(member)
    people = [other_member, *(make_member(f"Guest {i}", f"g{i}@example.org") for i in range(3))]

    def grow(n, start):
        for i in range(start, start + n):
            a, b = people[i % len(people)], people[(i + 1) % len(people)]
            thread = write(a, member, b, subject=f"Thread {i}")
            answer(member, thread)
            if i % 3:
                answer(a, thread)

    grow(3, 0)
    urls = [reverse(f"messaging:{box}") for box in ("inbox", "sent", "archive")]
    small = {url: page_queries(client, url) for url in urls}
    grow(27, 3)
    large = {url: page_queries(client, url) for url in urls}
    assert large == small
    assert large[urls[0]] <= 14  # the navigation's other counts included


def test_a_thread_costs_the_same_with_3_or_30_messages(member, other_member, settings):
    settings.RATELIMIT_MESSAGES = (0, 600)
    third = make_member("Tariq Third", "tariq@example.org")
    thread = write(member, other_member, third)
    client = client_for(member)

    def grow(n):
        # The others write: Bilal has unread messages each time he opens the thread.
        for i in range(n):
            answer([other_member, third][i % 2], thread, f"Message {i}")

    grow(2)
    url = thread.get_absolute_url()
    small = [page_queries(client, url), page_queries(client, url + "?page=1")]
    grow(27)
    large = [page_queries(client, url), page_queries(client, url + "?page=1")]
    assert large == small
