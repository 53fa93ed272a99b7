import datetime as dt

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def posted_on(value: dt.datetime | None) -> str:
    """“March 28, 2025 at 8:30pm” in the active (the network's) time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {
        "date": date_filter(local, "F j, Y"),
        "time": date_filter(local, "g:i") + date_filter(local, "A").lower(),
    }
