import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin

from . import ids
from .services import normalized_domain


class FederationSettingsForm(CleanTextMixin, forms.Form):
    federated = forms.BooleanField(
        label=_("Share my blog with other servers (Mastodon and the rest of the fediverse)"),
        required=False,
    )


class DomainForm(CleanTextMixin, forms.Form):
    """The server to block (the confirmation page's address: ?domain=…)."""

    domain = forms.CharField(
        label=_("Server"),
        max_length=253,
        help_text=_("Its address or host name, such as spam.example"),
        # type=url: a host name, not free text (a browser offers the address keyboard; the
        # forms are novalidate, so "spam.example" without https:// is taken as typed).
        widget=forms.URLInput(attrs={"placeholder": "spam.example", "dir": "ltr"}),
    )

    def clean_domain(self) -> str:
        domain = normalized_domain(self.cleaned_data["domain"])
        try:
            domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
        except UnicodeError:
            domain = ""
        labels = domain.split(".")
        if (
            len(labels) < 2
            or len(domain) > 253
            or any(not label or len(label) > 63 for label in labels)
            or any(not (c.isalnum() or c in "-.") for c in domain)
        ):
            raise ValidationError(_("Enter a server's host name, such as spam.example."))
        if domain == ids.domain_of(ids.base()):
            raise ValidationError(_("This is this network's own address."))
        return domain


class DomainBlockForm(DomainForm):
    """The confirmation: the server (carried over, hidden) and why, for the log."""

    reason = forms.CharField(
        label=_("Why (kept in the log)"), max_length=2000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domain"].widget = forms.HiddenInput()


_USER = re.compile(r"^[A-Za-z0-9_.~-]{1,100}$")


class RemoteFollowForm(CleanTextMixin, forms.Form):
    """Someone's own address elsewhere (@you@your.server): they are sent to their server to
    confirm the follow there."""

    account = forms.CharField(
        label=_("Your address on your server"),
        max_length=300,
        # type=email: an address of the same shape (name@host), not free text.
        widget=forms.EmailInput(attrs={"placeholder": "@you@mastodon.example", "dir": "ltr"}),
    )

    def clean_account(self) -> tuple[str, str]:
        user, at, host = self.cleaned_data["account"].strip().lstrip("@").rpartition("@")
        host = host.strip().lower().rstrip(".")
        try:
            host = host.encode("idna").decode("ascii") if not host.isascii() else host
        except UnicodeError:
            host = ""
        labels = host.split(".")
        if (
            not at
            or not _USER.match(user)
            or len(labels) < 2
            or any(not label or len(label) > 63 for label in labels)
            or any(not (c.isalnum() or c == "-") for label in labels for c in label)
        ):
            raise ValidationError(_("Enter your address as @name@your.server."))
        return user, host


class FollowElsewhereForm(CleanTextMixin, forms.Form):
    """An account of another server to follow (@name@their.server)."""

    handle = forms.CharField(
        label=_("Their address"),
        max_length=300,
        help_text=_("As Mastodon shows it: @name@their.server"),
        widget=forms.EmailInput(attrs={"placeholder": "@someone@mastodon.example", "dir": "ltr"}),
    )

    def clean_handle(self) -> str:
        from .following import parse_handle

        return parse_handle(self.cleaned_data["handle"])


class NetworkChoicesForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        from .models import NetworkChoices

        model = NetworkChoices
        fields = ["authorized_fetch", "remote_replies"]
        widgets = {"remote_replies": forms.RadioSelect}
        help_texts = {
            "authorized_fetch": _(
                "Other servers must sign their requests to read posts and accounts here "
                "(Mastodon's “secure mode”); blocked servers then read nothing. Some older "
                "servers cannot sign and will not see this network."
            ),
            "remote_replies": _(
                "“Under the post” counts only while comments show without a moderator's "
                "approval; otherwise replies wait in the queue."
            ),
        }
