"""The content version: one number that changes whenever what the pages show changes.

Caches put it in their keys (lib/pagecache.py), and the replica router looks at its age
(lib/replica.py). One version for the whole network is coarse, but it is always right, and a
community site is read far more often than it is written.
"""

import time

from django.core.cache import cache
from django.db import transaction

from .pagefiles import point_current_to

VERSION_KEY = "anjuman:content-version"


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        new = str(time.time_ns())
        if cache.add(VERSION_KEY, new, timeout=None):
            point_current_to(new)
            return new
        version = cache.get(VERSION_KEY) or "0"
    return str(version)


def version_age_seconds(version: str) -> float:
    """How long ago the content last changed (versions are the time of the change)."""
    try:
        return (time.time_ns() - int(version)) / 1e9
    except ValueError:
        return float("inf")


def content_changed() -> None:
    version = str(time.time_ns())
    cache.set(VERSION_KEY, version, timeout=None)
    point_current_to(version)


def invalidate_content() -> None:
    """Called by every write that changes what pages show.

    Once now, so this process's next read inside the transaction sees the change, and once
    at commit, so no other process keeps a page it rendered from the data before the commit.
    """
    content_changed()
    connection = transaction.get_connection()
    # Outside a transaction the write is already committed; inside one, once at commit is enough
    # however many writes it holds.
    if connection.in_atomic_block and not any(
        hook is content_changed for _savepoints, hook, _robust in connection.run_on_commit
    ):
        transaction.on_commit(content_changed)
