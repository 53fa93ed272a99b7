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


def waiting(*, again: bool = False) -> QuerySet[Member]:
    """Imported members who may sign in once they have a password and were not invited yet
    (`again`: who were, and still have none — their link expired): local, active, approved,
    with an email and no usable password."""
    invited = PasswordInvitation.objects.values("member_id")
    members = (
        Member.objects.local()
        .filter(is_active=True, awaiting_approval=False, left_at=None, email__isnull=False)
        .exclude(source="")
        .filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .order_by("pk")
    )
    return members.filter(pk__in=invited) if again else members.exclude(pk__in=invited)


def _batches(limit: int | None, again: bool) -> Iterator[list[Member]]:
    sent = 0
    last = 0
    while limit is None or sent < limit:
        size = BATCH if limit is None else min(BATCH, limit - sent)
        batch = list(waiting(again=again).filter(pk__gt=last)[:size])
        if not batch:
            return
        yield batch
        sent += len(batch)
        last = batch[-1].pk


def invite(
    *, limit: int | None = None, again: bool = False, progress: Progress | None = None
) -> int:
    """Queues the email for (at most `limit` of) the members waiting (see waiting()); returns
    how many."""
    network = Network.objects.first()
    name = network.name if network is not None else ""
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    count = waiting(again=again).count()
    total = count if limit is None else min(limit, count)
    if progress is not None:
        progress.start("invitations", total)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for batch in _batches(limit, again):
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
                PasswordInvitation.objects.filter(member__in=batch).delete()
                PasswordInvitation.objects.bulk_create(
                    PasswordInvitation(member=member) for member in batch
                )
            sent += len(batch)
            if progress is not None:
                progress.advance(len(batch))
    if progress is not None:
        progress.finish()
    return sent
