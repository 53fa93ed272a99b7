"""A WSGI app that answers every request with one file's bytes: what the application server
alone allows, without Django (bench/run.py's wsgi_floor reference). BENCH_FLOOR_FILE names
the file."""

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

BODY = Path(os.environ.get("BENCH_FLOOR_FILE", __file__)).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("200 OK", HEADERS)
    return [BODY]
