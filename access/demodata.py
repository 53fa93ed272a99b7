"""The demo's invitations (loaddemo): the creator has invited two classmates who have not
answered yet, so Invite → Invitations sent shows the list with its Resend and Cancel links.
No email is sent: the rows are written directly."""

import datetime as dt
import hashlib
import secrets

from lib.datagen import DemoContext
from members.models import Member

from .models import INVITATION_DAYS, Invitation

INVITED = [("rukhsana.malik@example.org", 3), ("george.okafor@example.org", 9)]


def load(ctx: DemoContext) -> None:
    creator = Member.objects.filter(role=Member.Role.CREATOR).first()
    if creator is None:
        return
    made = Invitation.objects.bulk_create(
        Invitation(
            email=email,
            invited_by=creator,
            inviter_name=creator.display_name,
            by_admin=True,
            # A link nobody has: the demo's invitations are resent to get one.
            nonce_hash=hashlib.sha256(secrets.token_bytes(16)).hexdigest(),
            created_at=ctx.now - dt.timedelta(days=days_ago),
            expires_at=ctx.now + dt.timedelta(days=INVITATION_DAYS - days_ago),
        )
        for email, days_ago in INVITED
    )
    ctx.count("invitations", len(made))
