"""The results page costs the same number of queries at 5 and at 50 results (20 a page)."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_post, page_queries
from members.models import Member


def _posts(author: Member, n: int) -> None:
    for i in range(n):
        post = make_post(author, f"Canteen story {i}", f"Tea at the canteen, day {i}.")
        if i % 5 == 0:
            add_comment(post, author, f"The canteen again, {i}.")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["visitor", "member"])
def test_results_cost_the_same_queries_at_5_and_50(
    member: Member, other_member: Member, persona: str
) -> None:
    client = Client() if persona == "visitor" else client_for(other_member)
    url = reverse("search:search") + "?q=canteen"
    _posts(member, 5)
    few = page_queries(client, url)
    _posts(member, 45)
    many = page_queries(client, url)
    assert many == few, (few, many)
    print(f"search page queries, {persona}: {few} at 5 results, {many} at 50")
    assert page_queries(client, url + "&page=2") == few
