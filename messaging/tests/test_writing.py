"""Writing a message to one member or several, and every way it is refused.

Two steps: the names typed in To are looked up (a search: a name nobody has is said plainly,
with what was typed), then the subject and message go to the members in the address
(/messages/to/<handles>/), where anything wrong is a form error that keeps what was typed."""

import html

import pytest
from django.urls import reverse

from conftest import client_for, make_member
from friends import services as friends
from lib import events
from messaging.models import Message, Participant, Thread
from messaging.services import MAX_RECIPIENTS
from messaging.tests.helpers import compose, errors, label, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """The messages.sent events published while the test runs."""
    seen = []

    def handler(event):
        seen.append(event)

    events.subscribe("messages.sent", handler)
    yield seen
    events.unsubscribe("messages.sent", handler)


def test_a_member_writes_to_two_others_who_each_find_it_in_their_inbox(member, other_member, heard):
    third = make_member("Tariq Third", "tariq@example.org")
    client = client_for(member)

    found = search(client, f"{label(other_member)}, {label(third)}")
    assert found.status_code == 302
    assert found["Location"] == reverse("messaging:write", args=["charlotte-reyes,tariq-third"])
    form = client.get(found["Location"]).content.decode()
    assert "Charlotte Reyes" in form and "Tariq Third" in form
    response = compose(client, "charlotte-reyes,tariq-third", subject="Reunion", body="See <b>")

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "Your message is sent." in page
    assert "See &lt;b&gt;" in page
    for reader in (other_member, third):
        inbox = client_for(reader).get(reverse("messaging:inbox")).content.decode()
        assert "Reunion" in inbox and "Bilal Ahmed" in inbox
    [event] = heard
    assert event.actor == member
    assert event.target == Message.objects.get()
    assert {m.pk for m in event.data["recipients"]} == {other_member.pk, third.pk}


@pytest.mark.parametrize(
    "typed",
    [
        "@charlotte-reyes",
        "charlotte-reyes",
        "Charlotte Reyes",
        "charlotte reyes",
        "Charlotte Reyes (@charlotte-reyes)",
    ],
)
def test_recipients_are_named_by_handle_or_by_name(member, other_member, typed):
    response = search(client_for(member), typed)
    assert response["Location"] == reverse("messaging:write", args=["charlotte-reyes"])


def test_the_arabic_comma_separates_names_too(member, other_member):
    make_member("ثمینہ اختر", "samina@example.org")
    response = search(client_for(member), f"ثمینہ اختر، {other_member.handle}")
    assert response.status_code == 302
    assert "charlotte-reyes" in response["Location"]


def not_found(response, *expected: str) -> None:
    """The search step says what is wrong and keeps what was typed."""
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for text in expected:
        assert text in page
    typed = response.wsgi_request.GET["to"]
    assert f'value="{typed}"' in page


@pytest.mark.parametrize("filler", ["b" * 1_048_576, "Nobody, " * 400])
def test_names_longer_than_the_field_are_refused_as_typed(member, other_member, filler):
    """Past the box's 3,000 characters (a hand-made address) the field says so and shows
    everything typed; the list is not cut, which would drop the member named last."""
    typed = f"{filler}, {label(other_member)}"
    response = search(client_for(member), typed)
    assert response.status_code == 400
    assert errors(response) == [
        f"Ensure this value has at most 3000 characters (it has {len(typed)})."
    ]
    page = html.unescape(response.content.decode())
    assert f'value="{typed}"' in page
    assert 'aria-invalid="true"' in page


def test_search_step_no_recipients_oneself_unknown_and_ambiguous_names(member, other_member):
    client = client_for(member)
    assert search(client, "  ").content.decode().count("notice") == 0
    not_found(search(client, label(member)), "Please choose at least one member other than")
    not_found(search(client, f"{label(other_member)}, Nobody Here"), "No member is called “Nobody")
    make_member("Charlotte Reyes", "charlotte2@example.org")
    not_found(search(client, "Charlotte Reyes"), "Several members are called “Charlotte Reyes”")


def refused(response, *expected: str) -> None:
    assert response.status_code == 400
    shown = [html.unescape(e) for e in errors(response)]
    for text in expected:
        assert text in shown, shown
    assert not Thread.objects.exists() and not Message.objects.exists()


def test_oneself_only(member):
    refused(
        compose(client_for(member), member.handle),
        "Please choose at least one member other than yourself.",
    )


def test_an_unknown_handle(member, other_member):
    refused(compose(client_for(member), "charlotte-reyes,nobody"), "No member is called “@nobody”.")


@pytest.mark.parametrize("who_blocked", ["recipient", "writer"])
def test_a_block_either_way_refuses_without_naming_it(member, other_member, who_blocked):
    if who_blocked == "recipient":
        friends.block(by=other_member, other=member)
    else:
        friends.block(by=member, other=other_member)
    client = client_for(member)
    response = compose(client, other_member.handle, body="Kept body")
    refused(response, "You cannot send a message to Charlotte Reyes.")
    assert "block" not in " ".join(errors(response)).lower()
    assert "Kept body" in response.content.decode()
    not_found(search(client, label(other_member)), "You cannot send a message to Charlotte Reyes.")


def test_a_suspended_member_cannot_be_written_to(member, other_member):
    other_member.is_active = False
    other_member.save()
    refused(
        compose(client_for(member), other_member.handle), "No member is called “@charlotte-reyes”."
    )


def test_too_many_recipients(member):
    many = [make_member(f"Guest {i:02d}", f"g{i}@example.org") for i in range(MAX_RECIPIENTS + 1)]
    handles = ",".join(m.handle for m in many)
    refused(compose(client_for(member), handles), f"At most {MAX_RECIPIENTS} recipients, please.")
    twenty = ",".join(m.handle for m in many[:MAX_RECIPIENTS])
    assert compose(client_for(member), twenty).status_code == 302


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body", "   ", "Please write your message first."),
        ("subject", " ", "Please give your message a subject."),
        ("subject", "s" * 151, "Ensure this value has at most 150 characters (it has 151)."),
        ("body", "b" * 10_001, "Ensure this value has at most 10000 characters (it has 10001)."),
    ],
)
def test_empty_or_overlong_text_keeps_what_was_typed(member, other_member, field, value, message):
    typed = {"subject": "Reunion venue", "body": "Hello there", field: value}
    response = compose(client_for(member), other_member.handle, **typed)
    refused(response, message)
    kept = "Hello there" if field == "subject" else "Reunion venue"
    assert kept in response.content.decode()


def test_the_same_form_sent_twice_writes_one_message(member, other_member):
    client = client_for(member)
    first = compose(client, other_member.handle, token="form-1")
    second = compose(client, other_member.handle, token="form-1")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Message.objects.count() == 1
    # Another form (a new token) is another message.
    compose(client, other_member.handle, token="form-2")
    assert Message.objects.count() == 2


def test_each_form_shown_has_its_own_token(member, other_member):
    client = client_for(member)
    url = reverse("messaging:write", args=[other_member.handle])
    tokens = {client.get(url).content.decode().split('name="token" value="')[1][:20] for _ in "ab"}
    assert len(tokens) == 2


def test_sending_too_fast_is_refused_with_what_was_typed(member, other_member, settings):
    settings.RATELIMIT_MESSAGES = (2, 600)
    client = client_for(member)
    for i in range(2):
        assert compose(client, other_member.handle, token=f"t{i}").status_code == 302
    response = compose(client, other_member.handle, body="One more", token="t3")
    assert response.status_code == 429
    assert "You are sending messages very fast." in response.content.decode()
    assert "One more" in response.content.decode()
    assert Message.objects.count() == 2


def test_unconfirmed_members_read_but_do_not_write(unconfirmed, member):
    client = client_for(unconfirmed)
    assert client.get(reverse("messaging:inbox")).status_code == 200
    response = compose(client, member.handle)
    assert response.status_code == 302 and response["Location"] == reverse("network:home")
    assert not Message.objects.exists()


def test_a_member_page_offers_to_write(member, other_member):
    client = client_for(member)
    page = client.get(other_member.get_absolute_url()).content.decode()
    link = reverse("messaging:write", args=[other_member.handle])
    assert link in page
    assert "Send a message" not in client.get(member.get_absolute_url()).content.decode()
    assert not Participant.objects.exists()
