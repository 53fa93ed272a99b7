"""The groups list and a group's member list make the same number of queries at 5 rows as at
50 (no query per row), for a visitor and for a member."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import client_for, make_member
from groups import services
from groups.models import Group

from .helpers import make_group

pytestmark = pytest.mark.django_db


def count(client: Client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow_groups(creator, start: int, n: int) -> None:
    for i in range(start, start + n):
        make_group(creator, f"Group {i:03}", private=i % 4 == 0)


def grow_members(group: Group, start: int, n: int) -> None:
    for i in range(start, start + n):
        joiner = make_member(f"Joiner {i}", f"joiner{i}@example.org")
        services.join(group, by=joiner)
        if i % 5 == 0:
            admin = group.creator
            assert admin is not None
            services.set_role(group, joiner, admin=True, by=admin)


def test_the_groups_list_costs_the_same_at_5_and_50(member):
    viewers = {"visitor": Client(), "member": client_for(member)}
    url = reverse("groups:index")
    grow_groups(member, 0, 5)
    small = {name: count(c, url) for name, c in viewers.items()}
    grow_groups(member, 5, 45)
    large = {name: count(c, url) for name, c in viewers.items()}
    assert small == large
    mine = reverse("groups:mine")
    assert count(viewers["member"], mine) == count(viewers["member"], mine + "?page=2")


def test_the_member_list_costs_the_same_at_5_and_50(member):
    group = make_group(member, "Big Group")
    viewers = {"visitor": Client(), "admin": client_for(member)}
    url = reverse("groups:members", args=[group.slug])
    grow_members(group, 0, 4)
    small = {name: count(c, url) for name, c in viewers.items()}
    grow_members(group, 4, 45)
    large = {name: count(c, url) for name, c in viewers.items()}
    assert small == large


def test_a_groups_page_costs_the_same_with_few_or_many_members(member):
    group = make_group(member, "Big Group")
    url = group.get_absolute_url()
    grow_members(group, 0, 4)
    small = count(Client(), url)
    grow_members(group, 4, 45)
    assert count(Client(), url) == small
