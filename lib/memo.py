"""What this process read from the shared cache lately, kept in its own memory.

A cached page or fragment is stored with the versions of the cache tags it was made from and
counts only while they are current (lib/cachetags.still_current). That check reads the
versions — each once per request. The entry itself (a page of 40 kB, pickled and compressed in
the file cache) needs reading only when this process has not got it already: `ProcessMemo`
keeps the last entries the process read or wrote, and its callers check the versions on every
use, exactly as for an entry read from the cache. A change anywhere is seen at the next request,
as without it; an entry is kept at most its timeout after this process got it.
"""

import threading
import time
from collections import OrderedDict
from typing import Any


class ProcessMemo:
    """A bounded least-recently-used map of key → value with an expiry; thread-safe. Values are
    shared by every request of the process: treat them as read-only."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        _all.append(self)

    def get(self, key: str) -> Any:
        """The value, or None if absent or expired."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, value = found
            if expires < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return value

    def put(self, key: str, value: Any, timeout: float) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + timeout, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_all: list[ProcessMemo] = []


def clear_all() -> None:
    """Forgets everything every memo of this process holds (tests start from nothing)."""
    for memo in _all:
        memo.clear()
