from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin

from .models import Page, make_slug


class PageForm(CleanTextMixin, forms.ModelForm[Page]):
    # Any text: made into an address (make_slug: letters of any script, their marks and the
    # joiners inside words) rather than refused.
    slug = forms.CharField(label=_("Address"), max_length=60, required=False)

    class Meta:
        model = Page
        fields = ("title", "slug", "body", "in_navigation", "published")
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "body": forms.Textarea(attrs={"rows": 16, "dir": "auto"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].help_text = Page._meta.get_field("slug").help_text

    def clean_slug(self) -> str:
        typed: str = self.cleaned_data.get("slug") or ""
        source = typed or str(self.data.get("title", ""))
        slug = make_slug(source, max_length=60)
        if not slug:
            raise forms.ValidationError(
                _("Give the page an address with letters or digits (e.g. “about”).")
            )
        return slug
