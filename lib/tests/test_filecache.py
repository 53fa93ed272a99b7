"""The embedded default cache stays bounded and keeps what was written last."""

import os
import time
from pathlib import Path

from lib.filecache import FileCache


def file_cache(folder: Path, max_entries: int, cull_every: int) -> FileCache:
    return FileCache(
        str(folder),
        {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_EVERY": cull_every, "CULL_FREQUENCY": 2}},
    )


def entries(folder: Path) -> int:
    return sum(1 for name in os.listdir(folder) if name.endswith(".djcache"))


def test_a_full_folder_loses_its_oldest_entries_and_keeps_the_newest(tmp_path):
    cache = file_cache(tmp_path, max_entries=100, cull_every=10)
    for i in range(100):
        cache.set(f"old-{i}", i)
    past = time.time() - 3600
    for name in os.listdir(tmp_path):
        os.utime(tmp_path / name, (past, past))
    for i in range(10):
        cache.set(f"new-{i}", i)

    assert entries(tmp_path) < 100
    assert [cache.get(f"new-{i}") for i in range(10)] == list(range(10))
    assert sum(cache.get(f"old-{i}") is not None for i in range(100)) < 100


def test_the_folder_is_looked_at_only_every_so_many_writes(tmp_path):
    cache = file_cache(tmp_path, max_entries=50, cull_every=40)
    for i in range(80):
        cache.set(f"key-{i}", i)
    # The 1st write looked at an empty folder, the 41st at 40 entries: nothing was removed.
    assert entries(tmp_path) == 80

    cache.set("key-80", 80)  # the 81st write looks at 80 entries and removes the older half
    assert entries(tmp_path) == 41
    assert cache.get("key-80") == 80
    assert cache.get("key-0") is None


def test_a_long_lived_key_survives_when_it_is_rewritten(tmp_path):
    cache = file_cache(tmp_path, max_entries=20, cull_every=5)
    cache.set("version", "1", timeout=None)
    for i in range(60):
        cache.set(f"page-{i}", i)
        if i % 5 == 0:
            cache.set("version", str(i), timeout=None)
    assert cache.get("version") == "55"


def test_an_entry_without_a_timeout_is_never_culled(tmp_path):
    cache = file_cache(tmp_path, max_entries=20, cull_every=5)
    cache.set("version", "1", timeout=None)
    past = time.time() - 3600
    os.utime(cache._key_to_file("version"), (past, past))  # the oldest file of all
    for i in range(60):
        cache.set(f"page-{i}", i)
    assert entries(tmp_path) <= 25
    assert cache.get("version") == "1"


def _count_up(folder: str, times: int) -> None:
    cache = FileCache(folder, {})
    for _ in range(times):
        if not cache.add("counter", 1):
            cache.incr("counter")


def test_counting_is_atomic_across_processes(tmp_path):
    """The rate limits count with add() and incr(): parallel processes lose no count."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_count_up, args=(str(tmp_path), 100)) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert FileCache(str(tmp_path), {}).get("counter") == 600
