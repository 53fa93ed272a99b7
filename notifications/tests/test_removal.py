"""A member removed takes their notifications, choices and digests, and those they caused
others, whose bells are refreshed."""

import pytest

from comments.services import add_comment
from conftest import client_for, make_post
from members.services import remove_member
from notifications import services
from notifications.kinds import Delivery
from notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def test_removing_a_member_takes_their_notifications_and_those_they_caused(member, other_member):
    add_comment(make_post(member), other_member, "Hello")
    add_comment(make_post(other_member), member, "Hello back")
    services.set_preferences({"like": Delivery.OFF}, by=other_member)
    client = client_for(member)
    assert '<span class="badge" aria-hidden="true">1</span>' in client.get("/").content.decode()

    remove_member(other_member)

    assert not Notification.objects.exists()
    assert not Preference.objects.exists()
    assert 'aria-hidden="true">1</span>' not in client.get("/").content.decode()
