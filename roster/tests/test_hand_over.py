"""The creator hands the network over to an administrator, who accepts or declines: roles swap
in one transaction, the footer's "Created by" follows, both sides are logged."""

import datetime as dt
from email.header import decode_header, make_header
from email.message import Message
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, SmtpServer, body_of, client_for, make_member
from members.models import ActionLog, Member
from network.models import Network
from roster import services
from roster.models import HandOver

ASK = reverse("roster:hand_over")
CANCEL = reverse("roster:hand_over_cancel")


@pytest.fixture
def database_queue(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATA_DIR = tmp_path
    settings.SITE_URL = "https://riverbend.example"


def subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def answer_url(hand_over: HandOver) -> str:
    return reverse("roster:hand_over_answer", args=[hand_over.pk])


@pytest.mark.django_db(transaction=True)
def test_the_creator_asks_the_administrator_accepts_and_the_roles_swap(
    database_queue: None, smtp: SmtpServer, creator: Member, admin_member: Member, visitor: Any
) -> None:
    home = reverse("network:home")
    assert 'Created by <a href="/members/nadia-qureshi/"><bdi>Nadia Qureshi</bdi>' in (
        visitor.get(home).content.decode()
    )
    client = client_for(creator)
    page = client.get(ASK).content.decode()
    assert "Ali Administrator" in page
    # The password is the proof.
    refused = client.post(ASK, {"to": admin_member.pk, "password": "not it"})
    assert refused.status_code == 400
    assert not HandOver.objects.exists()
    assert client.post(ASK, {"to": admin_member.pk, "password": PASSWORD}).status_code == 302
    hand_over = HandOver.objects.get()
    assert hand_over.is_open
    assert "They have until" in client.get(ASK).content.decode()

    # Told by notification and email, with the page's address.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    [message] = smtp.wait_for(admin_member.address)
    assert "Nadia Qureshi asks you to take the network over" in subject(message)
    text = "".join(
        body_of(part) for part in message.walk() if part.get_content_type() == "text/plain"
    )
    assert f"https://riverbend.example{answer_url(hand_over)}" in text

    # Nothing changed yet.
    creator.refresh_from_db()
    assert creator.is_creator

    admin_client = client_for(admin_member)
    answer_page = admin_client.get(answer_url(hand_over))
    assert answer_page.status_code == 200
    assert "Accept" in answer_page.content.decode()
    assert admin_client.post(answer_url(hand_over), {"answer": "accept"}).status_code == 302

    creator.refresh_from_db()
    admin_member.refresh_from_db()
    assert admin_member.role == Member.Role.CREATOR
    # The technical admin went with the network.
    assert admin_member.is_staff and admin_member.is_superuser
    assert not creator.is_staff and not creator.is_superuser
    assert creator.role == Member.Role.ADMIN
    assert Network.objects.get().creator == admin_member
    hand_over.refresh_from_db()
    assert hand_over.status == HandOver.Status.ACCEPTED
    assert Member.objects.filter(role=Member.Role.CREATOR).count() == 1
    # The footer follows at once (the home page was cached for visitors).
    footer = visitor.get(home).content.decode()
    assert "<bdi>Ali Administrator</bdi></a>." in footer
    # The new creator hands over in turn; the old one may not any more.
    assert admin_client.get(ASK).status_code == 200
    assert client_for(creator).get(ASK).status_code == 403
    actions = list(ActionLog.objects.order_by("id").values_list("actor_name", "action"))
    assert actions == [
        ("Nadia Qureshi", "hand-over:ask"),
        ("Ali Administrator", "hand-over:accept"),
    ]


def test_the_administrator_declines_and_nothing_changes(
    creator: Member, admin_member: Member
) -> None:
    hand_over = services.ask_hand_over(admin_member, by=creator)
    client = client_for(admin_member)
    assert client.post(answer_url(hand_over), {"answer": "decline"}).status_code == 302
    hand_over.refresh_from_db()
    assert hand_over.status == HandOver.Status.DECLINED
    creator.refresh_from_db()
    assert creator.is_creator
    assert ActionLog.objects.filter(action="hand-over:decline", actor=admin_member).exists()
    # Closed: answering again changes nothing.
    client.post(answer_url(hand_over), {"answer": "accept"})
    admin_member.refresh_from_db()
    assert admin_member.role == Member.Role.ADMIN


def test_only_the_asked_administrator_answers(
    creator: Member, admin_member: Member, member: Member
) -> None:
    hand_over = services.ask_hand_over(admin_member, by=creator)
    other_admin = make_member("Hina Admin", "hina@example.org", role=Member.Role.ADMIN)
    for who in (creator, other_admin, member):
        assert client_for(who).post(answer_url(hand_over), {"answer": "accept"}).status_code == 403
    creator.refresh_from_db()
    assert creator.is_creator


def test_the_creator_cancels_a_waiting_hand_over(creator: Member, admin_member: Member) -> None:
    hand_over = services.ask_hand_over(admin_member, by=creator)
    client = client_for(creator)
    assert client.get(CANCEL).status_code == 200  # asks first
    assert client.post(CANCEL).status_code == 302
    hand_over.refresh_from_db()
    assert hand_over.status == HandOver.Status.CANCELLED
    assert ActionLog.objects.filter(action="hand-over:cancel").exists()
    page = client_for(admin_member).get(answer_url(hand_over)).content.decode()
    assert "This hand-over is closed" in page
    client_for(admin_member).post(answer_url(hand_over), {"answer": "accept"})
    creator.refresh_from_db()
    assert creator.is_creator
    # Another may be asked now.
    assert client.post(ASK, {"to": admin_member.pk, "password": PASSWORD}).status_code == 302


def test_a_hand_over_expires(creator: Member, admin_member: Member) -> None:
    hand_over = services.ask_hand_over(admin_member, by=creator)
    HandOver.objects.filter(pk=hand_over.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    client_for(admin_member).post(answer_url(hand_over), {"answer": "accept"})
    admin_member.refresh_from_db()
    assert admin_member.role == Member.Role.ADMIN
    hand_over.refresh_from_db()
    assert hand_over.status == HandOver.Status.EXPIRED
    # The creator may ask again.
    assert services.ask_hand_over(admin_member, by=creator).is_open


def test_only_to_an_administrator_and_one_at_a_time(
    creator: Member, admin_member: Member, member: Member
) -> None:
    client = client_for(creator)
    refused = client.post(ASK, {"to": member.pk, "password": PASSWORD})
    assert refused.status_code == 400  # not a choice
    services.ask_hand_over(admin_member, by=creator)
    other_admin = make_member("Hina Admin", "hina@example.org", role=Member.Role.ADMIN)
    assert client.post(ASK, {"to": other_admin.pk, "password": PASSWORD}).status_code == 400
    assert HandOver.objects.count() == 1


def test_an_administrator_demoted_meanwhile_cannot_accept(
    creator: Member, admin_member: Member
) -> None:
    hand_over = services.ask_hand_over(admin_member, by=creator)
    services.change_role(admin_member, Member.Role.MEMBER, by=creator)
    response = client_for(admin_member).post(answer_url(hand_over), {"answer": "accept"})
    assert response.status_code == 403
    creator.refresh_from_db()
    assert creator.is_creator
