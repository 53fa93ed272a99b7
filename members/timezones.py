"""The time zone a member may choose for themselves (blank: the network's, which pages show).

The zones offered are the IANA zones of the regions (Africa/…, America/…, Europe/…, …) and UTC:
the names people look for, without the old aliases (US/Eastern, GB, Etc/GMT+5…), grouped by
region. A member's zone is used where it is asked for explicitly (events.when.describe); it is
never activated for the whole site, whose cached parts are shared by everyone in the network's
time zone.
"""

import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REGIONS: dict[str, Promise] = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific"),
}
UTC = "UTC"


@functools.cache
def names() -> frozenset[str]:
    """The zones a member may choose (zoneinfo reads the time zone folder at every call)."""
    offered = {name for name in zoneinfo.available_timezones() if name.split("/", 1)[0] in REGIONS}
    return frozenset({*offered, UTC})


def choices() -> list[tuple[Promise, list[tuple[str, str]]] | tuple[str, str]]:
    """For a select: UTC, then the zones of each region in alphabetical order."""
    grouped: list[tuple[Promise, list[tuple[str, str]]] | tuple[str, str]] = [(UTC, UTC)]
    for prefix, label in REGIONS.items():
        zones = sorted(name for name in names() if name.startswith(f"{prefix}/"))
        if zones:
            grouped.append((label, [(name, name.replace("_", " ")) for name in zones]))
    return grouped


def validate_time_zone(value: str) -> None:
    if value and value not in names():
        raise ValidationError(
            _("“%(value)s” is not a time zone we know. Please choose one from the list."),
            code="unknown_time_zone",
            params={"value": value},
        )


def zone_of(user: object) -> zoneinfo.ZoneInfo | None:
    """The time zone a signed-in member chose, or None (a visitor, or no choice: the network's)."""
    if not getattr(user, "is_authenticated", False):
        return None
    name = str(getattr(user, "time_zone", "") or "")
    if name not in names():
        return None
    return zoneinfo.ZoneInfo(name)
