"""Emails of notifications, through the real database queue, task worker and SMTP server:
plain text and HTML, the one-click unsubscribe (link and RFC 8058 POST, no session, no CSRF
token), and a failing SMTP server that fails no request and is tried again later."""

import datetime as dt
import logging
from email.header import decode_header, make_header
from email.message import Message

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import client_for, make_member, make_post
from friends import services as friends
from notifications import emails, queries
from notifications.kinds import Delivery
from notifications.models import Notification
from tests.production.servers import free_port

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATA_DIR = tmp_path
    settings.SITE_URL = "https://riverbend.example"


def work() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def parts(message: Message) -> dict[str, str]:
    found = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            found[part.get_content_type()] = payload.decode(part.get_content_charset() or "utf-8")
    return found


def subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def comment(client: Client, post, body: str) -> None:
    url = reverse("comments:create", kwargs={"kind": "post", "pk": post.pk})
    assert client.post(url, {"body": body}).status_code == 302


def test_a_comment_emails_the_author_with_text_html_and_one_click_unsubscribe(
    database_queue, smtp, member, other_member
):
    post = make_post(member, "Reunion in Lahore")
    comment(client_for(other_member), post, "What a <night>!")
    assert smtp.messages() == []  # queued, not sent by the request
    work()

    [message] = smtp.wait_for(member.email)
    assert subject(message) == "Charlotte Reyes commented on your post “Reunion in Lahore”"
    unsubscribe = message["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://riverbend.example/notifications/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(message)["text/plain"], parts(message)["text/html"]
    assert "What a <night>!" in text
    assert f"https://riverbend.example{post.get_absolute_url()}#comment-" in text
    assert unsubscribe.strip("<>") in text
    assert "What a &lt;night&gt;!" in html
    assert "<bdi>Charlotte Reyes</bdi>" in html


def test_the_one_click_post_unsubscribes_without_session_or_csrf_token(
    database_queue, smtp, member, other_member
):
    post = make_post(member)
    comment(client_for(other_member), post, "First")
    work()
    [message] = smtp.wait_for(member.email)
    url = message["List-Unsubscribe"].strip("<>").removeprefix("https://riverbend.example")

    mail_provider = Client(enforce_csrf_checks=True)
    # Looking at the link changes nothing (mail scanners open links).
    assert mail_provider.get(url).status_code == 200
    assert queries.deliveries(member)["comment"] == Delivery.EMAIL
    response = mail_provider.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "you will get no more emails about “Comments on my posts”" in response.content.decode()
    assert queries.deliveries(member)["comment"] == Delivery.PAGE

    smtp.clear()
    comment(client_for(other_member), post, "Second")
    work()
    assert Notification.objects.filter(recipient=member).count() == 2  # still on the site
    assert smtp.messages() == []


def test_a_link_that_was_not_signed_here_is_refused(database_queue, member):
    forged = emails.unsubscribe_token(member.pk, "comment")[:-3] + "abc"
    assert Client().post(reverse("notifications:unsubscribe", args=[forged])).status_code == 404
    other_kind = emails.unsubscribe_token(member.pk, "no-such-kind")
    assert Client().get(reverse("notifications:unsubscribe", args=[other_kind])).status_code == 404
    assert queries.deliveries(member)["comment"] == Delivery.EMAIL


def test_unconfirmed_members_get_no_email(database_queue, smtp, member):
    newcomer = make_member("Uzma Pending", "uzma@example.org", confirmed=False)
    friends.send_request(by=member, to=newcomer)
    work()
    assert Notification.objects.filter(recipient=newcomer).count() == 1
    assert smtp.messages() == []


def test_a_failing_smtp_server_fails_no_request_and_is_tried_again_later(
    database_queue, smtp, settings, member, other_member, caplog
):
    working = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    post = make_post(member)
    comment(client_for(other_member), post, "Into the void")
    with caplog.at_level(logging.WARNING, logger="anjuman.email"):
        work()
    first = DBTaskResult.objects.get(status="FAILED")
    [retry] = DBTaskResult.objects.filter(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 1
    assert retry.run_after > timezone.now() + dt.timedelta(seconds=50)
    assert "attempt 2 in 60 s" in caplog.text
    # Not due yet: the next worker run leaves it.
    work()
    assert DBTaskResult.objects.get(pk=retry.pk).status == "READY"

    settings.MAILERS = working
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work()
    [message] = smtp.wait_for(member.email)
    assert "Into the void" in parts(message)["text/plain"]
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert DBTaskResult.objects.get(pk=first.pk).status == "FAILED"
    assert not DBTaskResult.objects.filter(status="READY").exists()
