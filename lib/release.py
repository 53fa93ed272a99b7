"""This release of Anjuman, as a short id: what the cached pages and fragments were made with.

A cached fragment or page is HTML a template, a translation or the code around them wrote. After
an upgrade (new templates, new code, a recompiled Urdu catalogue) the ones the previous release
left in the shared cache must not be served: `lib.cachetags` and `lib.pagecache` put this id in
their keys, so a new release starts with its own (the old entries age out). Sessions, rate-limit
counters and tag versions keep their keys: an upgrade signs nobody out.

The id is a hash of the project's Python files, templates and compiled catalogues — their
contents, not their dates, so every application server of one release agrees on it whatever
its checkout's file times.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings

SKIPPED = {".venv", "data", "bench", "node_modules", ".git", "__pycache__", "tests"}
SUFFIXES = {".py", ".html", ".txt", ".xml", ".mo"}


def _files(root: Path) -> list[Path]:
    found = []
    for path in root.iterdir():
        if path.name in SKIPPED or path.name.startswith("."):
            continue
        if path.is_dir():
            found += _files(path)
        elif path.suffix in SUFFIXES:
            found.append(path)
    return found


@cache
def release_id() -> str:
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted(_files(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
