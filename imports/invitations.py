"""The "choose your password" emails of imported members, sent when the administrator decides
(`manage.py invite_imported`), in batches through the email queue.

Imported members have no usable password, and Django's "Forgot your password?" form ignores
such accounts; this sends them the same kind of link (members:password_reset_confirm, the
same token), once each, and remembers who was invited (PasswordInvitation)."""

from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lib.datagen import Progress
from lib.email import queue_email
from members.models import Member
from network.models import Network

from .models import PasswordInvitation

BATCH = 200


def waiting() -> QuerySet[Member]:
    """Imported members who may sign in once they have a password and were not invited yet:
    local, active, approved, with an email and no usable password."""
    invited = PasswordInvitation.objects.values("member_id")
    return (
        Member.objects.local()
        .filter(is_active=True, awaiting_approval=False, left_at=None, email__isnull=False)
        .exclude(source="")
        .filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .exclude(pk__in=invited)
        .order_by("pk")
    )


def _batches(limit: int | None) -> Iterator[list[Member]]:
    sent = 0
    while limit is None or sent < limit:
        size = BATCH if limit is None else min(BATCH, limit - sent)
        batch = list(waiting()[:size])
        if not batch:
            return
        yield batch
        sent += len(batch)


def invite(*, limit: int | None = None, progress: Progress | None = None) -> int:
    """Queues the email for (at most `limit` of) the members waiting; returns how many."""
    network = Network.objects.first()
    name = network.name if network is not None else ""
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    total = waiting().count() if limit is None else min(limit, waiting().count())
    if progress is not None:
        progress.start("invitations", total)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for batch in _batches(limit):
            with transaction.atomic():
                for member in batch:
                    context = {
                        "user": member.display_name,
                        "site_name": name,
                        "site_url": settings.SITE_URL,
                        "uid": urlsafe_base64_encode(force_bytes(member.pk)),
                        "token": default_token_generator.make_token(member),
                        "days": days,
                    }
                    subject = render_to_string("imports/email/set_password_subject.txt", context)
                    body = render_to_string("imports/email/set_password_body.txt", context)
                    queue_email(" ".join(subject.split()), body, [member.address])
                PasswordInvitation.objects.bulk_create(
                    PasswordInvitation(member=member) for member in batch
                )
            sent += len(batch)
            if progress is not None:
                progress.advance(len(batch))
    if progress is not None:
        progress.finish()
    return sent
