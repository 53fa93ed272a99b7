"""Reading and switching the network's features (Network.features_off)."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from lib.cachetags import invalidate
from members.actionlog import record
from members.models import Member
from network.models import Network

from . import is_on
from .registry import FEATURES, KEYS, Feature


def switched_off(network: Any) -> list[Feature]:
    """The features that are off for `network` (none without a network)."""
    return [feature for feature in FEATURES if not is_on(network, feature.key)]


def off_namespaces(network: Any) -> set[str]:
    return {ns for feature in switched_off(network) for ns in feature.namespaces}


def off_kinds(network: Any) -> set[str]:
    return {kind for feature in switched_off(network) for kind in feature.kinds}


def off_section_prefixes(network: Any) -> tuple[str, ...]:
    return tuple(prefix for feature in switched_off(network) for prefix in feature.sections)


def off_apps(network: Any) -> set[str]:
    return {app for feature in switched_off(network) for app in feature.apps}


@transaction.atomic
def set_features(network: Network, on: Iterable[str], *, by: Member) -> list[str]:
    """Switches on the features named in `on` and off the others; logs what changed. Every
    page shows the navigation, so every cached page goes ("network")."""
    wanted_on = set(on)
    unknown = wanted_on - set(KEYS)
    if unknown:
        raise ValueError(f"unknown features: {sorted(unknown)}")
    before = set(network.features_off or [])
    # Keys a later version may add stay as they were.
    off = sorted((before - set(KEYS)) | {key for key in KEYS if key not in wanted_on})
    if set(off) == before:
        return off
    network.features_off = off
    network.save(update_fields=["features_off"])
    invalidate("network")
    turned_off = sorted(set(off) - before)
    turned_on = sorted(before - set(off))
    label = "; ".join(
        part
        for part in (
            f"off: {', '.join(turned_off)}" if turned_off else "",
            f"on: {', '.join(turned_on)}" if turned_on else "",
        )
        if part
    )
    record(by, "features", network, label=label)
    return off
