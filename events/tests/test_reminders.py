"""Reminders a day before, through the scheduler's job, the real database queue, its worker
and the SMTP server: once per answer however often the job runs, to who answered attending
or maybe, as each chose on the notifications settings page."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from conftest import make_member
from events.models import Rsvp
from events.services import answer, send_reminders
from lib import scheduler
from notifications import services as notifications
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.tests.test_digests import text_of
from notifications.tests.test_emails import subject

from .helpers import make_event

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATA_DIR = tmp_path


def run_the_job() -> None:
    [job] = [job for job in scheduler.jobs() if job.name == "event-reminders"]
    job.task.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_attending_and_maybe_are_reminded_once_by_email(database_queue, smtp, member):
    soon = make_event(
        member,
        "Alumni dinner",
        start=timezone.now() + dt.timedelta(hours=20),
        location="Alhamra Hall",
    )
    later = make_event(member, "Next month's picnic", start=timezone.now() + dt.timedelta(days=30))
    coming = make_member("Ayesha Coming", "ayesha@example.org")
    perhaps = make_member("Omar Perhaps", "omar@example.org")
    declined = make_member("Zara Declined", "zara@example.org")
    quiet = make_member("Qasim Quiet", "qasim@example.org")
    answer(soon, "yes", by=coming)
    answer(soon, "maybe", by=perhaps)
    answer(soon, "no", by=declined)
    answer(soon, "yes", by=quiet)
    answer(later, "yes", by=coming)
    notifications.set_preferences({"event-reminder": Delivery.OFF}, by=quiet)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    smtp.clear()

    run_the_job()
    [to_coming] = smtp.wait_for("ayesha@example.org")
    smtp.wait_for("omar@example.org")
    assert subject(to_coming) == "Reminder: “Alumni dinner” starts within a day"
    body = text_of(to_coming)
    assert "Alhamra Hall" in body
    assert soon.get_absolute_url() in body

    run_the_job()
    run_the_job()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    recipients = sorted(str(m["To"]) for m in smtp.messages())
    assert recipients == ["ayesha@example.org", "omar@example.org"]
    assert Notification.objects.filter(kind="event-reminder").count() == 2
    assert Rsvp.objects.filter(event=later, reminded_at=None).count() == 1


def test_the_next_days_events_only_and_not_hidden_ones(network, member, other_member):
    now = timezone.now()
    soon = make_event(member, "Tomorrow", start=now + dt.timedelta(hours=23))
    answer(soon, "yes", by=other_member)
    started = make_event(member, "Started", start=now + dt.timedelta(hours=1))
    answer(started, "yes", by=other_member)
    assert send_reminders(now + dt.timedelta(hours=2)) == 1  # "Started" has begun by then
    assert send_reminders(now + dt.timedelta(hours=2)) == 0


def test_an_event_moved_to_a_new_time_is_reminded_again(network, member, other_member):
    from events.models import Event
    from events.services import EventData, save_event

    now = timezone.now()
    event = make_event(member, "Tomorrow", start=now + dt.timedelta(hours=23))
    answer(event, "yes", by=other_member)
    assert send_reminders(now) == 1
    later = now + dt.timedelta(days=3)
    data = EventData(
        title=event.title, description="", start_at=later, end_at=later + dt.timedelta(hours=2)
    )
    save_event(Event.objects.get(pk=event.pk), data, by=member)
    assert send_reminders(now) == 0
    assert send_reminders(later - dt.timedelta(hours=2)) == 1
