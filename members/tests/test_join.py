import re

import pytest
from django.urls import reverse

from conftest import body_of, join_data, make_post
from members.models import Member

pytestmark = pytest.mark.django_db

JOIN = reverse("members:join")


def confirmation_link(message) -> str:
    match = re.search(r"http://\S+/confirm/\S+/", body_of(message))
    assert match, body_of(message)
    return match.group(0)


def test_it_joins_signs_in_and_returns_to_the_post(visitor, member):
    post = make_post(member)
    response = visitor.post(f"{JOIN}?next={post.get_absolute_url()}", join_data())
    assert response.status_code == 302
    assert response.url == post.get_absolute_url()
    farah = Member.objects.get(email="farah@example.org")
    assert farah.display_name == "Farah Naz"
    assert not farah.email_confirmed
    # Signed in straight away, but not allowed to post yet.
    page = visitor.get(post.get_absolute_url())
    assert page.context["user"] == farah
    assert b"Please confirm your email to add comments" in page.content


def test_it_emails_a_confirmation_link_that_confirms_and_returns(
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
    assert Member.objects.get(email="farah@example.org").email_confirmed


def test_a_confirmation_link_opened_signed_out_leads_to_sign_in(
    visitor, smtp, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(JOIN, join_data())
    [message] = smtp.wait_for("farah@example.org")
    response = client.get(confirmation_link(message))
    assert response.url.startswith(reverse("members:signin"))
    assert Member.objects.get(email="farah@example.org").email_confirmed


def test_a_tampered_confirmation_link_is_refused(visitor, unconfirmed):
    response = visitor.get(reverse("members:confirm", args=["not-a-real-token"]))
    assert response.status_code == 400
    assert b"This confirmation link does not work" in response.content
    unconfirmed.refresh_from_db()
    assert not unconfirmed.email_confirmed


def test_it_keeps_what_was_typed_when_the_email_is_taken(visitor, member):
    response = visitor.post(JOIN, join_data(email="BILAL@example.org"))
    assert response.status_code == 200
    assert b"A member with this email already exists" in response.content
    assert b'value="Farah Naz"' in response.content
    assert Member.objects.count() == 2  # creator and member only


def test_it_refuses_mismatched_passwords(visitor):
    response = visitor.post(JOIN, join_data(password2="something else 42"))
    assert b"The two password fields" in response.content
    assert not Member.objects.filter(email="farah@example.org").exists()


def test_it_refuses_a_next_url_on_another_site(visitor):
    response = visitor.post(f"{JOIN}?next=https://evil.example.com/", join_data())
    assert response.url == "/"


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
