"""The demo network and the benchmark network have messages."""

from typing import Any

from django.urls import reverse

from conftest import client_for
from members.models import Member
from messaging.models import Broadcast, Message, Participant, Thread
from messaging.queries import unread_count


def check_demo() -> None:
    """The demo creator has conversations to read.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    creator = Member.objects.get(role=Member.Role.CREATOR)
    assert unread_count(creator) >= 1
    page = client_for(creator).get(reverse("messaging:inbox")).content.decode()
    assert "Reunion venue" in page and "Scholarship committee" in page
    assert Broadcast.objects.get().delivered == Member.objects.count() - 1
    for message in Message.objects.select_related("author"):
        assert message.created_at >= message.author.date_joined


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has inboxes of several pages.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    facts = manifest
    sampled = facts["members"][0]["pk"]
    assert Participant.objects.filter(member_id=sampled, received=True).count() >= 20
    assert Message.objects.count() > Thread.objects.count()
    client = client_for(Member.objects.get(pk=sampled))
    assert client.get(facts["messages"]["inbox_path"]).status_code == 200
    assert client.get(facts["messages"]["thread_path"]).status_code == 200
