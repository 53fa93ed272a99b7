from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lib import ratelimit
from lib.email import queue_email
from lib.forms import CleanTextMixin
from lib.pictures import validate_picture
from lib.validators import validate_email_address

from . import devices, profilefields, timezones
from .models import Member


class ProfileFieldsMixin:
    """Adds the fields other apps ask (members/profilefields.py) after the form's own, with the
    member's current values. Between CleanTextMixin and the form class, so that the added text
    fields are cleaned like the others."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        member = instance if isinstance(instance, Member) and instance.pk else None
        self.fields.update(profilefields.fields_for(member))


# The join form's honeypot: people never see it (hidden by CSS, skipped by the keyboard,
# labelled "leave empty" for screen readers); a form sent with it filled was sent by a robot,
# and is answered like a success without making anyone.
HONEYPOT = "website"
HONEYPOT_MAX_CHARS = 200


class HoneypotField(forms.CharField):
    def __init__(self) -> None:
        super().__init__(
            label=_("Leave this field empty"),
            required=False,
            max_length=HONEYPOT_MAX_CHARS,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        # Its own markup: a wrapper the stylesheet moves out of sight.
        self.template_name = "members/_honeypot.html"


# The password rules (AUTH_PASSWORD_VALIDATORS) in one sentence of ours, instead of Django's list
# of four (which its Urdu catalog leaves in English).
PASSWORD_RULES = _(
    "At least 8 characters, not all digits, not a common password and not like your name or "
    "email address."
)


class JoinForm(CleanTextMixin, ProfileFieldsMixin, BaseUserCreationForm[Member]):
    website = HoneypotField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = PASSWORD_RULES
        self.fields["password2"].label = _("Password confirmation")
        self.fields["password2"].help_text = ""

    class Meta:
        model = Member
        fields = ("display_name", "email")
        help_texts = {"display_name": _("How other members will see you.")}

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip().lower()
        validate_email_address(email)
        return email

    @property
    def is_robot(self) -> bool:
        """The honeypot was filled (a bound form only)."""
        value = str(self.data.get(HONEYPOT, "")).strip()
        # Past its length the field's own error answers (nothing is made either way).
        return bool(value) and len(value) <= HONEYPOT_MAX_CHARS

    def validate_unique(self) -> None:
        """Not here: a taken email must not be told apart from a free one (members.services.join
        emails its member instead); the database's unique constraint still holds."""


class SignInForm(CleanTextMixin, AuthenticationForm):
    """Sign-in by email, limited against password guessing without locking the owner out.

    Every attempt is counted before the password is checked (atomically: a burst cannot slip
    past), per account-and-IP pair (RATELIMIT_SIGNIN) and per IP (RATELIMIT_SIGNIN_IP); a
    success takes its counts back. Wrong passwords for one account from anywhere are counted
    too: past RATELIMIT_SIGNIN_ACCOUNT the account accepts only devices it signed in from
    before (members/devices.py) — the owner still comes in, a guesser elsewhere does not.
    """

    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email or password is not right. Please try again."),
        "rate_limited": _(
            "Too many sign-in attempts. Please wait %(minutes)d minutes and try again, "
            "or reset your password."
        ),
        "protected": _(
            "This account has had many wrong passwords from elsewhere, so for now it lets in "
            "only devices that signed in to it before. To sign in here, reset your password: "
            "the emailed link lets you in."
        ),
        "suspended": _(
            "This account is suspended by the network's moderators, so it cannot sign in. "
            "If you think this is a mistake, write to the network's administrators."
        ),
    }

    def clean(self) -> dict[str, Any]:
        ip = ratelimit.client_ip(self.request) if self.request else "unknown"
        email = str(self.cleaned_data.get("username") or "").lower()
        counted = [("signin-ip", ip, settings.RATELIMIT_SIGNIN_IP)]
        if email:
            counted.append(("signin-pair", f"{email} {ip}", settings.RATELIMIT_SIGNIN))
        over = [
            ratelimit.record_attempt(scope, who, window) > limit
            for scope, who, (limit, window) in counted
        ]
        if any(over):
            minutes = max(window for _scope, _who, (_limit, window) in counted) // 60
            raise ValidationError(
                self.error_messages["rate_limited"],
                code="rate_limited",
                params={"minutes": minutes},
            )
        account_limit, account_window = settings.RATELIMIT_SIGNIN_ACCOUNT
        if (
            email
            and ratelimit.count("signin-account", email) >= account_limit
            and (not self._known_device(email))
        ):
            raise ValidationError(self.error_messages["protected"], code="protected")
        try:
            cleaned = super().clean()
        except ValidationError:
            if email:
                ratelimit.record_attempt("signin-account", email, account_window)
            raise
        for scope, who, _limits in counted:
            ratelimit.forget_attempt(scope, who)
        return cleaned

    def get_invalid_login_error(self) -> ValidationError:
        """A suspended member (moderation/) who typed the right password is told why they
        cannot come in; a wrong password gets the usual answer, telling nothing."""
        email = str(self.cleaned_data.get("username") or "")
        password = str(self.cleaned_data.get("password") or "")
        suspended = (
            Member.objects.filter(email__iexact=email, suspended_at__isnull=False).first()
            if email and password
            else None
        )
        if suspended is not None and suspended.check_password(password):
            return ValidationError(self.error_messages["suspended"], code="suspended")
        return super().get_invalid_login_error()

    def _known_device(self, email: str) -> bool:
        if self.request is None:
            return False
        pk = Member.objects.filter(email__iexact=email).values_list("pk", flat=True).first()
        return pk is not None and pk in devices.known_members(self.request)


def join_is_limited(request: HttpRequest, email: str) -> bool:
    limit, _window = settings.RATELIMIT_JOIN
    return ratelimit.is_limited("join-ip", ratelimit.client_ip(request), limit) or (
        bool(email) and ratelimit.is_limited("join-email", email, limit)
    )


def record_join_attempt(request: HttpRequest, email: str) -> None:
    _limit, window = settings.RATELIMIT_JOIN
    ratelimit.record_attempt("join-ip", ratelimit.client_ip(request), window)
    if email:
        ratelimit.record_attempt("join-email", email, window)


def may_send_email(request: HttpRequest, email: str) -> bool:
    """Counts one more email (confirmation or password reset) to `email` asked from here;
    False once the address or the client has asked too many times in the window."""
    limit, window = settings.RATELIMIT_EMAIL
    ip = ratelimit.client_ip(request)
    if ratelimit.is_limited("email-ip", ip, limit) or ratelimit.is_limited(
        "email-to", email, limit
    ):
        return False
    ratelimit.record_attempt("email-ip", ip, window)
    ratelimit.record_attempt("email-to", email, window)
    return True


class ProfileForm(CleanTextMixin, ProfileFieldsMixin, forms.ModelForm[Member]):
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        # Lazy, so it is translated for each reader, not once at start-up.
        help_text=format_lazy(
            _("JPEG, PNG, GIF or WebP, at most {size}."),
            size=filesizeformat(settings.MAX_UPLOAD_BYTES),
        ),
        error_messages={
            "invalid_image": _("That file is not an image we can read. Please choose a photo.")
        },
    )

    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("The network's language")), *settings.LANGUAGES],
    )
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not a time zone we know. Please choose one from the list."
            )
        },
    )

    class Meta:
        model = Member
        fields = ("display_name", "about", "language", "time_zone")
        widgets = {"about": forms.Textarea(attrs={"rows": 5, "dir": "auto"})}

    def __init__(self, *args: Any, network_zone: str = "UTC", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A setting rather than something about the member: after the profile's questions.
        field = self.fields["time_zone"] = self.fields.pop("time_zone")
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", _("The network's time zone (%(zone)s)") % {"zone": network_zone}),
            *timezones.choices(),
        ]
        field.help_text = _(
            "Event times are shown in the network's time zone, %(zone)s. Choose yours to see "
            "them in your time too."
        ) % {"zone": network_zone}

    def clean_photo(self) -> UploadedFile[bytes] | None:
        photo: UploadedFile[bytes] | None = self.cleaned_data.get("photo")
        validate_picture(photo)
        return photo


class QueuedPasswordResetForm(CleanTextMixin, PasswordResetForm):
    """Django's reset form, with the email sent through the task queue."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # No member has an address that is not on the internet: say so at once.
        self.fields["email"].validators.append(validate_email_address)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_email(subject, render_to_string(email_template_name, context), [to_email])


class LeaveForm(CleanTextMixin, forms.Form):
    """Leaving the network: what becomes of the member's posts and comments, and their password
    as the proof that it is them (a session left open on a shared computer is not enough).
    Wrong passwords are counted like sign-in attempts (RATELIMIT_SIGNIN), so the form cannot
    be used to guess the password of an open session."""

    KEEP = "keep"
    DELETE = "delete"

    content = forms.ChoiceField(
        label=_("Your posts and comments"),
        choices=[
            (KEEP, _("Keep them on the network, shown as by “a former member”")),
            (DELETE, _("Delete them with my account")),
        ],
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "wrong_password": _("That is not your password. Nothing was changed."),
        "rate_limited": _(
            "Too many wrong passwords. Please wait %(minutes)d minutes and try again."
        ),
    }

    def __init__(self, member: Member, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        limit, window = settings.RATELIMIT_SIGNIN
        if ratelimit.record_attempt("leave", str(self.member.pk), window) > limit:
            raise ValidationError(
                self.error_messages["rate_limited"],
                code="rate_limited",
                params={"minutes": window // 60},
            )
        if not self.member.check_password(password):
            raise ValidationError(self.error_messages["wrong_password"], code="wrong_password")
        ratelimit.forget_attempt("leave", str(self.member.pk))
        return password

    @property
    def keep_content(self) -> bool:
        return bool(self.cleaned_data["content"] == self.KEEP)


class NewPasswordForm(SetPasswordForm[Member]):
    """Choosing a new password from the emailed link: the rules in one sentence."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_RULES
        self.fields["new_password2"].help_text = ""
