"""Visitors' pages as files that nginx serves without Python (PAGE_CACHE_DIR, one machine).

Layout: PAGE_CACHE_DIR/<content version>/<language>/<path>/index.html, and a symlink
`current` to the newest version's folder. A change of content starts a new, empty folder and
points `current` at it, so nginx never serves a page older than the content (lib/
contentversion.py); older folders are removed. Only pages without a query string are written.
docs/deploy.md has the nginx configuration that reads them.
"""

import os
import shutil
import time
from pathlib import Path

from django.conf import settings

CURRENT = "current"


def _root() -> Path | None:
    return Path(settings.PAGE_CACHE_DIR) if settings.PAGE_CACHE_DIR else None


def page_file(version: str, language: str, path: str) -> Path | None:
    root = _root()
    parts = [part for part in path.split("/") if part]
    if root is None or any(part in (".", "..") or "\x00" in part for part in parts):
        return None
    return root.joinpath(version, language, *parts, "index.html")


def write_page(version: str, language: str, path: str, content: bytes) -> None:
    target = page_file(version, language, path)
    if target is None:
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{os.getpid()}.{time.monotonic_ns()}.partial")
        partial.write_bytes(content)
        partial.replace(target)  # nginx sees the whole file or none
    except OSError:
        pass  # a page that could not be written is simply rendered by the app next time


def point_current_to(version: str) -> None:
    root = _root()
    if root is None:
        return
    (root / version).mkdir(parents=True, exist_ok=True)
    current = root / CURRENT
    try:
        shown = int(os.readlink(current))
    except (OSError, ValueError):
        shown = -1
    # Two changes close together: the newer version wins whichever process gets here last.
    # (Reading the link and replacing it are two steps; two processes interleaving exactly
    # there could leave `current` one change behind until the next change.)
    if int(version) < shown:
        return
    link = root / f".{CURRENT}.{os.getpid()}.{time.monotonic_ns()}"
    os.symlink(version, link)
    link.replace(current)
    for folder in root.iterdir():
        if folder.name.isdigit() and int(folder.name) < int(version):
            shutil.rmtree(folder, ignore_errors=True)
