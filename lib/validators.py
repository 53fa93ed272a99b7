"""Validators shared by the apps' models and forms."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class WebAddressValidator(URLValidator):
    """An address a reader can open in a browser: http or https, a real port, and no user name
    or password in it (`https://user:pass@host/` shows a host that is not the one opened)."""

    def __init__(self) -> None:
        super().__init__(schemes=["http", "https"])

    def __call__(self, value: str) -> None:
        super().__call__(value)
        parts = urlsplit(value)
        if parts.username is not None or parts.password is not None:
            raise ValidationError(
                _("Leave out the user name and password: give the plain address."),
                code="credentials",
            )
        try:
            port = parts.port
        except ValueError:
            port = -1
        if port is not None and not 0 < port <= 65535:
            raise ValidationError(_("That address has a port that does not exist."), code="port")


validate_web_address = WebAddressValidator()


@deconstructible
class InternetEmailValidator(EmailValidator):
    """An email address on the internet: a domain with a dot, not "localhost", not an address
    literal ("user@[127.0.0.1]") — none of those is anyone's address here."""

    def __init__(self) -> None:
        super().__init__(allowlist=[])

    def validate_domain_part(self, domain_part: str) -> bool:
        return not domain_part.startswith("[") and bool(super().validate_domain_part(domain_part))


validate_email_address = InternetEmailValidator()


MAX_PASSWORD_CHARS = 1000


class MaximumLengthValidator:
    """A password validator (AUTH_PASSWORD_VALIDATORS): at most MAX_PASSWORD_CHARS characters.
    Hashing a megabyte takes a second of the server's time; no passphrase needs a thousand."""

    def validate(self, password: str, user: object = None) -> None:
        if len(password) > MAX_PASSWORD_CHARS:
            raise ValidationError(
                _("Passwords can be at most %(max)d characters."),
                code="password_too_long",
                params={"max": MAX_PASSWORD_CHARS},
            )

    def get_help_text(self) -> str:
        return str(
            _("Your password can be at most %(max)d characters.") % {"max": MAX_PASSWORD_CHARS}
        )
