from typing import Any

from django import forms

from .registry import FEATURES


class FeaturesForm(forms.Form):
    """A checkbox per feature: ticked is on."""

    def __init__(self, *args: Any, off: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for feature in FEATURES:
            self.fields[feature.key] = forms.BooleanField(
                label=feature.label,
                help_text=feature.description,
                required=False,
                initial=feature.key not in off,
            )

    def switched_on(self) -> list[str]:
        return [feature.key for feature in FEATURES if self.cleaned_data.get(feature.key)]
