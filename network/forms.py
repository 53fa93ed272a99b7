from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from lib.fetch import FetchError, check_url
from lib.forms import CleanTextMixin
from lib.pictures import validate_picture
from lib.validators import validate_email_address

from .models import Network, SidebarBox, time_zone_names

TIME_ZONE_CHOICES = [(tz, tz) for tz in sorted(time_zone_names())]


class SetupForm(CleanTextMixin, forms.Form):
    name = forms.CharField(label=_("Network name"), max_length=120)
    tagline = forms.CharField(label=_("Tagline"), max_length=200, required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES, initial="UTC")
    creator_name = forms.CharField(label=_("Your name"), max_length=80)
    creator_email = forms.EmailField(label=_("Your email"), validators=[validate_email_address])
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        validate_password(password)
        return password


class NetworkForm(CleanTextMixin, forms.ModelForm[Network]):
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Each visitor's browser's language")), *settings.LANGUAGES],
        help_text=_("The pages' language for everyone who has not chosen their own."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)

    class Meta:
        model = Network
        fields = ("name", "tagline", "description", "logo", "favicon", "language", "time_zone")
        help_texts = {
            "favicon": _(
                "The small picture in the browser's tab, square (it is made 64 × 64 pixels). "
                "Without one, the tab shows Anjuman's."
            )
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4, "dir": "auto"})}

    def clean_logo(self) -> object:
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):  # a new file, not the one already kept
            validate_picture(logo)
        return logo

    def clean_favicon(self) -> object:
        favicon = self.cleaned_data.get("favicon")
        if isinstance(favicon, UploadedFile):
            validate_picture(favicon)
        return favicon


class SidebarBoxForm(CleanTextMixin, forms.ModelForm[SidebarBox]):
    """A text box (title and Markdown) or a feed box (title, feed address, how many items);
    where it shows. Kind, placement, items shown and position may be left out (a text box
    shown everywhere, 5 items, after the others)."""

    class Meta:
        model = SidebarBox
        fields = ("kind", "title", "body", "feed_url", "feed_items_shown", "placement", "position")
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "feed_url": forms.URLInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("kind", "feed_items_shown", "placement", "position"):
            self.fields[name].required = False
        self.fields["body"].help_text = _("Markdown: [text](https://…). For text boxes.")
        self.fields["feed_items_shown"].help_text = _("For feed boxes: 1 to 20.")
        self.fields["position"].help_text = _(
            "Leave empty to put a new box last; or order the boxes on the list."
        )
        self.goes_last = False

    def _default(self, name: str) -> Any:
        value = self.cleaned_data.get(name)
        if value in (None, ""):
            return getattr(self.instance, name)
        return value

    def clean_kind(self) -> str:
        return str(self._default("kind"))

    def clean_placement(self) -> str:
        return str(self._default("placement"))

    def clean_feed_items_shown(self) -> int:
        return int(self._default("feed_items_shown"))

    def clean_position(self) -> int:
        value = self.cleaned_data.get("position")
        if value is None:
            self.goes_last = self.instance.pk is None
            return int(self.instance.position or 0)
        return int(value)

    def clean_feed_url(self) -> str:
        url = str(self.cleaned_data.get("feed_url") or "").strip()
        if url:
            try:
                check_url(url)
            except FetchError as e:
                raise forms.ValidationError(str(e)) from e
        return url

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if (
            data is not None
            and data.get("kind") == SidebarBox.Kind.FEED
            and not data.get("feed_url")
            and "feed_url" not in self.errors
        ):
            self.add_error("feed_url", _("A feed box needs the feed's address."))
        return data


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class OrderForm(forms.Form):
    """Every box's id, in the new order, separated by commas."""

    order = forms.CharField(max_length=5000, widget=forms.HiddenInput)

    def clean_order(self) -> list[int]:
        parts = [p.strip() for p in str(self.cleaned_data["order"]).split(",") if p.strip()]
        if not parts or not all(p.isdigit() and len(p) < 10 for p in parts):
            raise forms.ValidationError(_("The order is a list of box numbers."))
        return [int(p) for p in parts]
