"""A member's moderation record (reports, history, private notes) and the moderation log."""

import pytest
from django.urls import reverse

from conftest import client_for, make_member, make_post, page_queries
from members import actionlog
from members.models import ActionLog
from moderation import services
from moderation.models import MemberNote

from .helpers import make_admin, make_moderator

pytestmark = pytest.mark.django_db

LOG = reverse("moderation:log")


def record_url(member) -> str:
    return reverse("moderation:member", args=[member.pk])


def test_moderators_keep_private_notes_on_a_member(member, other_member):
    moderator = make_moderator()
    client = client_for(moderator)
    response = client.post(record_url(member), {"body": "Warned by email on Monday."})
    assert response.status_code == 302
    note = MemberNote.objects.get()
    assert (note.member, note.author, note.body) == (
        member,
        moderator,
        "Warned by email on Monday.",
    )
    assert "Warned by email on Monday." in client.get(record_url(member)).content.decode()
    empty = client.post(record_url(member), {"body": " "})
    assert empty.status_code == 400 and "Please write the note." in empty.content.decode()
    # Nobody else reads them: not the member, not other members, not their profile page.
    for who in (member, other_member):
        assert client_for(who).get(record_url(member)).status_code == 403
    profile = client_for(member).get(member.get_absolute_url()).content.decode()
    assert "Warned by email on Monday." not in profile


def test_the_record_shows_reports_and_history_and_suspends_and_reinstates(
    member, other_member, creator
):
    post = make_post(member, title="Heated words")
    services.report(post, by=other_member, reason="Insults people")
    services.report(member, by=other_member, reason="Sends rude messages")
    client = client_for(creator)
    page = client.get(record_url(member)).content.decode()
    assert "Insults people" in page and "Sends rude messages" in page
    suspend = reverse("moderation:suspend", args=[member.pk])
    assert suspend in page
    assert "Suspend" in client.get(suspend).content.decode()
    assert client.post(suspend, {"reason": ""}).status_code == 400  # a reason, please
    client.post(suspend, {"reason": "Third warning ignored"})
    member.refresh_from_db()
    assert not member.is_active
    page = client.get(record_url(member)).content.decode()
    assert "Third warning ignored" in page and "Suspended since" in page
    reinstate = reverse("moderation:reinstate", args=[member.pk])
    assert reinstate in page
    client.post(reinstate, {"reason": "Apologised"})
    member.refresh_from_db()
    assert member.is_active
    assert "Apologised" in client.get(record_url(member)).content.decode()


def test_the_log_is_for_administrators_newest_first_and_filtered(member, other_member, creator):
    admin = make_admin()
    moderator = make_moderator()
    actionlog.record(moderator, "hide", member, reason="first")
    actionlog.record(admin, "suspend", other_member, reason="second")
    actionlog.record(moderator, "warn", other_member, reason="third")
    assert client_for(moderator).get(LOG).status_code == 403
    client = client_for(admin)
    html = client.get(LOG).content.decode()
    assert html.index("third") < html.index("second") < html.index("first")
    only_warn = client.get(LOG, {"action": "warn"}).content.decode()
    assert "third" in only_warn and "first" not in only_warn and "second" not in only_warn
    by_admin = client.get(LOG, {"actor": admin.pk}).content.decode()
    assert "second" in by_admin and "third" not in by_admin
    nonsense = client.get(LOG, {"actor": "abc", "action": "<script>"})
    assert nonsense.status_code == 400  # a form error, not a 500


def test_the_log_and_the_record_cost_the_same_queries_at_5_and_50_rows(member, creator):
    moderator = make_moderator()
    client = client_for(creator)

    def add(count: int) -> None:
        for n in range(count):
            actionlog.record(moderator, "hide", member, reason=f"entry {n}")
            MemberNote.objects.create(
                member=member, author=moderator, author_name="M", body=f"note {n}"
            )

    add(5)
    log_5, record_5 = page_queries(client, LOG), page_queries(client, record_url(member))
    add(45)
    log_50, record_50 = page_queries(client, LOG), page_queries(client, record_url(member))
    assert (log_50, record_50) == (log_5, record_5)


def test_the_queue_and_log_links_are_in_the_navigation(member, creator):
    moderator = make_moderator()
    mod_page = client_for(moderator).get(reverse("network:home")).content.decode()
    assert reverse("moderation:queue") in mod_page
    assert reverse("moderation:queue") not in client_for(member).get("/").content.decode()
    settings_page = client_for(creator).get(reverse("network:settings")).content.decode()
    assert LOG in settings_page and reverse("moderation:queue") in settings_page


def test_suspending_from_the_record_respects_rights(member):
    admin = make_admin()
    moderator = make_moderator()
    assert (
        client_for(moderator).get(reverse("moderation:suspend", args=[admin.pk])).status_code == 403
    )
    assert client_for(moderator).get(record_url(admin)).status_code == 200
    make_member("Unused", "unused@example.org")
    assert ActionLog.objects.count() == 0


def test_a_suspend_or_reinstate_form_sent_twice_says_what_happened(member, creator):
    """A form opened before another moderator acted: a 403 page naming what happened."""
    client = client_for(creator)
    suspend = reverse("moderation:suspend", args=[member.pk])
    reinstate = reverse("moderation:reinstate", args=[member.pk])
    assert client.post(suspend, {"reason": "Spam"}).status_code == 302
    again = client.post(suspend, {"reason": "Spam, again"})
    assert again.status_code == 403
    assert f"\u2068{member.display_name}\u2069 is already suspended." in again.content.decode()
    assert client.post(reinstate, {"reason": "Sorry"}).status_code == 302
    again = client.post(reinstate, {"reason": "Sorry, again"})
    assert again.status_code == 403
    assert f"\u2068{member.display_name}\u2069 is not suspended." in again.content.decode()
    reasons = ActionLog.objects.filter(action__in=["suspend", "reinstate"]).order_by("id")
    assert list(reasons.values_list("reason", flat=True)) == ["Spam", "Sorry"]
