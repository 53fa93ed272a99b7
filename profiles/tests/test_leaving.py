"""A member who leaves keeping their posts takes their answers and friendships with them."""

import pytest
from django.urls import reverse

from conftest import PASSWORD, client_for
from friends.queries import friend_ids
from friends.tests.helpers import befriend
from profiles.models import Answer
from profiles.services import save_answers

from .helpers import ask

pytestmark = pytest.mark.django_db


def test_leaving_keeping_content_erases_answers_and_friendships(creator, member, other_member):
    city = ask(creator, "City")
    save_answers(member, {city.pk: "Lahore"})
    save_answers(other_member, {city.pk: "Karachi"})
    befriend(member, other_member)

    response = client_for(member).post(
        reverse("members:leave"), {"content": "keep", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert not Answer.objects.filter(member=member).exists()
    assert Answer.objects.filter(member=other_member).exists()
    assert member.pk not in friend_ids(other_member)
    page = client_for(other_member).get(reverse("friends:mine")).content.decode()
    assert "Bilal" not in page
