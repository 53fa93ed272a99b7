"""A removed member's messages go with them; the others keep their threads and messages."""

import pytest
from django.urls import reverse

from conftest import client_for, make_member
from members.services import leave, remove_member
from messaging import services
from messaging.models import Broadcast, Message, Participant, Policy, Thread
from messaging.tests.helpers import answer, subjects, write

pytestmark = pytest.mark.django_db


def test_removing_a_member_removes_their_messages_and_keeps_the_others(
    network, member, other_member
):
    third = make_member("Tariq Third", "tariq@example.org")
    group = write(other_member, member, third, subject="Group", body="From Charlotte")
    answer(member, group, "From Bilal")
    only_theirs = write(member, other_member, subject="Only Bilal")
    services.start_broadcast(by=network.creator, subject="News", body="To all")
    mine = write(member, third, subject="Bilal to Tariq")
    answer(third, mine, "Tariq answers")
    # Bilal's message is the one Charlotte has not read; Tariq has read everything.
    client_for(third).get(group.get_absolute_url())

    remove_member(member)

    assert not Message.objects.filter(body__startswith="From Bilal").exists()
    assert not Participant.objects.filter(member_id=member.pk).exists()
    assert not Thread.objects.filter(pk=only_theirs.pk).exists()
    group.refresh_from_db()
    assert group.last_excerpt == "From Charlotte"
    charlotte = client_for(other_member)
    page = charlotte.get(group.get_absolute_url()).content.decode()
    assert "From Charlotte" in page and "From Bilal" not in page
    assert Participant.objects.get(thread=group, member=other_member).unread == 0
    assert subjects(client_for(third).get(reverse("messaging:inbox"))) == [
        "Bilal to Tariq",
        "Group",
    ]
    assert Broadcast.objects.count() == 1


def test_removing_the_sender_of_a_broadcast_removes_it(network, admin_member):
    Policy.objects.create(pk=1, admins_may_broadcast=True)
    broadcast = services.start_broadcast(by=admin_member, subject="News", body="To all")
    remove_member(admin_member)
    assert not Broadcast.objects.exists()
    assert not Thread.objects.filter(pk=broadcast.thread_id).exists()


def test_a_member_who_leaves_keeping_their_content_leaves_their_messages_to_the_others(
    member, other_member
):
    thread = write(member, other_member, subject="Old friends", body="Remember the library?")
    answer(other_member, thread, "Of course!")
    alone = write(member, make_member("Tariq Third", "tariq@example.org"), subject="Alone")
    leave(member, keep_content=True)

    assert not Participant.objects.filter(member_id=member.pk).exists()
    page = client_for(other_member).get(thread.get_absolute_url()).content.decode()
    assert "Remember the library?" in page and "Of course!" in page
    assert "a former member" in page and "Bilal Ahmed" not in page
    # Charlotte's answer now goes to nobody.
    response = client_for(other_member).post(
        reverse("messaging:reply", args=[thread.pk]), {"body": "Hello?"}
    )
    assert response.status_code == 400
    assert "Nobody else can read this conversation any more." in response.content.decode()
    assert Thread.objects.filter(pk=alone.pk).exists()  # Tariq is still in it
