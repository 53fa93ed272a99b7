"""/manage/imports/: administrators see who an import brought and has not invited yet, and
send the next batch of "choose your password" emails — after confirming — with the progress
shown."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from conftest import body_of, client_for, page_queries
from imports import invitations
from imports.models import PasswordInvitation
from imports.ning.importer import run_import
from members.models import ActionLog, Member
from network.models import Network
from tests.datafixtures import assert_same_queries

from .archives import make_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(network: Network, tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run_import(make_archive(tmp_path / "archive"))


def test_the_page_lists_who_waits_with_the_progress(imported: None, creator: Member) -> None:
    client = client_for(creator)
    page = client.get("/manage/imports/").content.decode()
    assert "Invited 0 of 2." in page
    assert "Zara Ilyas" in page and "zara@example.net" in page
    assert "Bilal &amp; Co" in page
    # Who may not sign in is not listed: suspended, waiting for approval, former.
    assert "Omar Mod" not in page and "Pari Pending" not in page
    assert 'href="/manage/imports/invite/"' in page
    assert "old addresses of the former network lead to their pages here" in page
    # The /manage/ navigation links to it.
    assert 'href="/manage/imports/"' in client.get("/manage/pages/").content.decode()


def test_confirm_then_send_the_next_batch(
    imported: None,
    admin_member: Member,
    smtp: Any,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(invitations, "BATCH", 1)
    client = client_for(admin_member)
    confirm = client.get("/manage/imports/invite/").content.decode()
    assert "The next 1 imported member of the 2 waiting" in confirm
    assert not PasswordInvitation.objects.exists()  # a GET sends nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/manage/imports/invite/", follow=True)
    page = response.content.decode()
    assert "1 email is on its way." in page
    assert "Invited 1 of 2." in page
    [message] = smtp.wait_for("bilal@example.net")
    assert "/password/reset/" in body_of(message)
    assert ActionLog.objects.filter(action="invite-imported", actor=admin_member).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/manage/imports/invite/")
    smtp.wait_for("zara@example.net")
    page = client.get("/manage/imports/").content.decode()
    assert "Invited 2 of 2." in page and "Send set-your-password emails" not in page
    # Nothing left: the button's address says so and sends nothing.
    response = client.post("/manage/imports/invite/", follow=True)
    assert "Every imported member has been invited." in response.content.decode()
    assert PasswordInvitation.objects.count() == 2


def test_only_administrators(imported: None, member: Member, client: Client) -> None:
    assert client.get("/manage/imports/").status_code == 302
    assert client_for(member).get("/manage/imports/").status_code == 403
    assert client_for(member).post("/manage/imports/invite/").status_code == 403
    assert not PasswordInvitation.objects.exists()


def test_queries_do_not_grow_with_the_members(network: Network, creator: Member) -> None:
    def add(n: int) -> None:
        for i in range(n):
            member = Member(
                email=f"imported{Member.objects.count()}-{i}@example.net",
                display_name=f"Imported {i}",
                handle=f"imported-{Member.objects.count()}-{i}",
                source="ning",
                source_id=f"gen{Member.objects.count()}-{i}",
                email_confirmed=True,
            )
            member.set_unusable_password()
            member.save()

    client = client_for(creator)
    add(5)
    few = {
        url: page_queries(client, url) for url in ("/manage/imports/", "/manage/imports/invite/")
    }
    add(45)
    many = {
        url: page_queries(client, url) for url in ("/manage/imports/", "/manage/imports/invite/")
    }
    assert_same_queries(few, many)
