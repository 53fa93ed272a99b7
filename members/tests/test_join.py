import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import body_of, join_data, make_post
from members.models import Member

pytestmark = pytest.mark.django_db

JOIN = reverse("members:join")


def confirmation_link(message) -> str:
    match = re.search(r"http://\S+/confirm/\S+/", body_of(message))
    assert match, body_of(message)
    return match.group(0)


def test_it_joins_and_asks_to_confirm_the_email(visitor, member):
    post = make_post(member)
    response = visitor.post(f"{JOIN}?next={post.get_absolute_url()}", join_data(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("members:join_sent")
    assert "We sent a link to <bdi>farah@example.org</bdi>" in response.content.decode()
    farah = Member.objects.get(email="farah@example.org")
    assert farah.display_name == "Farah Naz"
    assert not farah.email_confirmed
    # Not signed in until the emailed link is opened.
    assert not response.context["user"].is_authenticated


def test_the_emailed_link_confirms_signs_in_and_returns_to_the_post(
    visitor, member, smtp, django_capture_on_commit_callbacks
):
    post = make_post(member)
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(f"{JOIN}?next={post.get_absolute_url()}", join_data())
    [message] = smtp.wait_for("farah@example.org")
    assert message["Subject"] == "Confirm your email for Riverbend Alumni"
    response = visitor.get(confirmation_link(message))
    assert response.status_code == 302
    assert response.url == post.get_absolute_url()
    farah = Member.objects.get(email="farah@example.org")
    assert farah.email_confirmed
    page = visitor.get(post.get_absolute_url())
    assert page.context["user"] == farah
    assert b"Add a comment" in page.content or b'name="body"' in page.content


def test_the_link_signs_in_only_once(visitor, smtp, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(JOIN, join_data())
    [message] = smtp.wait_for("farah@example.org")
    assert visitor.get(confirmation_link(message)).url == "/"
    # The same link opened again elsewhere (a forwarded email) leads to the sign-in page.
    response = client.get(confirmation_link(message))
    assert response.url.startswith(reverse("members:signin"))
    assert not client.get("/").context["user"].is_authenticated
    assert Member.objects.get(email="farah@example.org").email_confirmed


def test_joining_with_a_members_email_answers_the_same_and_emails_the_member(
    visitor, member, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        taken = visitor.post(JOIN, join_data(email="BILAL@example.org"), follow=True)
    fresh = Client().post(JOIN, join_data(email="new@example.org"), follow=True)
    assert taken.status_code == fresh.status_code == 200
    assert taken.redirect_chain == fresh.redirect_chain
    assert taken.content.decode().replace(
        "bilal@example.org", "X"
    ) == fresh.content.decode().replace("new@example.org", "X")
    assert Member.objects.filter(email__iexact="bilal@example.org").count() == 1
    [message] = smtp.wait_for("bilal@example.org")
    assert message["Subject"] == "You are already a member of Riverbend Alumni"
    assert "/signin/" in body_of(message) and "/password/reset/" in body_of(message)
    member.refresh_from_db()
    assert member.check_password("a long test password")  # nothing changed


def test_joining_again_unconfirmed_sends_a_new_link(
    visitor, unconfirmed, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(JOIN, join_data(email=unconfirmed.email))
    [message] = smtp.wait_for(unconfirmed.email)
    assert visitor.get(confirmation_link(message)).status_code == 302
    unconfirmed.refresh_from_db()
    assert unconfirmed.email_confirmed


def test_a_tampered_confirmation_link_is_refused(visitor, unconfirmed):
    response = visitor.get(reverse("members:confirm", args=["not-a-real-token"]))
    assert response.status_code == 400
    assert b"This confirmation link does not work" in response.content
    unconfirmed.refresh_from_db()
    assert not unconfirmed.email_confirmed


def test_it_keeps_what_was_typed_when_the_email_is_not_one(visitor, member):
    response = visitor.post(JOIN, join_data(email="bilal at example.org"))
    assert response.status_code == 400
    assert b"Enter a valid email address" in response.content
    assert b'value="Farah Naz"' in response.content
    assert Member.objects.count() == 2  # creator and member only


def test_it_refuses_mismatched_passwords(visitor):
    response = visitor.post(JOIN, join_data(password2="something else 42"))
    assert b"The two password fields" in response.content
    assert not Member.objects.filter(email="farah@example.org").exists()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example.com/", "//evil.example.com/", "abc", "javascript:alert(1)"]
)
def test_it_follows_only_local_paths_after_confirming(visitor, next_url):
    from members.services import confirmation_token

    visitor.post(JOIN, data={**join_data(), "next": next_url})
    farah = Member.objects.get(email="farah@example.org")
    response = visitor.get(reverse("members:confirm", args=[confirmation_token(farah, next_url)]))
    assert response.url == "/"


def test_a_signed_in_member_opening_join_goes_to_a_local_next_only(member):
    from conftest import client_for

    client = client_for(member)
    assert client.get(f"{JOIN}?next=abc").url == "/"
    assert client.get(f"{JOIN}?next=/blog/").url == "/blog/"


def test_join_is_rate_limited_per_ip(visitor, settings):
    settings.RATELIMIT_JOIN = (3, 3600)
    for i in range(3):
        visitor.post(JOIN, join_data(email=f"bad{i}@example.org", password2="mismatch"))
    response = visitor.post(JOIN, join_data())
    assert response.status_code == 429
    assert b"Too many attempts to join from here" in response.content
    assert b'value="Farah Naz"' in response.content
    assert not Member.objects.filter(email="farah@example.org").exists()


def test_the_resend_button_sends_a_new_link(unconfirmed, smtp, django_capture_on_commit_callbacks):
    from conftest import client_for

    client = client_for(unconfirmed)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:resend_confirmation"), {"next": "/blog/"})
    assert response.url == "/blog/"
    [message] = smtp.wait_for(unconfirmed.email)
    assert "/confirm/" in body_of(message)


def test_a_next_address_with_a_query_survives_the_way_through_sign_in(visitor, unconfirmed):
    from urllib.parse import parse_qs, urlsplit

    from members.services import confirmation_token

    token = confirmation_token(unconfirmed, "/blog/?page=2&tag=space")
    assert Client().get(reverse("members:confirm", args=[token])).url == "/blog/?page=2&tag=space"
    # Opened again, signed out: through the sign-in page, with the address kept.
    response = visitor.get(reverse("members:confirm", args=[token]))
    url = urlsplit(response.url)
    assert url.path == reverse("members:signin")
    assert parse_qs(url.query)["next"] == ["/blog/?page=2&tag=space"]


def test_the_resend_button_is_limited(
    unconfirmed, smtp, settings, django_capture_on_commit_callbacks
):
    from conftest import client_for

    settings.RATELIMIT_EMAIL = (2, 3600)
    client = client_for(unconfirmed)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("members:resend_confirmation"), {"next": "/blog/"}, follow=True
            )
    assert "several links already" in response.content.decode()
    smtp.wait_for(unconfirmed.email)
    assert len(smtp.messages()) == 2
