"""Daily and weekly digests, sent by the scheduler's job through the real queue, worker and
SMTP server: once per period however often the job runs, with what is unread and not yet
sent, and a one-click unsubscribe of every digest."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.services import add_comment
from conftest import make_member, make_post
from lib import scheduler
from notifications import digests, queries, services
from notifications.kinds import Delivery
from notifications.models import Digest, Notification
from notifications.tests.test_emails import subject

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATA_DIR = tmp_path


def work() -> None:
    """The worker runs what is queued: a comment's notifications are written by it."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def run_the_job() -> None:
    """What the scheduler does when the job is due, then what the worker does."""
    [job] = [job for job in scheduler.jobs() if job.name == "notification-digests"]
    job.task.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def text_of(message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return str(part.get_payload(decode=True).decode())
    raise AssertionError("no text part")


def test_a_daily_digest_goes_once_per_day(database_queue, smtp, member, other_member):
    services.set_preferences({"comment": Delivery.DAILY}, by=member)
    post = make_post(member, "Reunion in Lahore")
    add_comment(post, other_member, "First")
    add_comment(post, make_member("Tariq Third", "tariq@example.org"), "Second")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert smtp.messages() == []  # nothing at once

    run_the_job()
    [message] = smtp.wait_for(member.email)
    assert subject(message) == "Your day on Riverbend Alumni: 2 notifications"
    text = text_of(message)
    assert "Tariq Third commented on your post “Reunion in Lahore”" in text
    assert "Charlotte Reyes commented on your post “Reunion in Lahore”" in text
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The job again, and a comment meanwhile: nothing more today.
    add_comment(post, other_member, "Third")
    # The worker tells the earlier commenters (Tariq) as it runs, before the next job.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    run_the_job()
    run_the_job()
    to_member = [m for m in smtp.messages() if member.email in m["To"]]
    assert len(to_member) == 1
    # (Tariq, an earlier commenter, got his first daily digest with the "also commented".)
    assert Digest.objects.filter(member=member).count() == 1

    # Tomorrow's run sends what waited.
    tomorrow = timezone.now() + dt.timedelta(days=1)
    assert digests.send_digests(tomorrow) == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    later = smtp.wait_for(member.email, count=2)[-1]
    assert subject(later) == "Your day on Riverbend Alumni: 1 notification"
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


def test_read_notifications_stay_out_of_the_digest(database_queue, smtp, member, other_member):
    services.set_preferences({"comment": Delivery.WEEKLY}, by=member)
    add_comment(make_post(member), other_member, "Seen already")
    work()
    assert Notification.objects.filter(recipient=member, read_at=None).count() == 1
    services.mark_all_read(by=member)
    run_the_job()
    assert smtp.messages() == []
    assert not Digest.objects.exists()


def test_a_weekly_digest_is_one_per_week(database_queue, smtp, member, other_member):
    services.set_preferences({"comment": Delivery.WEEKLY}, by=member)
    post = make_post(member)
    add_comment(post, other_member, "Monday's")
    work()
    monday = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
    assert digests.send_digests(monday) == 1
    add_comment(post, other_member, "Wednesday's")
    work()
    assert digests.send_digests(monday + dt.timedelta(days=2)) == 0
    assert digests.send_digests(monday + dt.timedelta(days=7)) == 1
    assert Digest.objects.filter(frequency="weekly").count() == 2


def test_the_digests_unsubscribe_link_stops_every_digest(
    database_queue, smtp, member, other_member
):
    services.set_preferences({"comment": Delivery.DAILY, "like": Delivery.WEEKLY}, by=member)
    add_comment(make_post(member), other_member, "Hello")
    work()
    run_the_job()
    [message] = smtp.wait_for(member.email)
    url = message["List-Unsubscribe"].strip("<>").split("/", 3)[3]
    response = Client(enforce_csrf_checks=True).post("/" + url)
    assert response.status_code == 200
    assert "no more daily or weekly emails" in response.content.decode()
    choices = queries.deliveries(member)
    assert choices["comment"] == Delivery.PAGE
    assert choices["like"] == Delivery.PAGE
    # What was waiting for a digest is now on the site only.
    add_comment(make_post(member, "Another"), other_member, "Again")
    work()
    assert Notification.objects.filter(recipient=member, kind="comment").count() == 2
    assert (
        Notification.objects.filter(
            recipient=member, digest=None, delivery__in=["daily", "weekly"]
        ).count()
        == 0
    )


def test_a_comments_notifications_are_written_by_the_worker_not_in_the_request(
    database_queue, member, other_member
):
    """A comment costs its request one queued task: the notifications (the post's author's,
    the earlier commenters') are written by the worker, and only those who commented before
    it hear that someone also commented."""
    post = make_post(member, "Reunion in Lahore")
    tariq = make_member("Tariq Third", "tariq@example.org")
    add_comment(post, other_member, "First")
    add_comment(post, tariq, "Second")
    assert not Notification.objects.exists()
    add_comment(post, make_member("Late Comer", "late@example.org"), "Third")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    told = sorted(
        (n.recipient.display_name, n.actor.display_name)
        for n in Notification.objects.filter(kind="also-commented")
    )
    assert told == [
        ("Charlotte Reyes", "Late Comer"),
        ("Charlotte Reyes", "Tariq Third"),
        ("Tariq Third", "Late Comer"),
    ]
    assert Notification.objects.filter(recipient=member, kind="comment").count() == 3
