from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin

from . import themes
from .customcss import MAX_CHARS


def _theme_choices() -> list[tuple[str, Any]]:
    return [(p.key, p.label) for p in themes.PRESETS] + [(themes.CUSTOM, _("My own colours"))]


class ColourInput(forms.TextInput):
    input_type = "color"


class AppearanceForm(CleanTextMixin, forms.Form):
    """A preset or custom colours (refused under WCAG AA contrast), and the footer's text."""

    theme = forms.ChoiceField(
        label=_("Colour theme"), choices=_theme_choices, widget=forms.RadioSelect
    )
    background = forms.RegexField(
        label=_("Background"), regex=themes.HEX, required=False, widget=ColourInput
    )
    surface = forms.RegexField(
        label=_("Surface (panels)"), regex=themes.HEX, required=False, widget=ColourInput
    )
    text = forms.RegexField(label=_("Text"), regex=themes.HEX, required=False, widget=ColourInput)
    accent = forms.RegexField(
        label=_("Accent (links, buttons, navigation)"),
        regex=themes.HEX,
        required=False,
        widget=ColourInput,
    )
    footer_text = forms.CharField(
        label=_("Footer text"),
        max_length=500,
        required=False,
        help_text=_("Plain text shown at the foot of every page."),
    )

    COLOUR_FIELDS = ("background", "surface", "text", "accent")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.COLOUR_FIELDS:
            self.fields[name].error_messages["invalid"] = _("Choose a colour as #rrggbb.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.COLOUR_FIELDS:
            if isinstance(data.get(name), str):
                data[name] = data[name].lower()
        if data.get("theme") != themes.CUSTOM or any(
            name in self.errors for name in self.COLOUR_FIELDS
        ):
            return data
        missing = [name for name in self.COLOUR_FIELDS if not data.get(name)]
        for name in missing:
            self.add_error(name, _("Choose this colour for your own theme."))
        if missing:
            return data
        colours = themes.Colours(*(data[name] for name in self.COLOUR_FIELDS))
        for pair, ratio in themes.problems(colours):
            self.add_error(
                None,
                _(
                    "%(pair)s: the contrast is %(ratio).2f:1, under the %(needed)s:1 that "
                    "people need to read it (WCAG AA). Choose colours further apart."
                )
                % {"pair": pair, "ratio": ratio, "needed": themes.AA},
            )
        return data

    def custom_colours(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.COLOUR_FIELDS}


class CustomCssForm(forms.Form):
    """The creator's CSS; what is not ordinary, safe CSS is dropped (customcss.py). Not through
    CleanTextMixin's text cleaning: CSS is code, sanitised as CSS."""

    custom_css = forms.CharField(
        label=_("Custom CSS"),
        max_length=MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "dir": "ltr", "spellcheck": "false"}),
        help_text=_(
            "Ordinary rules and @media blocks. @import, url(), expressions and anything that "
            "does not parse are dropped."
        ),
    )
