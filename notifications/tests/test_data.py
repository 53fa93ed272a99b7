"""The demo network and the benchmark network have notifications: the sample member sees a
bell and a list with a few unread, no email is left queued for the demo's made-up people, and
the benchmark's sample members each have their list."""

from typing import Any

from django.db.models import F

from conftest import client_for
from members.demo import content as people
from members.models import Member
from notifications.benchdata import NOTIFICATIONS_PER_MEMBER, UNREAD
from notifications.models import Notification


def check_demo() -> None:
    """The demo has notifications for the sample member.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    sample = Member.objects.get(email=f"{people.SAMPLE_MEMBER}@demo.anjuman.test")
    mine = Notification.objects.filter(recipient=sample)
    assert mine.filter(kind="friend-request").exists()
    assert mine.count() >= 5
    # Dated as what they tell of, and only the last week's unread.
    assert not Notification.objects.filter(read_at__lt=F("created_at")).exists()
    html = client_for(sample).get("/notifications/").content.decode()
    assert html.count("notification-row") == min(mine.count(), 30)


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has notifications for its sample members.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    assert manifest["notifications"]["path"] == "/notifications/"
    sample = Member.objects.get(pk=manifest["members"][0]["pk"])
    mine = Notification.objects.filter(recipient=sample)
    assert mine.count() == NOTIFICATIONS_PER_MEMBER
    assert mine.filter(read_at=None).count() == UNREAD
    response = client_for(sample).get(manifest["notifications"]["path"])
    assert response.status_code == 200
    assert f'<span class="badge" aria-hidden="true">{UNREAD}</span>' in response.content.decode()
