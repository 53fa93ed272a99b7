"""Names for the two servers in /etc/hosts, for the length of a `with` block.

The lines are marked with this process's id and removed by that mark — only ours, whatever
else changed in the file meanwhile — even when the block ends with an error. The file is
rewritten in place (it may be a mount point: never replaced by a rename).
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOSTS = Path("/etc/hosts")


def _mark() -> str:
    return f"# anjuman interop test {os.getpid()}"


def _without_ours(text: str) -> str:
    mark = _mark()
    kept = [line for line in text.splitlines() if not line.endswith(mark)]
    return "".join(line + "\n" for line in kept)


@contextmanager
def names_on_loopback(*names: str, hosts: Path = HOSTS) -> Iterator[None]:
    original = hosts.read_text()
    line = f"127.0.0.1 {' '.join(names)} {_mark()}\n"
    body = original if not original or original.endswith("\n") else original + "\n"
    with hosts.open("w") as f:
        f.write(body + line)
    try:
        yield
    finally:
        current = hosts.read_text()
        with hosts.open("w") as f:
            f.write(_without_ours(current))
