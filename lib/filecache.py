"""The cache on the embedded default (no Redis): Django's file cache, culled now and then.

Django's FileBasedCache lists its whole folder on every write to decide whether to cull. Every
visited page and cached fragment is a file, so the folder holds thousands: a write cost 18 ms
of directory listing at 4,400 files and 51 ms at 20,000. This backend looks at the folder
only every `CULL_EVERY` writes of a process (and at its first write), and then removes the
entries written longest ago, not a random third, so the pages being read now stay. Entries
stored without a timeout (the cache tags' versions, lib/cachetags.py) are never culled:
losing the site-wide one would make every cached page miss at once.

Between two looks one process can add up to `CULL_EVERY` entries, so the folder may pass
`MAX_ENTRIES` by that much per process for a moment.

`add()` and `incr()` are atomic across the processes of the machine (Django's are a read then
a write): they run under an exclusive lock on a file in the folder. The rate limits count with
them (lib/ratelimit.py): 40 wrong passwords sent at once are 40 counts, not 23.
"""

import contextlib
import fcntl
import os
import pickle
from collections.abc import Iterator
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

PATHS_KEPT = 8192


class FileCache(FileBasedCache):
    def _key_to_file(self, key: str, version: int | None = None) -> str:
        # A page hit reads a handful of entries (the page, its tags' versions): their file
        # names, an md5 each, are remembered (up to PATHS_KEPT of them).
        path = self._paths.get((key, version))
        if path is None:
            path = super()._key_to_file(key, version)  # type: ignore[misc]  # not in the stubs
            if len(self._paths) < PATHS_KEPT:
                self._paths[(key, version)] = path
        return path

    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        super().__init__(dir, params)
        self.folder = os.path.abspath(dir)
        self.cull_every = int(params.get("OPTIONS", {}).get("CULL_EVERY", 500))
        self._writes_since_cull = self.cull_every - 1  # look at the first write
        self._paths: dict[tuple[str, int | None], str] = {}

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        os.makedirs(self.folder, exist_ok=True)
        fd = os.open(os.path.join(self.folder, "atomic.lock"), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        with self._exclusive():
            return bool(super().add(key, value, timeout, version))

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        with self._exclusive():
            return int(super().incr(key, delta, version))

    def _cull(self) -> None:
        # Called by every set() (and so by add() and incr()) before it writes.
        self._writes_since_cull += 1
        if self._writes_since_cull < self.cull_every:
            return
        self._writes_since_cull = 0
        entries: list[tuple[float, str]] = []
        with os.scandir(self.folder) as found:
            for entry in found:
                if entry.name.endswith(self.cache_suffix):
                    # Another process may remove it meanwhile.
                    with contextlib.suppress(FileNotFoundError):
                        entries.append((entry.stat().st_mtime, entry.path))
        if len(entries) < self._max_entries:
            return
        entries.sort()
        wanted = len(entries) // self._cull_frequency if self._cull_frequency else len(entries)
        for _, path in entries:
            if wanted <= 0:
                break
            if _expires(path):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
                wanted -= 1


def _expires(path: str) -> bool:
    """Whether the entry was stored with a timeout (its file starts with the expiry time)."""
    try:
        with open(path, "rb") as f:
            return pickle.load(f) is not None  # noqa: S301 — our own cache folder, as Django reads it
    except FileNotFoundError:
        return False
    except (EOFError, pickle.UnpicklingError):
        return True  # half-written or damaged: fine to remove
