"""An address with a NUL character in it is nobody's page: 404 with the network's page, on
SQLite and on PostgreSQL alike (which refuses NUL in a lookup: a 500 before lib/paths.py)."""

import pytest
from django.test import Client

from conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/groups/old%00friends/",
        "/groups/old%00friends/activity/",
        "/members/bilal%00ahmed/",
        "/forum/c/reunions%00/",
        "/blog/1/a%00slug/",
    ],
)
def test_a_nul_in_the_address_is_not_found(network, member, path):
    for client in (Client(), client_for(member)):
        response = client.get(path)
        assert response.status_code == 404
        assert network.name in response.content.decode()
