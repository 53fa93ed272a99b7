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


class DomainBlockForm(CleanTextMixin, forms.Form):
    domain = forms.CharField(
        label=_("Server"), max_length=253, help_text=_("Its host name, such as spam.example")
    )
    reason = forms.CharField(label=_("Why (for the log)"), max_length=500, required=False)
    confirm = forms.BooleanField(
        label=_("I understand: its accounts stop following anyone here, and nothing is sent to it"),
        required=True,
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
