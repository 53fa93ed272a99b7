from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
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

from .models import Member


class JoinForm(CleanTextMixin, BaseUserCreationForm[Member]):
    class Meta:
        model = Member
        fields = ("display_name", "email")
        help_texts = {"display_name": _("How other members will see you.")}

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def validate_unique(self) -> None:
        """Not here: a taken email must not be told apart from a free one (members.services.join
        emails its member instead); the database's unique constraint still holds."""


class SignInForm(CleanTextMixin, AuthenticationForm):
    """Sign-in by email, limited per client IP and per account against password guessing."""

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
    }

    def clean(self) -> dict[str, Any]:
        limit, window = settings.RATELIMIT_SIGNIN
        ip = ratelimit.client_ip(self.request) if self.request else "unknown"
        email = str(self.cleaned_data.get("username") or "")
        if ratelimit.is_limited("signin-ip", ip, limit) or (
            email and ratelimit.is_limited("signin-account", email, limit)
        ):
            raise ValidationError(
                self.error_messages["rate_limited"],
                code="rate_limited",
                params={"minutes": window // 60},
            )
        try:
            return super().clean()
        except ValidationError:
            ratelimit.record_attempt("signin-ip", ip, window)
            if email:
                ratelimit.record_attempt("signin-account", email, window)
            raise


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


class ProfileForm(CleanTextMixin, forms.ModelForm[Member]):
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

    class Meta:
        model = Member
        fields = ("display_name", "about")
        widgets = {"about": forms.Textarea(attrs={"rows": 5, "dir": "auto"})}

    def clean_photo(self) -> UploadedFile[bytes] | None:
        photo: UploadedFile[bytes] | None = self.cleaned_data.get("photo")
        validate_picture(photo)
        return photo


class QueuedPasswordResetForm(CleanTextMixin, PasswordResetForm):
    """Django's reset form, with the email sent through the task queue."""

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
