"""Devices a member signed in from: a signed cookie listing the members who signed in with it.

An account under a password-guessing attack from many places (settings.RATELIMIT_SIGNIN_ACCOUNT)
still lets its owner in from a device they used before, and from any device after a password
reset (the emailed link proves the email).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE = "anjuman_devices"
SALT = "members.devices"
KEPT = 5  # members remembered per device (a shared family computer)
MAX_AGE = 365 * 24 * 3600


def known_members(request: HttpRequest) -> list[int]:
    value = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    return [int(pk) for pk in str(value).split(",") if pk.isdigit()]


def remember(request: HttpRequest, response: HttpResponse, member_pk: int) -> None:
    members = [member_pk, *(pk for pk in known_members(request) if pk != member_pk)][:KEPT]
    response.set_signed_cookie(
        COOKIE,
        ",".join(map(str, members)),
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
