"""Visitors' pages as files that nginx serves without Python (PAGE_CACHE_DIR, one machine).

Layout: PAGE_CACHE_DIR/current/<language>/<path>/index.html (docs/deploy.md has the nginx
configuration that reads them), and PAGE_CACHE_DIR/tags/<tag>: for each cache tag
(lib/cachetags.py), the files of the pages that depend on it, one per line.

- A page is written with the tags it was rendered from. When a tag changes, the files listed
  under it are removed, and only those: a comment removes the commented post's page and the
  listings, not the rest of the site.
- Order makes this safe against a page rendered while its data changes: the writer lists the
  file under its tags, writes it, then checks the tags' versions again and removes its own
  file if one changed; the invalidator first gives the tag its new version, then takes the
  list (renamed away atomically) and removes what it names. Either the invalidator finds the
  file in the list, or the writer sees the new version.
- No page file lives forever: every SWEEP_EVERY writes a process removes files (and lists)
  older than PAGE_CACHE_SECONDS.
- Tags that every page depends on (the network's settings, members' names: SITE_WIDE) are not
  listed — their lists would grow with every page written; their rare changes remove every
  file instead.
- Only pages without a query string, for browsers (HTML), are written.
"""

import contextlib
import hashlib
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from .cachetags import SITE_KEY

PAGES = "current"
TAGS = "tags"
SWEEP_EVERY = 500
_writes = SWEEP_EVERY - 1  # sweep at the first write of a process


def _root() -> Path | None:
    return Path(settings.PAGE_CACHE_DIR) if settings.PAGE_CACHE_DIR else None


def page_file(language: str, path: str) -> Path | None:
    root = _root()
    parts = [part for part in path.split("/") if part]
    if root is None or any(part in (".", "..") or "\x00" in part for part in parts):
        return None
    return root.joinpath(PAGES, language, *parts, "index.html")


def _tag_list(root: Path, key: str) -> Path:
    return root / TAGS / hashlib.sha256(key.encode()).hexdigest()[:32]


def _upgrade(root: Path) -> None:
    """Until 2026-12 `current` was a link to a folder per content version."""
    current = root / PAGES
    if current.is_symlink():
        current.unlink(missing_ok=True)
        for folder in root.iterdir():
            if folder.name.isdigit():
                shutil.rmtree(folder, ignore_errors=True)


def write_page(language: str, path: str, content: bytes, versions: dict[str, int]) -> None:
    """Writes the page's file, listed under each tag key in `versions` (and their values)."""
    global _writes
    root = _root()
    target = page_file(language, path)
    if root is None or target is None:
        return
    _writes += 1
    if _writes >= SWEEP_EVERY:
        _writes = 0
        _upgrade(root)
        sweep(root)
    relative = str(target.relative_to(root)) + "\n"
    try:
        (root / TAGS).mkdir(parents=True, exist_ok=True)
        for key in versions.keys() - {SITE_KEY}:
            # One short append: whole lines even with other processes appending at once.
            with _tag_list(root, key).open("a") as listing:
                listing.write(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{os.getpid()}.{time.monotonic_ns()}.partial")
        partial.write_bytes(content)
        partial.replace(target)  # nginx sees the whole file or none
    except OSError:
        return  # a page that could not be written is simply rendered by the app next time
    now: dict[str, int] = cache.get_many(versions.keys())
    if any(now.get(key) != version for key, version in versions.items()):
        target.unlink(missing_ok=True)


def remove_pages_tagged(keys: Iterable[str]) -> None:
    """Removes the page files listed under these tag keys (called after their new versions)."""
    root = _root()
    if root is None:
        return
    keys = set(keys)
    if SITE_KEY in keys:
        _remove_all(root)
        return
    for key in keys:
        listing = _tag_list(root, key)
        taken = listing.with_name(f".{listing.name}.{os.getpid()}.{time.monotonic_ns()}")
        try:
            listing.rename(taken)
        except FileNotFoundError:
            continue
        with contextlib.suppress(OSError):
            for line in set(taken.read_text().splitlines()):
                if line.startswith(PAGES + "/") and ".." not in line:
                    (root / line).unlink(missing_ok=True)
        taken.unlink(missing_ok=True)


def _remove_all(root: Path) -> None:
    pages = root / PAGES
    taken = root / f".{PAGES}.{os.getpid()}.{time.monotonic_ns()}"
    with contextlib.suppress(FileNotFoundError):
        pages.rename(taken)  # nginx finds nothing from this moment on
        shutil.rmtree(taken, ignore_errors=True)
    shutil.rmtree(root / TAGS, ignore_errors=True)


def sweep(root: Path) -> None:
    """Removes page files and tag lists older than PAGE_CACHE_SECONDS."""
    oldest = time.time() - max(settings.PAGE_CACHE_SECONDS, 1)
    for folder in (root / PAGES, root / TAGS):
        for dirpath, _dirnames, filenames in os.walk(folder):
            for name in filenames:
                file = os.path.join(dirpath, name)
                with contextlib.suppress(OSError):
                    if os.stat(file).st_mtime < oldest:
                        os.remove(file)
