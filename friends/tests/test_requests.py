"""Sending, accepting, declining and cancelling friend requests: the services and the buttons."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member
from friends import services
from friends.models import FriendRequest, Friendship
from friends.queries import Relation, are_friends, relation
from friends.services import Refused, Sent

pytestmark = pytest.mark.django_db


def url(name, member):
    return reverse(f"friends:{name}", args=[member.handle])


def test_it_sends_a_request_and_the_other_accepts(member, other_member):
    assert services.send_request(by=member, to=other_member) == Sent.SENT
    assert relation(member, other_member) == Relation.REQUEST_SENT
    assert relation(other_member, member) == Relation.REQUEST_RECEIVED

    assert services.accept(by=other_member, sender=member) is True
    assert are_friends(member, other_member) and are_friends(other_member.pk, member.pk)
    assert not FriendRequest.objects.exists()
    assert relation(member, other_member) == relation(other_member, member) == Relation.FRIENDS


def test_a_request_to_someone_who_asked_first_makes_friends(member, other_member):
    services.send_request(by=member, to=other_member)
    assert services.send_request(by=other_member, to=member) == Sent.FRIENDS_NOW
    assert Friendship.objects.count() == 1
    assert not FriendRequest.objects.exists()


def test_asking_twice_keeps_one_request(member, other_member):
    assert services.send_request(by=member, to=other_member) == Sent.SENT
    assert services.send_request(by=member, to=other_member) == Sent.ALREADY_SENT
    assert FriendRequest.objects.count() == 1


def test_asking_a_friend_says_so(member, other_member):
    services.send_request(by=member, to=other_member)
    services.accept(by=other_member, sender=member)
    assert services.send_request(by=member, to=other_member) == Sent.ALREADY_FRIENDS
    assert services.send_request(by=other_member, to=member) == Sent.ALREADY_FRIENDS
    assert not FriendRequest.objects.exists()


def test_accepting_twice_is_not_an_error(member, other_member):
    services.send_request(by=member, to=other_member)
    assert services.accept(by=other_member, sender=member) is True
    assert services.accept(by=other_member, sender=member) is False
    assert Friendship.objects.count() == 1


def test_accepting_without_a_request_is_refused(member, other_member):
    with pytest.raises(Refused, match="has not sent you a friend request"):
        services.accept(by=other_member, sender=member)
    # The sender cannot accept their own request either.
    services.send_request(by=member, to=other_member)
    with pytest.raises(Refused):
        services.accept(by=member, sender=other_member)
    assert not Friendship.objects.exists()


def test_nobody_befriends_themselves(member):
    with pytest.raises(Refused, match="yourself"):
        services.send_request(by=member, to=member)
    with pytest.raises(Refused):
        services.accept(by=member, sender=member)
    with pytest.raises(Refused):
        services.block(by=member, other=member)


def test_the_database_refuses_what_the_services_check(member, other_member):
    FriendRequest.objects.create(from_member=member, to_member=other_member)
    # The same pair in either direction, a request to oneself, a friendship stored twice or
    # upside down: each is a constraint, whatever code writes.
    for bad in (
        lambda: FriendRequest.objects.create(from_member=member, to_member=other_member),
        lambda: FriendRequest.objects.create(from_member=other_member, to_member=member),
        lambda: FriendRequest.objects.create(from_member=member, to_member=member),
        lambda: Friendship.objects.create(low=member, high=member),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            bad()
    low, high = sorted([member, other_member], key=lambda m: m.pk)
    Friendship.objects.create(low=low, high=high)
    for bad in (
        lambda: Friendship.objects.create(low=low, high=high),
        lambda: Friendship.objects.create(low=high, high=low),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            bad()


def test_decline_and_cancel_remove_the_request(member, other_member):
    services.send_request(by=member, to=other_member)
    assert services.decline(by=other_member, sender=member) is True
    assert services.decline(by=other_member, sender=member) is False  # twice: nothing left
    assert relation(member, other_member) == Relation.NONE

    services.send_request(by=member, to=other_member)
    assert services.cancel(by=member, to=other_member) is True
    assert services.cancel(by=member, to=other_member) is False
    assert not FriendRequest.objects.exists()


def test_unfriend(member, other_member):
    services.send_request(by=member, to=other_member)
    services.accept(by=other_member, sender=member)
    assert services.unfriend(by=other_member, other=member) is True
    assert services.unfriend(by=other_member, other=member) is False
    assert not are_friends(member, other_member)


def test_unconfirmed_and_suspended_members_cannot_ask_or_accept(member, unconfirmed):
    suspended = make_member("Sami Suspended", "sami@example.org", is_active=False)
    for by, to in ((unconfirmed, member), (suspended, member), (member, suspended)):
        with pytest.raises(PermissionDenied):
            services.send_request(by=by, to=to)
    services.send_request(by=member, to=unconfirmed)
    with pytest.raises(PermissionDenied):
        services.accept(by=unconfirmed, sender=member)
    # Saying no needs no confirmed email.
    assert services.decline(by=unconfirmed, sender=member) is True


# --- The buttons' endpoints --------------------------------------------------------------------


def test_the_buttons_work_without_javascript(member, other_member):
    me, them = client_for(member), client_for(other_member)
    response = me.post(url("send", other_member), {"next": "/members/"})
    assert response.status_code == 302 and response["Location"] == "/members/"
    page = me.get("/members/").content.decode()
    assert "Your friend request to Charlotte Reyes is sent." in page

    response = them.post(url("accept", member))
    assert response.status_code == 302
    assert response["Location"] == member.get_absolute_url()  # no next: the member's page
    assert are_friends(member, other_member)


def test_an_htmx_request_gets_the_buttons_alone(member, other_member):
    me = client_for(member)
    response = me.post(url("send", other_member), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div class="friend-actions')
    assert "Friend request sent." in html and "Cancel request" in html
    assert "<html" not in html

    response = me.post(url("cancel", other_member), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Your friend request to Charlotte Reyes is cancelled." in html
    assert "Add as friend" in html


def test_a_refusal_answers_400_with_the_reason(member):
    me = client_for(member)
    response = me.post(url("send", member))
    assert response.status_code == 400
    assert "You cannot do that with yourself." in response.content.decode()
    response = me.post(url("send", member), HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()


def test_accepting_a_request_that_was_withdrawn_says_so(member, other_member):
    services.send_request(by=member, to=other_member)
    services.cancel(by=member, to=other_member)
    response = client_for(other_member).post(url("accept", member))
    assert response.status_code == 400
    assert "Bilal Ahmed has not sent you a friend request." in response.content.decode()


def test_a_double_submission_sends_one_request(member, other_member):
    me = client_for(member)
    first = me.post(url("send", other_member))
    second = me.post(url("send", other_member))
    assert first.status_code == second.status_code == 302
    assert FriendRequest.objects.count() == 1


def test_visitors_are_asked_to_sign_in(member, other_member):
    response = Client().post(url("send", other_member))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:signin"))
    assert not FriendRequest.objects.exists()
    # And the member page invites them to.
    html = Client().get(other_member.get_absolute_url()).content.decode()
    assert "to add <bdi>Charlotte Reyes</bdi> as a friend." in html


def test_an_unconfirmed_member_is_told_to_confirm(unconfirmed, member):
    response = client_for(unconfirmed).post(url("send", member))
    assert response.status_code == 302 and response["Location"] == "/"
    assert not FriendRequest.objects.exists()
    html = client_for(unconfirmed).get(member.get_absolute_url()).content.decode()
    assert "Confirm your email to add friends." in html
    assert "Add as friend" not in html


def test_get_on_an_action_is_not_allowed(member, other_member):
    assert client_for(member).get(url("send", other_member)).status_code == 405


def test_a_suspended_or_unknown_member_is_404(member):
    suspended = make_member("Sami Suspended", "sami@example.org", is_active=False)
    me = client_for(member)
    assert me.post(url("send", suspended)).status_code == 404
    assert me.post("/members/nobody-here/friend/request/").status_code == 404


def test_next_only_follows_local_paths(member, other_member):
    response = client_for(member).post(url("send", other_member), {"next": "https://evil.example/"})
    assert response["Location"] == other_member.get_absolute_url()
