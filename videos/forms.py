from django import forms
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin
from tags.forms import TagsField

from . import providers


class VideoForm(CleanTextMixin, forms.Form):
    url = forms.CharField(
        label=_("Video address"),
        max_length=providers.MAX_URL_CHARS,
        help_text=_("A YouTube, Vimeo or PeerTube video's address."),
        widget=forms.URLInput(attrs={"placeholder": "https://www.youtube.com/watch?v=…"}),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    tags = TagsField()

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"]
        providers.parse(url)  # ValidationError: the form says so, keeping what was typed
        return url.strip()
