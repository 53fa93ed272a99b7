from typing import Any

from django import forms

from lib.forms import CleanTextMixin

from . import kinds
from .kinds import Delivery


class PreferencesForm(CleanTextMixin, forms.Form):
    """One choice of delivery per registered kind, named by the kind."""

    def __init__(
        self, *args: Any, current: dict[str, Delivery], member: object = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds.registered():
            if not kind.concerns(member):
                continue  # a kind for moderators or administrators only
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current.get(kind.name, kind.default),
                # A kind left out of the POST keeps its choice (a kind registered after the
                # page was drawn, a client sending only what changed).
                required=False,
            )

    def choices(self) -> dict[str, Delivery]:
        return {name: Delivery(value) for name, value in self.cleaned_data.items() if value}
