"""Helpers to run Anjuman and its services as real processes, configured only by environment.

A subprocess of manage.py or of the application server does not import pytest, so it loads the
settings exactly as production does (no testing defaults).
"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
VENV_BIN = Path(sys.executable).parent

# Only what a process needs from the outside; every Anjuman option is given explicitly, so an
# option set in the shell that runs the tests (DEBUG, DATABASE_URL, REDIS_URL…) cannot leak in.
_INHERITED = ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def production_env(root: Path, **options: str) -> dict[str, str]:
    """The documented production settings, with all state kept under `root`."""
    env = {name: os.environ[name] for name in _INHERITED if name in os.environ}
    env |= {
        # gunicorn keeps its control socket under $HOME; each server gets its own.
        "HOME": str(root),
        "DATA_DIR": str(root / "data"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "1",
        "DATABASE_URL": f"sqlite:///{root / 'anjuman.sqlite3'}",
        "STATIC_ROOT": str(root / "static"),
    }
    env |= options
    return env


def manage(
    env: dict[str, str], *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def wait_for_port(port: int, proc: subprocess.Popen[bytes], name: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"{name} exited with {proc.returncode} before listening"
                ) from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not listen on {port} within {timeout}s") from None
            time.sleep(0.05)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stops a process this test session started, by its PID."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def http_get(url: str, headers: dict[str, str] | None = None) -> Response:
    """One GET without redirects or automatic decompression: the bytes as the server sent them."""
    parts = urlsplit(url)
    assert parts.hostname
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return Response(
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read(),
        )
    finally:
        conn.close()


@dataclass
class AppServer:
    """scripts/serve.sh (gunicorn) running as its own process."""

    url: str
    process: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return http_get(self.url + path, headers)


def start_app_server(env: dict[str, str], root: Path) -> AppServer:
    """Starts scripts/serve.sh with one worker on a free port; waits until it answers."""
    port = free_port()
    stdout, stderr = root / "server.out", root / "server.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            ["scripts/serve.sh"],
            cwd=BASE_DIR,
            env={**env, "PORT": str(port), "WEB_CONCURRENCY": "1", "SKIP_SETUP": "1"},
            stdout=out,
            stderr=err,
        )
    server = AppServer(f"http://127.0.0.1:{port}", process, stdout, stderr)
    try:
        wait_for_port(port, process, "scripts/serve.sh")
        # The master listens before its worker has loaded Django; the first answer proves both.
        server.get("/health/")
    except Exception:
        stop(process)
        raise RuntimeError(f"the server did not start:\n{stderr.read_text()}") from None
    return server
