from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

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
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)

    class Meta:
        model = Network
        fields = ("name", "tagline", "description", "logo", "time_zone")
        widgets = {"description": forms.Textarea(attrs={"rows": 4, "dir": "auto"})}

    def clean_logo(self) -> object:
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):  # a new file, not the one already kept
            validate_picture(logo)
        return logo


class SidebarBoxForm(CleanTextMixin, forms.ModelForm[SidebarBox]):
    class Meta:
        model = SidebarBox
        fields = ("title", "body", "position")
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "dir": "auto"})}
