"""Features on and off (issue 11): `features.is_on(network, "forum")`."""

from typing import Any


def is_on(network: Any, key: str) -> bool:
    """Whether the feature `key` ("blogs", "forum", …) is on for `network` (a Network or None:
    everything is on before a network exists)."""
    if network is None:
        return True
    return key not in (getattr(network, "features_off", None) or ())
