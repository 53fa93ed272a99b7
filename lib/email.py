"""Email leaves through the task queue, after the transaction that asked for it commits.

A slow or failing SMTP server then never slows down or breaks the page that sends the email.
"""

from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task


@task
def send_email(subject: str, body: str, to: list[str]) -> None:
    send_mail(subject, body, None, to)


def queue_email(subject: str, body: str, to: list[str]) -> None:
    transaction.on_commit(lambda: send_email.enqueue(subject, body, to))
