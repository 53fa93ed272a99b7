"""The peer's virtualenv, the peer (hypercorn + bovine_app.py) and nginx in front of both.

- The virtualenv is made once per bovine-herd version under the temporary folder
  ($TMPDIR/anjuman-interop/bovine-herd-VERSION), from bovine-requirements.txt (every package
  pinned, as it was tested), and reused by later runs; a file lock keeps two test processes
  from building it at once.
- nginx terminates TLS for both names on 127.0.0.1:443 (a free high port when 443 is taken:
  the ids then carry the port, which both sides accept) and proxies to the Django live server
  and to hypercorn, with the proxy headers of docs/deploy.md.
"""

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.production.servers import free_port, stop, wait_for_port

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "bovine-requirements.txt"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def bovine_version() -> str:
    for line in REQUIREMENTS.read_text().splitlines():
        if line.startswith("bovine-herd=="):
            return line.split("==", 1)[1].strip()
    raise RuntimeError("bovine-requirements.txt pins no bovine-herd")


@dataclass(frozen=True)
class Venv:
    path: Path
    built_in: float | None  # seconds the install took in this run; None when reused

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"


def bovine_venv() -> Venv:
    """The peer's virtualenv, built on first use and kept for later runs."""
    root = Path(tempfile.gettempdir()) / "anjuman-interop" / f"bovine-herd-{bovine_version()}"
    root.mkdir(parents=True, exist_ok=True)
    venv, done = root / "venv", root / "installed"
    with (root / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists() and done.read_text() == REQUIREMENTS.read_text():
            return Venv(venv, None)
        started = time.monotonic()
        shutil.rmtree(venv, ignore_errors=True)
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base, "-m", "venv", str(venv)], check=True, capture_output=True)
        result = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "-r", str(REQUIREMENTS)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"pip could not install bovine-herd:\n{result.stderr[-3000:]}")
        done.write_text(REQUIREMENTS.read_text())
        return Venv(venv, time.monotonic() - started)


def https_port() -> int:
    """443 when it is free on 127.0.0.1, else a free high port."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", 443))
        except OSError:
            return free_port()
    return 443


def origin(name: str, port: int) -> str:
    return f"https://{name}" if port == 443 else f"https://{name}:{port}"


@contextlib.contextmanager
def running_peer(venv: Venv, folder: Path, peer_origin: str, ca_file: Path) -> Iterator[int]:
    """hypercorn serving bovine_app.py on a free loopback port (yielded)."""
    port = free_port()
    env = {name: os.environ[name] for name in ("PATH", "LANG", "TZ") if name in os.environ}
    env |= {
        "HOME": str(folder),
        "BOVINE_DB_URL": f"sqlite://{folder / 'bovine.sqlite3'}",
        "PEER_ORIGIN": peer_origin,
        "SSL_CERT_FILE": str(ca_file),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(HERE),  # bovine_app; the working folder is the session's (bovine
        # writes its JSON-LD cache there)
    }
    log = folder / "bovine.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(venv.python),
                "-m",
                "hypercorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "bovine_app:app",
            ],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        try:
            wait_for_port(port, process, "bovine-herd (hypercorn)", timeout=60)
        except RuntimeError as e:
            raise RuntimeError(f"{e}\n{log.read_text()[-3000:]}") from None
        yield port
    finally:
        stop(process)


NGINX_CONF = """
user root;
worker_processes 1;
error_log {root}/nginx-error.log;
pid {root}/nginx.pid;
events {{ worker_connections 128; }}
http {{
    log_format interop '$host "$request" $status "$http_accept" "$http_user_agent"';
    access_log {root}/nginx-access.log interop;
    client_body_temp_path {root}/client_temp;
    proxy_temp_path {root}/proxy_temp;
    fastcgi_temp_path {root}/fastcgi_temp;
    uwsgi_temp_path {root}/uwsgi_temp;
    scgi_temp_path {root}/scgi_temp;
    ssl_protocols TLSv1.2 TLSv1.3;

    server {{
        listen 127.0.0.1:{port} ssl;
        server_name anjuman.test;
        ssl_certificate {anjuman_cert};
        ssl_certificate_key {anjuman_key};
        client_max_body_size 10m;
        location / {{
            proxy_pass http://{anjuman_upstream};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_read_timeout 35s;
        }}
    }}

    server {{
        listen 127.0.0.1:{port} ssl;
        server_name peer.test;
        ssl_certificate {peer_cert};
        ssl_certificate_key {peer_key};
        location /_interop/ {{ return 404; }}
        location / {{
            proxy_pass http://127.0.0.1:{peer_port};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # bovine trusts this header from its gateway only: never from the outside.
            proxy_set_header X-Cattle-Grid-Requester "";
            proxy_read_timeout 35s;
        }}
    }}
}}
"""


@contextlib.contextmanager
def running_nginx(
    folder: Path,
    port: int,
    pairs: dict[str, tuple[Path, Path]],
    anjuman_upstream: str,
    peer_port: int,
) -> Iterator[Path]:
    """nginx for both names; yields its access log."""
    conf = folder / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            root=folder,
            port=port,
            anjuman_cert=pairs["anjuman.test"][0],
            anjuman_key=pairs["anjuman.test"][1],
            peer_cert=pairs["peer.test"][0],
            peer_key=pairs["peer.test"][1],
            anjuman_upstream=anjuman_upstream,
            peer_port=peer_port,
        )
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        try:
            wait_for_port(port, process, "nginx")
        except RuntimeError as e:
            error = (
                (folder / "nginx-error.log").read_text()
                if (folder / "nginx-error.log").exists()
                else ""
            )
            raise RuntimeError(f"{e}\n{error[-2000:]}") from None
        yield folder / "nginx-access.log"
    finally:
        stop(process)
