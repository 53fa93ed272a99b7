"""Imported members choose their password from an emailed link, sent when the administrator
runs `manage.py invite_imported`: once each, in batches, only to who may sign in."""

import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import body_of
from imports.models import PasswordInvitation
from imports.ning.importer import run_import
from members.models import Member
from network.models import Network

from .archives import make_archive

pytestmark = pytest.mark.django_db


def invite(*args: str) -> str:
    out = io.StringIO()
    call_command("invite_imported", "--quiet", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(network: Network, tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run_import(make_archive(tmp_path / "archive"))


def test_dry_run_counts_only_who_may_sign_in(imported: None) -> None:
    # Bilal, Zara (two accounts, one member): not Omar (suspended), Pari (waiting for
    # approval), Lateef (left), the former members, nor the creator (who has a password).
    assert invite("--dry-run") == "2 imported members would be invited.\n"
    assert not PasswordInvitation.objects.exists()


def test_the_emailed_link_sets_the_password_and_signs_in(
    imported: None, smtp: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        output = invite("--limit", "1")
    assert output.startswith("1 invitations queued; 1 imported members still waiting.")
    with django_capture_on_commit_callbacks(execute=True):
        invite()
    [message] = smtp.wait_for("zara@example.net")
    assert message["Subject"] == "Riverbend Alumni has moved: choose your password"
    body = body_of(message)
    assert "Hello Zara Ilyas," in body
    link = re.search(r"https?://\S+(/password/reset/\S+/)", body)
    assert link is not None
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "kite-string-monsoon-42", "new_password2": "kite-string-monsoon-42"},
    )
    assert response.status_code == 302
    zara = Member.objects.get(email="zara@example.net")
    assert zara.check_password("kite-string-monsoon-42")
    # Each member once: nothing left to send.
    assert invite() == "0 invitations queued; 0 imported members still waiting.\n"
    assert PasswordInvitation.objects.count() == 2


def test_invited_again_only_who_still_has_no_password(
    imported: None, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    invite()
    zara = Member.objects.get(email="zara@example.net")
    zara.set_password("kite-string-monsoon-42")
    zara.save()
    assert invite("--again", "--dry-run") == "1 imported members would be invited.\n"
    with django_capture_on_commit_callbacks(execute=True):
        assert invite("--again").startswith("1 invitations queued")
    [message] = smtp.wait_for("bilal@example.net")
    assert "ask the network's administrators for a new one" in body_of(message)
