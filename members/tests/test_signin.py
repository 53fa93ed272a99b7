import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from conftest import PASSWORD, body_of, make_member

pytestmark = pytest.mark.django_db

SIGNIN = reverse("members:signin")


def test_it_signs_in_by_email_ignoring_case(visitor, member):
    response = visitor.post(
        f"{SIGNIN}?next=/blog/", {"username": "BILAL@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == "/blog/"
    assert visitor.get("/").context["user"] == member


def test_a_wrong_password_says_so_and_keeps_the_email(visitor, member):
    response = visitor.post(SIGNIN, {"username": member.email, "password": "nope"})
    assert response.status_code == 200
    assert b"The email or password is not right" in response.content
    assert member.email.encode() in response.content


def test_sign_in_is_limited_per_account(visitor, member, settings, client):
    settings.RATELIMIT_SIGNIN = (3, 900)
    for _ in range(3):
        visitor.post(SIGNIN, {"username": member.email, "password": "wrong"})
    # Even the right password is refused now, from anywhere.
    response = client.post(
        SIGNIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert b"Too many sign-in attempts. Please wait 15 minutes" in response.content
    assert "_auth_user_id" not in client.session


def test_sign_in_is_limited_per_ip(visitor, member, settings):
    settings.RATELIMIT_SIGNIN = (3, 900)
    for i in range(3):
        visitor.post(SIGNIN, {"username": f"guess{i}@example.org", "password": "wrong"})
    response = visitor.post(SIGNIN, {"username": member.email, "password": PASSWORD})
    assert b"Too many sign-in attempts" in response.content


def test_sign_out_is_a_post(member):
    from conftest import client_for

    client = client_for(member)
    assert client.get(reverse("members:signout")).status_code == 405
    client.post(reverse("members:signout"))
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(network, settings):
    # The project's hashers, without the fast one the test settings put in front.
    assert settings.PASSWORD_HASHERS[0].endswith("MD5PasswordHasher")
    settings.PASSWORD_HASHERS = settings.PASSWORD_HASHERS[1:]
    farah = make_member("Farah", "farah@example.org")
    assert identify_hasher(farah.password).algorithm == "argon2"


def test_password_reset_by_email(visitor, member, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(reverse("members:password_reset"), {"email": member.email})
    assert response.url == reverse("members:password_reset_done")
    [message] = smtp.wait_for(member.email)
    assert "Riverbend Alumni" in message["Subject"]
    link = re.search(r"http://\S+/password/reset/\S+/", body_of(message)).group(0)
    form_page = visitor.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    new = "a brand new passphrase 7"
    done = visitor.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.url == reverse("members:password_reset_complete")
    member.refresh_from_db()
    assert member.check_password(new)


def test_password_reset_for_an_unknown_email_reveals_nothing(
    visitor, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = visitor.post(reverse("members:password_reset"), {"email": "ghost@example.org"})
    assert callbacks == []
    assert response.url == reverse("members:password_reset_done")
    assert smtp.messages() == []


def test_password_reset_emails_are_limited_per_address(
    visitor, member, smtp, settings, django_capture_on_commit_callbacks
):
    settings.RATELIMIT_EMAIL = (2, 3600)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = visitor.post(reverse("members:password_reset"), {"email": member.email})
    assert response.status_code == 429
    assert "Too many reset emails" in response.content.decode()
    smtp.wait_for(member.email)
    assert len(smtp.messages()) == 2
