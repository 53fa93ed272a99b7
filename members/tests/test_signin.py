import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
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
    assert response.status_code == 400
    assert b"The email or password is not right" in response.content
    assert member.email.encode() in response.content


def wrong(client, email: str, ip: str = "127.0.0.1"):
    return client.post(SIGNIN, {"username": email, "password": "wrong"}, REMOTE_ADDR=ip)


def right(client, member, ip: str = "127.0.0.1"):
    return client.post(SIGNIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR=ip)


def test_wrong_passwords_for_one_account_from_one_place_are_limited(visitor, member, settings):
    settings.RATELIMIT_SIGNIN = (3, 900)
    for _ in range(3):
        wrong(visitor, member.email)
    response = right(visitor, member)
    assert response.status_code == 429
    assert b"Too many sign-in attempts. Please wait 15 minutes" in response.content
    assert "_auth_user_id" not in visitor.session


def test_a_guesser_elsewhere_does_not_lock_the_owner_out(member, settings, client):
    settings.RATELIMIT_SIGNIN = (3, 900)
    for _ in range(5):
        wrong(Client(), member.email, ip="203.0.113.9")
    assert wrong(Client(), member.email, ip="203.0.113.9").status_code == 429
    response = right(client, member, ip="198.51.100.7")
    assert response.status_code == 302
    assert client.get("/").context["user"] == member


def test_wrong_passwords_from_one_ip_are_limited_whatever_the_accounts(visitor, member, settings):
    settings.RATELIMIT_SIGNIN_IP = (3, 900)
    for i in range(3):
        wrong(visitor, f"guess{i}@example.org")
    assert right(visitor, member).status_code == 429
    assert right(Client(), member, ip="198.51.100.7").status_code == 302


def test_successful_sign_ins_do_not_use_up_the_limit(member, settings):
    settings.RATELIMIT_SIGNIN = (2, 900)
    settings.RATELIMIT_SIGNIN_IP = (2, 900)
    for _ in range(5):
        assert right(Client(), member).status_code == 302


def test_an_account_guessed_at_from_many_places_lets_in_only_known_devices(member, settings):
    settings.RATELIMIT_SIGNIN_ACCOUNT = (5, 3600)
    owners_laptop = Client()
    assert right(owners_laptop, member, ip="198.51.100.7").status_code == 302
    owners_laptop.post(reverse("members:signout"))
    for i in range(5):  # a botnet: each address tries once
        wrong(Client(), member.email, ip=f"203.0.113.{i}")

    stranger = right(Client(), member, ip="203.0.113.200")  # the right password, elsewhere
    assert stranger.status_code == 400
    assert b"lets in only devices that signed in to it before" in stranger.content
    # The owner, on the laptop they used before, from a new address: in.
    assert right(owners_laptop, member, ip="192.0.2.44").status_code == 302
    assert owners_laptop.get("/").context["user"] == member


def test_a_password_reset_signs_in_and_lets_a_new_device_in_under_attack(
    member, settings, smtp, django_capture_on_commit_callbacks
):
    settings.RATELIMIT_SIGNIN_ACCOUNT = (2, 3600)
    for i in range(2):
        wrong(Client(), member.email, ip=f"203.0.113.{i}")
    phone = Client()
    assert right(phone, member).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        phone.post(reverse("members:password_reset"), {"email": member.email})
    [message] = smtp.wait_for(member.email)
    found = re.search(r"http://\S+/password/reset/\S+/", body_of(message))
    assert found
    form_page = phone.get(found.group(0), follow=True)
    new = "a brand new passphrase 7"
    phone.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert phone.get("/").context["user"] == member  # signed in by the reset
    phone.post(reverse("members:signout"))
    response = phone.post(SIGNIN, {"username": member.email, "password": new})
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_wrong_passwords_is_counted_exactly(live_server, member, settings):
    """40 wrong passwords at once: only the first 10 are checked (the count is atomic)."""
    import urllib.error
    import urllib.parse
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor
    from http.cookiejar import CookieJar

    settings.RATELIMIT_SIGNIN = (10, 900)

    def attempt(_i: int) -> int:
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(f"{live_server.url}{SIGNIN}").read().decode()
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found
        token = found.group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": member.email, "password": "wrong"}
        ).encode()
        try:
            return int(opener.open(f"{live_server.url}{SIGNIN}", data).status)
        except urllib.error.HTTPError as e:
            return e.code

    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(attempt, range(40)))
    assert statuses.count(400) == 10  # checked, wrong
    assert statuses.count(429) == 30  # refused unchecked


def test_the_technical_admin_signs_in_through_the_site_sign_in(superuser, settings):
    settings.RATELIMIT_SIGNIN = (3, 900)
    client = Client()
    response = client.get("/django-admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(f"{SIGNIN}?next=/django-admin/")
    for _ in range(3):
        wrong(client, superuser.email)
    assert right(client, superuser).status_code == 429
    # Django's own admin login form is not there to be guessed at.
    login = client.post("/django-admin/login/", {"username": superuser.email, "password": PASSWORD})
    assert login.status_code == 302
    assert login.url.startswith(SIGNIN)
    assert "_auth_user_id" not in client.session
    # From another place, the right password leads into the admin.
    other = Client()
    response = right(other, superuser, ip="198.51.100.7")
    assert other.get("/django-admin/").status_code == 200


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
