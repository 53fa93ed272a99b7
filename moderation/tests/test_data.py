"""The demo network's moderation queue has reports a moderator can act on."""

from conftest import client_for
from members.models import Member
from moderation.models import Report


def check_demo() -> None:
    """The demo has reports in the queue.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    assert Report.objects.open().count() == 2
    creator = Member.objects.get(role=Member.Role.CREATOR)
    html = client_for(creator).get("/manage/moderation/").content.decode()
    assert "This reads like an advertisement" in html
