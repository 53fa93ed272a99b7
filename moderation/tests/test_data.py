"""The demo network's moderation queue has reports a moderator can act on."""

from io import StringIO

import pytest
from django.core.management import call_command

from conftest import client_for
from members.models import Member
from moderation.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_has_reports_in_the_queue():
    call_command("loaddemo", stdout=StringIO())
    assert Report.objects.open().count() == 2
    creator = Member.objects.get(role=Member.Role.CREATOR)
    html = client_for(creator).get("/manage/moderation/").content.decode()
    assert "This reads like an advertisement" in html
