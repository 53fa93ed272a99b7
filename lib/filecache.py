"""The cache on the embedded default (no Redis): Django's file cache, culled now and then.

Django's FileBasedCache lists its whole folder on every write to decide whether to cull. Our
keys carry the content version (lib/pagecache.py), so every change leaves the old entries
behind until they expire and the folder holds thousands of files: a comment then cost 18 ms
of directory listing at 4,400 files and 51 ms at 20,000. This backend looks at the folder
only every `CULL_EVERY` writes of a process (and at its first write), and then removes the
entries written longest ago, not a random third, so the pages being read now stay.

Between two looks one process can add up to `CULL_EVERY` entries, so the folder may pass
`MAX_ENTRIES` by that much per process for a moment.
"""

import contextlib
import os
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        super().__init__(dir, params)
        self.folder = os.path.abspath(dir)
        options = params.get("OPTIONS", {})
        self.cull_every = int(options.get("CULL_EVERY", 500))
        self._writes_since_cull = self.cull_every  # look at the first write

    def set(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        self._writes_since_cull += 1
        super().set(key, value, timeout, version)

    def _cull(self) -> None:
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
        if self._cull_frequency == 0:
            doomed = entries
        else:
            entries.sort()
            doomed = entries[: len(entries) // self._cull_frequency]
        for _, path in doomed:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
