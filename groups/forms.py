from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin
from lib.pictures import validate_picture
from members.models import Member
from tags.forms import TagsField
from tags.services import tags_text

from .models import Group

# Addresses the groups' own pages use (/groups/new/, /groups/mine/…).
RESERVED_SLUGS = {"new", "mine", "invitations", "requests"}


def _icon_field() -> forms.ImageField:
    return forms.ImageField(
        label=_("Icon"),
        required=False,
        help_text=format_lazy(
            _("JPEG, PNG, GIF or WebP, at most {size}."),
            size=filesizeformat(settings.MAX_UPLOAD_BYTES),
        ),
        error_messages={
            "invalid_image": _("That file is not an image we can read. Please choose a picture.")
        },
    )


class GroupForm(CleanTextMixin, forms.ModelForm[Group]):
    """Making a group: everything; editing one: all but its address and privacy."""

    icon = _icon_field()
    # Any text: made into an address (slugify) rather than refused.
    slug = forms.CharField(label=_("Address"), max_length=60, required=False)
    tags = TagsField()

    class Meta:
        model = Group
        fields = ("name", "slug", "description", "is_private", "joining")
        widgets = {
            "name": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "joining": forms.RadioSelect,
        }

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Left empty, it is made from the name.")
        if editing:
            del self.fields["slug"]
            del self.fields["is_private"]
        if self.instance.pk and not self.is_bound:
            self.initial.setdefault("tags", tags_text(self.instance))

    def clean_icon(self) -> UploadedFile[bytes] | None:
        icon: UploadedFile[bytes] | None = self.cleaned_data.get("icon")
        validate_picture(icon)
        return icon

    def clean_slug(self) -> str:
        typed: str = self.cleaned_data.get("slug") or self.data.get("name", "")
        slug = slugify(typed, allow_unicode=True)[:60].strip("-_")
        if not slug:
            raise forms.ValidationError(_("Please give the group an address."))
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("That address is taken. Please choose another."))
        if Group.objects.filter(slug=slug).exists():
            raise forms.ValidationError(
                _("A group already has the address “%(slug)s”. Please choose another."),
                params={"slug": slug},
            )
        return slug


class InviteForm(forms.Form):
    """The member chosen among those a search found (their id, from the search's button)."""

    member = forms.ModelChoiceField(
        queryset=Member.objects.listed().filter(email_confirmed=True), widget=forms.HiddenInput
    )


class SearchForm(CleanTextMixin, forms.Form):
    q = forms.CharField(label=_("Search groups"), max_length=100, required=False)


class MemberSearchForm(CleanTextMixin, forms.Form):
    q = forms.CharField(label=_("Find members by name or handle"), max_length=100, required=False)
