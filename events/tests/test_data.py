"""The demo network and the benchmark network have events, past and upcoming, with answers
whose counts are right."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Rsvp

pytestmark = pytest.mark.django_db


def assert_attending_counts_exact() -> None:
    counted = dict(
        Event.objects.annotate(
            n=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ATTENDING))
        ).values_list("pk", "n")
    )
    for pk, attending in Event.objects.values_list("pk", "attending_count"):
        assert attending == counted[pk], pk


def test_the_demo_has_past_and_upcoming_events_with_answers():
    call_command("loaddemo", stdout=StringIO())
    now = timezone.now()
    assert Event.objects.upcoming(now).count() >= 3
    assert Event.objects.past(now).count() >= 2
    assert Event.objects.filter(privacy=Event.Privacy.INVITED, invitations__isnull=False).exists()
    assert Rsvp.objects.count() >= 10
    assert_attending_counts_exact()
    html = Client().get(reverse("events:upcoming")).content.decode()
    assert "Winter reunion dinner" in html
    assert "Reunion committee meeting" not in html  # invited only


def test_the_benchmark_network_has_events(tmp_path):
    manifest_file = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest_file),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    manifest = json.loads(manifest_file.read_text())
    assert Event.objects.count() == manifest["counts"]["events"] == 20
    assert Rsvp.objects.count() == manifest["counts"]["event_answers"]
    assert_attending_counts_exact()
    assert Client().get(manifest["events"]["upcoming_path"]).status_code == 200
    assert Client().get(manifest["events"]["calendar_path"]).status_code == 200
    if manifest["events"]["busiest_path"]:
        assert Client().get(manifest["events"]["busiest_path"]).status_code == 200
