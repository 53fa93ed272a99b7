"""The demo network and the benchmark network have notifications: the sample member sees a
bell and a list with a few unread, no email is left queued for the demo's made-up people, and
the benchmark's sample members each have their list."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F

from conftest import client_for
from members.demo import content as people
from members.models import Member
from notifications.benchdata import NOTIFICATIONS_PER_MEMBER, UNREAD
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_demo_has_notifications_for_the_sample_member():
    call_command("loaddemo", stdout=StringIO())
    sample = Member.objects.get(email=f"{people.SAMPLE_MEMBER}@demo.anjuman.test")
    mine = Notification.objects.filter(recipient=sample)
    assert mine.filter(kind="friend-request").exists()
    assert mine.count() >= 5
    # Dated as what they tell of, and only the last week's unread.
    assert not Notification.objects.filter(read_at__lt=F("created_at")).exists()
    html = client_for(sample).get("/notifications/").content.decode()
    assert html.count("notification-row") == min(mine.count(), 30)


def test_the_benchmark_network_has_notifications_for_its_sample_members(tmp_path):
    manifest_path = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest_path),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    manifest = json.loads(manifest_path.read_text())
    assert manifest["notifications"]["path"] == "/notifications/"
    sample = Member.objects.get(pk=manifest["members"][0]["pk"])
    mine = Notification.objects.filter(recipient=sample)
    assert mine.count() == NOTIFICATIONS_PER_MEMBER
    assert mine.filter(read_at=None).count() == UNREAD
    response = client_for(sample).get(manifest["notifications"]["path"])
    assert response.status_code == 200
    assert f'<span class="badge" aria-hidden="true">{UNREAD}</span>' in response.content.decode()
