"""Email leaves through the task queue, once, even when a worker or web process is killed.

A slow or failing SMTP server then never slows down or breaks the page that sends the email.

With the database queue (django_tasks_db, TASKS_BACKEND=database):

- The task is queued in the transaction that asks for the email: the email exists exactly when
  the write that caused it is committed (a web process killed between its commit and an
  on-commit hook would otherwise leave, say, a joined member without a confirmation email).
  Other queues (Redis) get the task after the commit, as a queue outside the database must.
- Each task's row in the queue is its idempotency record. The task sends the message up to the
  end of its DATA, then marks its row done ("sent") in a committed, conditional UPDATE, and only
  then writes the final "." that makes the SMTP server accept the message. A second run of the
  same task (after its worker was killed) finds the row done and sends nothing; a worker killed
  before that point leaves the row "running" with an unfinished DATA the SMTP server discards, and
  the task is queued again (`requeue_abandoned`) and sent by another run.
- What remains: a kill in the microseconds between the commit of the mark and the write of the
  final "." loses that email (marked sent, never accepted). Nothing can close it without a
  transaction shared with the SMTP server; we chose "at most once, practically exactly once"
  over "at least once", which would send twice whenever a kill lands during the SMTP reply and
  the marking commit (milliseconds, seconds when SQLite is busy). bench/faults.py measures it.
- A task a killed worker left "running" is recognised by its lock file (DATA_DIR/email-locks,
  held with flock while the task runs; the kernel lets go when the process dies) and queued
  again by the next email task, or by anyone calling `requeue_abandoned`. The database queue
  serves one machine (several machines use Redis), so the lock files are on the same disk as
  every worker.

Every message carries a Message-ID made from its task's id: the same on every attempt, so a mail
system (or a test) can tell the attempts of one email apart from two emails.

An SMTP server that is down, or answers "try later" (4xx), does not lose the email: the run
marks its task failed and queues the next attempt, in one transaction (so exactly one of them
stays alive), to run RETRY_DELAYS later — a minute, then five, half an hour, two hours, six —
and logs a warning; after the last, or on a permanent refusal (5xx), it logs an error and
gives up. A retry is a new task, with a new Message-ID: the earlier attempt was never accepted.
(With another queue — Redis, the immediate one — a failure is logged by the queue, not retried
here.)

Besides the plain text, an email may carry extra headers (List-Unsubscribe) and an HTML
alternative.
"""

import contextlib
import datetime as dt
import fcntl
import logging
import os
import re
import smtplib
from collections.abc import Callable, Iterator
from email import policy
from email.message import Message
from email.policy import Policy
from email.policy import default as _default_policy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import models, transaction
from django.tasks import TaskContext, task, task_backends
from django.tasks.base import TaskResultStatus
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

# A running task whose lock is free this long after its start was left by a dead worker. Its
# worker takes the lock microseconds after claiming it; the margin covers a stalled machine.
ABANDONED_AFTER = dt.timedelta(seconds=10)
# How long after each failed attempt the next one runs; then the email is given up.
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=6),
)

logger = logging.getLogger("anjuman.email")


class _Superseded(Exception):
    """This run of the task no longer owns it (marked sent, or queued again, by another)."""


def message_id(task_id: str) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<{task_id}.email@{host}>"


@task(takes_context=True)
def send_email(
    context: TaskContext[..., None],
    subject: str,
    body: str,
    to: list[str],
    headers: dict[str, str] | None = None,
    html: str | None = None,
    attempt: int = 0,
) -> None:
    result = context.task_result
    message = _message(result.id, subject, body, to, headers, html)
    if not isinstance(task_backends[result.backend], DatabaseBackend):
        message.send()
        return
    requeue_abandoned()
    with _task_lock(result.id, wait=True):
        mine = DBTaskResult.objects.filter(
            id=result.id, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )

        def mark_sent() -> None:
            # Conditional: of two runs of one task, only the first to get here sends.
            if not mine.update(status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()):
                raise _Superseded

        def unmark() -> None:
            DBTaskResult.objects.filter(id=result.id).update(
                status=TaskResultStatus.RUNNING, finished_at=None
            )

        with contextlib.suppress(_Superseded):
            try:
                _deliver(message, mark_sent, unmark)
            except (smtplib.SMTPException, OSError) as error:
                _retry_later(mine, error, (subject, body, to), headers, html, attempt)
                raise


class _Message(EmailMultiAlternatives):
    def message(self, *, policy: "Policy[Message[str, str]] | None" = policy.default) -> Any:
        # A header word longer than the line limit (78 by default) is folded by CPython by
        # encoding it (RFC 2047): List-Unsubscribe's address would go out as =?utf-8?q?…?=,
        # which no mail program reads as an address. RFC 5322 allows lines of 998.
        chosen = policy or _default_policy
        return super().message(policy=chosen.clone(max_line_length=998))


def _message(
    task_id: str,
    subject: str,
    body: str,
    to: list[str],
    headers: dict[str, str] | None,
    html: str | None,
) -> EmailMessage:
    all_headers = {**(headers or {}), "Message-ID": message_id(task_id)}
    message = _Message(subject, body, None, to, headers=all_headers)
    if html is not None:
        message.attach_alternative(html, "text/html")
    return message


def _transient(error: BaseException) -> bool:
    """Whether trying again later may succeed: no connection, or a 4xx answer."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _reply in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return True  # refused or dropped connections, timeouts


def _retry_later(
    mine: "models.QuerySet[DBTaskResult[..., None]]",
    error: BaseException,
    args: tuple[str, str, list[str]],
    headers: dict[str, str] | None,
    html: str | None,
    attempt: int,
) -> None:
    """Queues the next attempt of a send that failed (see the module)."""
    to = args[2]
    if attempt >= len(RETRY_DELAYS) or not _transient(error):
        logger.error("Email to %s given up after %d attempts: %s", to, attempt + 1, error)
        return
    delay = RETRY_DELAYS[attempt]
    with transaction.atomic():
        # Only a run that still owns its task queues the next attempt (a run marked sent, or
        # superseded, has nothing to retry): this row failed and the next one is queued,
        # together or not at all.
        if not mine.update(status=TaskResultStatus.FAILED, finished_at=timezone.now()):
            return
        send_email.using(run_after=timezone.now() + delay).enqueue(
            *args, headers=headers, html=html, attempt=attempt + 1
        )
    logger.warning(
        "Email to %s not sent (%s); attempt %d in %d s",
        to,
        error,
        attempt + 2,
        delay.total_seconds(),
    )


def _deliver(message: EmailMessage, commit: Callable[[], None], undo: Callable[[], None]) -> None:
    """Sends `message`, calling `commit` at the last moment before the SMTP server accepts it."""
    backend = mailers.default
    if not isinstance(backend, SmtpBackend):  # console, in-memory: no point of no return
        commit()
        backend.send_messages([message])
        return
    if not backend.open() or backend.connection is None:
        raise smtplib.SMTPException("no connection to the SMTP server")
    smtp: smtplib.SMTP = backend.connection
    try:
        sender = backend.prep_address(message.from_email)
        recipients = [backend.prep_address(address) for address in message.recipients()]
        raw = message.message(policy=policy.SMTP).as_bytes()
        smtp.ehlo_or_helo_if_needed()
        code, reply = smtp.mail(sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        refused = {}
        for address in recipients:
            code, reply = smtp.rcpt(address)
            if code not in (250, 251):
                refused[address] = (code, reply)
        if len(refused) == len(recipients):
            raise smtplib.SMTPRecipientsRefused(refused)
        code, reply = smtp.docmd("data")
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        # What smtplib.SMTP.data() sends, split before the terminating "." line.
        data = re.sub(rb"(?m)^\.", b"..", re.sub(rb"\r\n|\r|\n", b"\r\n", raw))
        smtp.send(data if data.endswith(b"\r\n") else data + b"\r\n")
        commit()
        smtp.send(b".\r\n")
        code, reply = smtp.getreply()
        if code != 250:
            undo()
            raise smtplib.SMTPDataError(code, reply)
        backend.close()
    finally:
        # Left mid-DATA (superseded, or an error): drop the connection, so the SMTP server
        # discards the unfinished message instead of reading a QUIT as part of it.
        if backend.connection is not None:
            backend.connection.close()
            backend.connection = None


def _lock_path(task_id: str) -> Path:
    return Path(settings.DATA_DIR) / "email-locks" / f"{task_id}.lock"


@contextlib.contextmanager
def _task_lock(task_id: str, *, wait: bool) -> Iterator[bool]:
    """Holds the task's lock file; yields False (without waiting) when another holds it."""
    path = _lock_path(task_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            if wait:  # the task's own run is over, whatever happened: nobody needs the file
                path.unlink(missing_ok=True)
    finally:
        os.close(fd)


def requeue_abandoned() -> int:
    """Queues again the email tasks whose worker died while running them; returns how many."""
    stale = DBTaskResult.objects.filter(
        task_path=send_email.module_path,
        status=TaskResultStatus.RUNNING,
        started_at__lt=timezone.now() - ABANDONED_AFTER,
    )
    requeued = 0
    for task_id in stale.values_list("id", flat=True):
        with _task_lock(str(task_id), wait=False) as free:
            if free:
                requeued += DBTaskResult.objects.filter(
                    id=task_id, status=TaskResultStatus.RUNNING
                ).update(status=TaskResultStatus.READY)
    return requeued


def queue_email(
    subject: str,
    body: str,
    to: list[str],
    *,
    headers: dict[str, str] | None = None,
    html: str | None = None,
) -> None:
    """Sends an email through the task queue (see the module); `body` is its plain text,
    `html` an optional alternative, `headers` extra ones (List-Unsubscribe…)."""
    extra = _extra(headers, html)
    if isinstance(send_email.get_backend(), DatabaseBackend):
        send_email.enqueue(subject, body, to, **extra)  # in the caller's transaction: see above
    else:
        transaction.on_commit(lambda: send_email.enqueue(subject, body, to, **extra))


def _extra(headers: dict[str, str] | None, html: str | None) -> dict[str, Any]:
    """The task's optional arguments, left out when not given (a plain email's task is as it
    always was)."""
    extra: dict[str, Any] = {}
    if headers:
        extra["headers"] = headers
    if html is not None:
        extra["html"] = html
    return extra


@task
def requeue_abandoned_emails() -> None:
    """The scheduler's job (anjuman/apps.py): an email task a killed worker left "running" goes
    back to the queue within a minute, not only when the next email is sent."""
    if isinstance(send_email.get_backend(), DatabaseBackend):
        requeue_abandoned()
