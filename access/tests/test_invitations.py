"""Invitations by email: one or many, an expiring single-use link, resend and cancel, and the
invited person joining — also where joining is by invitation only or the network is private."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access import services
from access.models import Invitation, InvitationBatch
from conftest import body_of, client_for, make_member, page_queries
from lib.cachetags import invalidate
from members.models import ActionLog, Member
from members.permissions import is_member
from network.models import Network

pytestmark = pytest.mark.django_db

NEW = {
    "display_name": "Nasreen Newcomer",
    "password1": "plenty of letters 42",
    "password2": "plenty of letters 42",
}


def _set(network: Network, **fields: object) -> None:
    for name, value in fields.items():
        setattr(network, name, value)
    network.save()
    invalidate("network")


def _link_in(body: str) -> str:
    found = re.search(r"http://testserver(/invite/[^/\s]+/)", body)
    assert found, body
    return found.group(1)


def test_an_administrator_invites_and_the_person_joins_with_the_emailed_link(
    network, creator, smtp, django_capture_on_commit_callbacks
) -> None:
    _set(network, join_mode=Network.JoinMode.INVITATION, visibility=Network.Visibility.PRIVATE)
    client = client_for(creator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("access:invite"),
            {"addresses": "Nasreen@Example.org", "message": "Come and see the class of 2001!"},
        )
    assert response.status_code == 302
    [message] = smtp.wait_for("nasreen@example.org")
    assert "You are invited to join Riverbend Alumni" in message["Subject"]
    body = body_of(message)
    assert "Nadia Qureshi invites you" in body and "class of 2001" in body
    link = _link_in(body)

    # The link works on a private network where joining is by invitation only.
    visitor = Client()
    page = visitor.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert "nasreen@example.org" in html and "<bdi>Nadia Qureshi</bdi> invited you" in html
    assert visitor.post(link, NEW).status_code == 302
    nasreen = Member.objects.get(email="nasreen@example.org")
    # The link came to the address: it is confirmed; an administrator's invitation needs no
    # approval.
    assert nasreen.email_confirmed and not nasreen.awaiting_approval and is_member(nasreen)
    assert visitor.get("/").status_code == 200
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == nasreen and invitation.state == Invitation.State.ACCEPTED

    # Single use: the link now says so, and lets nobody else in.
    again = Client().get(link)
    assert again.status_code == 410
    assert "has been used already" in again.content.decode()


def test_a_typed_email_cannot_replace_the_invited_one(network, creator) -> None:
    invitation = services.invite("nasreen@example.org", by=creator, network=network, base_url="")
    assert invitation is not None
    link = reverse("access:accept", args=[services.fresh_token(invitation)])
    Client().post(link, {**NEW, "email": "someone.else@example.org"})
    assert Member.objects.filter(email="nasreen@example.org").exists()
    assert not Member.objects.filter(email="someone.else@example.org").exists()


@pytest.mark.parametrize(
    ("spoil", "status", "says"),
    [
        ("tamper", 400, "not complete or not right"),
        ("expire", 410, "has expired"),
        ("cancel", 410, "was cancelled"),
        ("resend", 400, "not complete or not right"),  # an older link of a resent invitation
    ],
)
def test_a_link_that_does_not_work_says_why(network, creator, spoil, status, says) -> None:
    invitation = services.invite("nasreen@example.org", by=creator, network=network, base_url="")
    assert invitation is not None
    token = services.fresh_token(invitation)
    if spoil == "tamper":
        token = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    elif spoil == "expire":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif spoil == "cancel":
        services.cancel(invitation, by=creator)
    else:
        services.resend(invitation, by=creator, network=network, base_url="")
    response = Client().get(reverse("access:accept", args=[token]))
    assert response.status_code == status
    assert says in response.content.decode()
    assert Client().post(reverse("access:accept", args=[token]), NEW).status_code == status
    assert not Member.objects.filter(email="nasreen@example.org").exists()


@pytest.mark.parametrize("token", ["x", "a" * 300, "eyJ:abc:def", "%00", "..:..:.."])
def test_garbage_in_the_link_answers_400(network, token) -> None:
    response = Client().get(f"/invite/{token}/")
    assert response.status_code in (400, 404)


def test_invitation_only_join_page_shows_no_form(network, visitor) -> None:
    _set(network, join_mode=Network.JoinMode.INVITATION)
    response = visitor.get(reverse("members:join"))
    page = response.content.decode()
    assert "by invitation only" in page
    assert "<form" not in page.split('<main id="content"')[1].split("</main>")[0]
    from conftest import join_data

    assert visitor.post(reverse("members:join"), join_data()).status_code == 403
    assert not Member.objects.filter(email="farah@example.org").exists()


def test_a_members_invitation_still_waits_for_approval(network, member) -> None:
    _set(network, join_mode=Network.JoinMode.APPROVAL, members_may_invite=True)
    client = client_for(member)
    assert client.get(reverse("access:invite")).status_code == 200
    client.post(reverse("access:invite"), {"addresses": "nasreen@example.org"})
    invitation = Invitation.objects.get()
    assert invitation.invited_by == member and not invitation.by_admin
    visitor = Client()
    visitor.post(reverse("access:accept", args=[services.fresh_token(invitation)]), NEW)
    nasreen = Member.objects.get(email="nasreen@example.org")
    assert nasreen.awaiting_approval
    assert "waiting for an administrator" in visitor.get("/").content.decode()


def test_members_may_not_invite_unless_the_creator_allows(network, member) -> None:
    client = client_for(member)
    assert client.get(reverse("access:invite")).status_code == 403
    assert client.post(reverse("access:invite"), {"addresses": "x@example.org"}).status_code == 403
    assert "Invite" not in client.get("/").content.decode().split("nav-end")[0].split("Members")[1]
    _set(network, members_may_invite=True)
    assert client.get(reverse("access:invite")).status_code == 200


def test_members_and_known_addresses_are_not_invited_twice(network, creator, member) -> None:
    client = client_for(creator)
    client.post(reverse("access:invite"), {"addresses": member.email})
    assert not Invitation.objects.exists()
    client.post(reverse("access:invite"), {"addresses": "nasreen@example.org"})
    client.post(reverse("access:invite"), {"addresses": "NASREEN@example.org"})
    assert Invitation.objects.count() == 1


def test_wrong_addresses_are_refused_with_what_was_typed(network, creator) -> None:
    response = client_for(creator).post(
        reverse("access:invite"), {"addresses": "good@example.org, not-an-address, x@localhost"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "These are not email addresses: not-an-address, x@localhost" in page
    assert "good@example.org, not-an-address" in page
    assert not Invitation.objects.exists()
    empty = client_for(creator).post(reverse("access:invite"), {"addresses": "  "})
    assert empty.status_code == 400 and "This field is required" in empty.content.decode()


def test_bulk_from_a_pasted_list_runs_in_the_queue_with_progress(
    network, creator, member, smtp, django_capture_on_commit_callbacks
) -> None:
    pasted = "\n".join(f"guest{i}@example.org" for i in range(60)) + f"\n{member.email}"
    client = client_for(creator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("access:invite"), {"addresses": pasted})
    batch = InvitationBatch.objects.get()
    assert response["Location"] == reverse("access:batch", args=[batch.pk])
    # The immediate queue of the tests ran every batch of 50.
    batch.refresh_from_db()
    assert (batch.total, batch.done, batch.sent) == (61, 61, 60)
    assert batch.finished_at is not None
    assert Invitation.objects.count() == 60
    page = client.get(response["Location"]).content.decode()
    assert "61 of 61 addresses done: 60 invited." in page
    assert "1 skipped" in page and "hx-get" not in page
    smtp.wait_for("guest59@example.org")


def test_the_progress_page_polls_while_sending(network, creator) -> None:
    batch = InvitationBatch.objects.create(
        invited_by=creator, addresses=["a@example.org", "b@example.org"], done=1, sent=1
    )
    client = client_for(creator)
    page = client.get(reverse("access:batch", args=[batch.pk])).content.decode()
    assert "1 of 2 addresses done" in page
    assert 'hx-trigger="every 2s"' in page
    # Without JavaScript the page reloads itself.
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    fragment = client.get(reverse("access:batch", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert fragment.content.decode().startswith('<div id="batch-progress"')
    # Someone else's sending is not theirs to watch.
    other = make_member("Bilal", "b2@example.org")
    _set(network, members_may_invite=True)
    assert client_for(other).get(reverse("access:batch", args=[batch.pk])).status_code == 404


def test_bulk_from_a_csv_file(network, creator, django_capture_on_commit_callbacks) -> None:
    client = client_for(creator)
    csv = b"\xef\xbb\xbfname,email\nAyesha,ayesha@example.org\nOmar,omar@example.org\n,\n"
    upload = SimpleUploadedFile("class-of-2001.csv", csv, content_type="text/csv")
    response = client.post(reverse("access:invite"), {"source": "csv", "csv_file": upload})
    # The file's addresses fill the box, to be looked over before anything is sent.
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 addresses read from the file" in page
    assert "ayesha@example.org\nomar@example.org</textarea>" in page
    assert not Invitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("access:invite"),
            {"addresses": "ayesha@example.org\nomar@example.org", "message": "Hello!"},
        )
    assert set(Invitation.objects.values_list("email", flat=True)) == {
        "ayesha@example.org",
        "omar@example.org",
    }
    # No header: the first column.
    upload = SimpleUploadedFile("plain.csv", b"zara@example.org,Zara\nyusuf@example.org\n")
    page = client.post(
        reverse("access:invite"), {"source": "csv", "csv_file": upload}
    ).content.decode()
    assert "zara@example.org\nyusuf@example.org</textarea>" in page
    # Not a CSV of text: a form error.
    bad = SimpleUploadedFile("photo.csv", b"\xff\xd8\xff\xe0binary")
    response = client.post(reverse("access:invite"), {"source": "csv", "csv_file": bad})
    assert response.status_code == 400
    assert "not a CSV file in UTF-8" in response.content.decode()


def test_sending_is_rate_limited(network, member) -> None:
    _set(network, members_may_invite=True)
    client = client_for(member)
    many = ",".join(f"g{i}@example.org" for i in range(services.INVITES_PER_DAY + 1))
    response = client.post(reverse("access:invite"), {"addresses": many})
    assert response.status_code == 429
    assert "You may send 50 more invitations today" in response.content.decode()
    assert not InvitationBatch.objects.exists()
    for i in range(services.INVITES_PER_DAY):
        services.invite(f"h{i}@example.org", by=member, network=network, base_url="")
    response = client.post(reverse("access:invite"), {"addresses": "one.more@example.org"})
    assert response.status_code == 429


def test_resend_and_cancel_ask_first_and_are_logged(
    network, creator, smtp, django_capture_on_commit_callbacks
) -> None:
    invitation = services.invite("nasreen@example.org", by=creator, network=network, base_url="")
    assert invitation is not None
    client = client_for(creator)
    resend = reverse("access:resend", args=[invitation.pk])
    assert "Send the invitation to" in client.get(resend).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(resend).status_code == 302
    [message] = smtp.wait_for("nasreen@example.org")
    invitation.refresh_from_db()
    assert invitation.sent_count == 2
    assert ActionLog.objects.filter(action="resend-invitation").count() == 1

    cancel = reverse("access:cancel", args=[invitation.pk])
    assert "Its link stops working" in client.get(cancel).content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING
    client.post(cancel)
    assert Invitation.objects.get(pk=invitation.pk).state == Invitation.State.CANCELLED
    assert ActionLog.objects.filter(action="cancel-invitation").count() == 1
    # The emailed link no longer works.
    assert Client().get(_link_in(body_of(message))).status_code == 410


def test_members_manage_only_their_own_invitations(network, creator, member) -> None:
    _set(network, members_may_invite=True)
    theirs = services.invite("a@example.org", by=creator, network=network, base_url="")
    mine = services.invite("b@example.org", by=member, network=network, base_url="")
    assert theirs is not None and mine is not None
    client = client_for(member)
    page = client.get(reverse("access:invitations")).content.decode()
    assert "b@example.org" in page and "a@example.org" not in page
    assert client.post(reverse("access:cancel", args=[theirs.pk])).status_code == 403
    assert client.post(reverse("access:cancel", args=[mine.pk])).status_code == 302
    # Once members may no longer invite, they may still cancel theirs, not send them again.
    other = services.invite("c@example.org", by=member, network=network, base_url="")
    assert other is not None
    _set(network, members_may_invite=False)
    assert client.post(reverse("access:resend", args=[other.pk])).status_code == 403
    assert client.post(reverse("access:cancel", args=[other.pk])).status_code == 302
    # Administrators see everyone's, with who sent them.
    page = client_for(creator).get(reverse("access:invitations")).content.decode()
    assert "a@example.org" in page and "b@example.org" in page and "Bilal Ahmed" in page


def test_the_invitations_list_costs_the_same_at_5_and_50(network, creator, settings) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    client = client_for(creator)
    accepted_by = make_member("Early Bird", "early@example.org")

    def add(count: int, start: int) -> None:
        for i in range(start, start + count):
            invitation = services.invite(
                f"guest{i}@example.org", by=creator, network=network, base_url=""
            )
            assert invitation is not None
            if i % 2:
                Invitation.objects.filter(pk=invitation.pk).update(
                    accepted_at=timezone.now(), accepted_by=accepted_by
                )

    add(5, 0)
    few = page_queries(client, reverse("access:invitations"))
    add(45, 5)
    many = page_queries(client, reverse("access:invitations"))
    assert few == many
    page = client.get(reverse("access:invitations")).content.decode()
    assert len(re.findall('<tr class="invitation">', page)) == 30
