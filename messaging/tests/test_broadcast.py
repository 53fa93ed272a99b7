"""A message to every member: queued by the request, delivered by the real task worker in
batches (one event per batch), followed on a progress page; who may send one."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from conftest import client_for, make_member
from friends import services as friends
from lib import events
from members.models import Member
from messaging import services, tasks
from messaging.models import Broadcast, Participant

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def send(client: Client, subject: str = "The annual reunion", body: str = "First Saturday!"):
    data = {"subject": subject, "body": body, "token": "b-1"}
    return client.post(reverse("messaging:broadcast"), data)


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_a_broadcast_in_batches_and_the_sender_follows_it(
    network, settings, monkeypatch
):
    settings.TASKS = DATABASE_QUEUE
    monkeypatch.setattr(tasks, "BATCH_SIZE", 2)
    creator = network.creator
    members = [make_member(f"Member {i}", f"m{i}@example.org") for i in range(5)]
    blocker = make_member("Quiet Person", "quiet@example.org")
    friends.block(by=blocker, other=creator)
    make_member("Away Person", "away@example.org", is_active=False)
    batches = []

    def heard(event):
        batches.append(sorted(m.pk for m in event.data["recipients"]))

    events.subscribe("messages.broadcast", heard)
    try:
        client = client_for(creator)
        response = send(client)
        broadcast = Broadcast.objects.get()
        assert response.status_code == 302
        assert response["Location"] == broadcast.get_absolute_url()
        # Nothing was delivered inside the request: the first batch waits in the queue.
        assert Participant.objects.filter(thread=broadcast.thread).count() == 1
        # (Search's indexing of the new members waits there too: not this test's.)
        waiting = DBTaskResult.objects.filter(status="READY")
        assert waiting.exclude(task_path__startswith="search.").count() == 1
        page = client.get(response["Location"]).content.decode()
        assert "Delivered 0 of 5…" in page
        assert 'hx-trigger="every 2s"' in page

        run_worker()
    finally:
        events.unsubscribe("messages.broadcast", heard)

    ids = [m.pk for m in members]
    assert batches == [ids[0:2], ids[2:4], ids[4:5]]
    fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "Delivered to all 5 members." in fragment
    assert "hx-trigger" not in fragment  # done: the page stops asking
    assert "<html" not in fragment
    for member in members:
        inbox = client_for(member).get(reverse("messaging:inbox")).content.decode()
        assert "The annual reunion" in inbox
    assert not Participant.objects.filter(member=blocker).exists()
    # Nobody replies to everyone: the recipients write to the sender.
    page = client_for(members[0]).get(broadcast.thread.get_absolute_url()).content.decode()
    assert "Write to" in page and 'name="body"' not in page


@pytest.mark.django_db(transaction=True)
def test_a_second_task_for_the_same_broadcast_delivers_nobody_twice(network, settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    monkeypatch.setattr(tasks, "BATCH_SIZE", 2)
    for i in range(3):
        make_member(f"Member {i}", f"m{i}@example.org")
    send(client_for(network.creator))
    broadcast = Broadcast.objects.get()
    # As if the scheduler thought the first batch's worker had died.
    tasks.deliver_broadcast.enqueue(broadcast.pk)
    run_worker()
    broadcast.refresh_from_db()
    assert broadcast.finished_at is not None
    assert broadcast.delivered == 3
    assert Participant.objects.filter(thread=broadcast.thread).count() == 4


@pytest.mark.django_db
def test_administrators_broadcast_only_when_the_creator_allows_it(network, admin_member, member):
    admin = client_for(admin_member)
    assert admin.get(reverse("messaging:broadcast")).status_code == 403
    assert admin.get(reverse("messaging:manage")).status_code == 403
    assert client_for(member).get(reverse("messaging:broadcast")).status_code == 403
    assert "Message everyone" not in admin.get(reverse("messaging:inbox")).content.decode()

    creator = client_for(network.creator)
    response = creator.post(reverse("messaging:manage"), {"admins_may_broadcast": "on"})
    assert response.status_code == 302

    assert admin.get(reverse("messaging:broadcast")).status_code == 200
    assert "Message everyone" in admin.get(reverse("messaging:inbox")).content.decode()
    assert send(admin).status_code == 302
    assert Broadcast.objects.get().sender == admin_member
    # Only the sender follows the delivery.
    url = Broadcast.objects.get().get_absolute_url()
    assert creator.get(url).status_code == 404


@pytest.mark.django_db
def test_a_broadcast_without_a_subject_keeps_what_was_typed(network):
    response = send(client_for(network.creator), subject="", body="Kept text")
    assert response.status_code == 400
    assert "Please give your message a subject." in response.content.decode()
    assert "Kept text" in response.content.decode()
    assert not Broadcast.objects.exists()
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_nobody_replies_to_everyone(network, member):
    sent = services.start_broadcast(by=network.creator, subject="News", body="To all")
    services.deliver_batch(sent.pk, 10)
    response = client_for(member).post(
        reverse("messaging:reply", args=[sent.thread_id]), {"body": "Reply all!"}
    )
    assert response.status_code == 400
    assert "Nobody replies to a message to every member." in response.content.decode()
    assert sent.thread.messages.count() == 1
