import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from conftest import body_of, join_data


@pytest.mark.django_db(transaction=True)
def test_emails_wait_in_the_database_queue_until_a_worker_sends_them(network, settings, smtp):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = Client().post(
        reverse("members:join"),
        join_data(display_name="Queued Person", email="queued@example.org"),
    )
    assert response.status_code == 302
    # The page answered without talking to the SMTP server: the email is a queued task.
    assert smtp.messages() == []
    # (Beside it, search's indexing of the new member: not this test's.)
    emails = DBTaskResult.objects.exclude(task_path__startswith="search.")
    assert emails.filter(status="READY").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    [message] = smtp.wait_for("queued@example.org")
    assert "/confirm/" in body_of(message)
    assert emails.get().status == "SUCCESSFUL"
