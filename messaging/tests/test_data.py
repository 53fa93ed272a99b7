"""The demo network and the benchmark network have messages."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import client_for
from members.models import Member
from messaging.models import Broadcast, Message, Participant, Thread
from messaging.queries import unread_count

pytestmark = pytest.mark.django_db


def test_the_demo_creator_has_conversations_to_read():
    call_command("loaddemo", stdout=StringIO())
    creator = Member.objects.get(role=Member.Role.CREATOR)
    assert unread_count(creator) >= 1
    page = client_for(creator).get(reverse("messaging:inbox")).content.decode()
    assert "Reunion venue" in page and "Scholarship committee" in page
    assert Broadcast.objects.get().delivered == Member.objects.count() - 1
    for message in Message.objects.select_related("author"):
        assert message.created_at >= message.author.date_joined


def test_the_benchmark_network_has_inboxes_of_several_pages(tmp_path):
    manifest = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    facts = json.loads(manifest.read_text())
    sampled = facts["members"][0]["pk"]
    assert Participant.objects.filter(member_id=sampled, received=True).count() >= 20
    assert Message.objects.count() > Thread.objects.count()
    client = client_for(Member.objects.get(pk=sampled))
    assert client.get(facts["messages"]["inbox_path"]).status_code == 200
    assert client.get(facts["messages"]["thread_path"]).status_code == 200
