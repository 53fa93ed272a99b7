"""The demo's invitations."""

import datetime as dt
import random

from django.urls import reverse
from django.utils import timezone

from access import demodata
from access.models import Invitation
from conftest import client_for
from lib.datagen import DemoContext
from network.models import Network


def test_the_demo_has_two_open_invitations_to_resend_or_cancel(network: Network) -> None:
    now = timezone.now()
    ctx = DemoContext(rng=random.Random(1), now=now, start=now - dt.timedelta(days=10))  # noqa: S311
    demodata.load(ctx)
    assert [i.state for i in Invitation.objects.all()] == [Invitation.State.PENDING] * 2
    page = client_for(network.creator).get(reverse("access:invitations")).content.decode()
    assert "rukhsana.malik@example.org" in page and page.count(">Resend</a>") == 2
