from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lib.forms import CleanTextMixin
from members.models import Member
from tags.forms import TagsField

from . import images
from .models import Album


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one `multiple` input; each is checked later, one by one."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(_("Please choose at least one photo."), code="required")
        if len(files) > images.MAX_FILES:
            raise forms.ValidationError(
                ngettext(
                    "You chose %(count)s files; at most %(max)s photo can be added at once.",
                    "You chose %(count)s files; at most %(max)s photos can be added at once.",
                    images.MAX_FILES,
                )
                % {"count": len(files), "max": images.MAX_FILES},
                code="too_many",
            )
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def _album_field(owner: Member) -> forms.ModelChoiceField[Album]:
    return forms.ModelChoiceField(
        Album.objects.filter(owner=owner).order_by("title", "id"),
        required=False,
        empty_label=_("No album"),
        label=_("Album"),
    )


class UploadForm(CleanTextMixin, forms.Form):
    photos = MultipleFileField(
        label=_("Photos"),
        help_text=_(
            "Up to %(files)s pictures at once, each at most %(mb)s MB (JPEG, PNG, GIF, WebP)."
        )
        % {"files": images.MAX_FILES, "mb": images.MAX_BYTES // (1024 * 1024)},
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    new_album = forms.CharField(
        label=_("…or a new album"), max_length=200, required=False,
        help_text=_("Its title; leave empty to use the album chosen above."),
    )  # fmt: skip
    tags = TagsField(help_text=_("Given to every photo of this upload. Separate them with commas."))

    def __init__(self, *args: Any, owner: Member, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["album"] = _album_field(owner)
        self.order_fields(["photos", "album", "new_album", "tags"])


class PhotoForm(CleanTextMixin, forms.Form):
    caption = forms.CharField(label=_("Caption"), max_length=500, required=False)
    tags = TagsField()

    def __init__(self, *args: Any, owner: Member, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["album"] = _album_field(owner)
        self.order_fields(["caption", "album", "tags"])


class AlbumForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
