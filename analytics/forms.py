from django import forms
from django.utils.translation import gettext_lazy as _

from .periods import DEFAULT_PERIOD, PERIODS, Period


class PeriodForm(forms.Form):
    """The period the page shows (?period=30d|26w|12m); none or a refused one: the last 30
    days."""

    period = forms.ChoiceField(
        label=_("Period"),
        choices=[(key, period.label) for key, period in PERIODS.items()],
        required=False,
    )

    def chosen(self) -> Period:
        if self.is_bound and self.is_valid() and self.cleaned_data["period"]:
            return PERIODS[self.cleaned_data["period"]]
        return PERIODS[DEFAULT_PERIOD]
