"""The demo network and the benchmark network have events, past and upcoming, with answers
whose counts are right."""

from typing import Any

from django.db.models import Count, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Rsvp


def assert_attending_counts_exact() -> None:
    counted = dict(
        Event.objects.annotate(
            n=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ATTENDING))
        ).values_list("pk", "n")
    )
    for pk, attending in Event.objects.values_list("pk", "attending_count"):
        assert attending == counted[pk], pk


def check_demo() -> None:
    """The demo has past and upcoming events with answers.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    now = timezone.now()
    assert Event.objects.upcoming(now).count() >= 3
    assert Event.objects.past(now).count() >= 2
    assert Event.objects.filter(privacy=Event.Privacy.INVITED, invitations__isnull=False).exists()
    assert Rsvp.objects.count() >= 10
    assert_attending_counts_exact()
    html = Client().get(reverse("events:upcoming")).content.decode()
    assert "Winter reunion dinner" in html
    assert "Reunion committee meeting" not in html  # invited only


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has events.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    assert Event.objects.count() == manifest["counts"]["events"] == 20
    assert Rsvp.objects.count() == manifest["counts"]["event_answers"]
    assert_attending_counts_exact()
    assert Client().get(manifest["events"]["upcoming_path"]).status_code == 200
    assert Client().get(manifest["events"]["calendar_path"]).status_code == 200
    if manifest["events"]["busiest_path"]:
        assert Client().get(manifest["events"]["busiest_path"]).status_code == 200
