"""Anjuman and a real bovine-herd server, each under its own name with https, for the session.

- anjuman.test: pytest-django's live server (this process, the test database), federation on,
  SITE_URL https://anjuman.test, tasks in the database queue run by a worker (a thread of
  this process running django_tasks_db's Worker, as `manage.py db_worker` does): deliveries
  leave after the request's commit, as in production, never inside a request — with the
  tests' immediate backend a delivery would run inside the inbox request's transaction, and a
  peer that checks our signature by fetching our key during that delivery would wait on
  SQLite's write lock;
- peer.test: bovine-herd from its own virtualenv (servers.py), its database in the session's
  temporary folder;
- both names on 127.0.0.1 in /etc/hosts (removed afterwards, also after a failure), a CA of
  the session trusted by both sides (tls.py), nginx terminating TLS for both.

It needs root (/etc/hosts, port 443), nginx and the network to PyPI the first time (the
virtualenv is then reused); without them the test is skipped, saying which is missing.
"""

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from network.models import Network

from . import hosts, servers, tls
from .peer import BovinePeer

ANJUMAN, PEER = "anjuman.test", "peer.test"


@dataclass(frozen=True)
class World:
    anjuman: str  # https://anjuman.test (with the port when not 443)
    peer: BovinePeer
    ca_file: Path
    https_port: int
    access_log: Path  # nginx's, both names: host, request, status, Accept, User-Agent
    folder: Path
    venv: servers.Venv

    def access_lines(self) -> list[str]:
        return self.access_log.read_text().splitlines() if self.access_log.exists() else []

    def diagnostics(self) -> str:
        """The ends of the peer's and nginx's logs, for a failure's report."""
        parts = []
        for name in ("bovine.log", "nginx-error.log", "nginx-access.log"):
            path = self.folder / name
            if path.exists():
                lines = path.read_text(errors="replace").splitlines()[-40:]
                parts.append(f"--- {path} (end)\n" + "\n".join(lines))
        return "\n".join(parts)


@pytest.fixture(scope="module")
def interop_world(live_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    if os.geteuid() != 0:
        pytest.skip("the interop test edits /etc/hosts and binds port 443: run it as root")
    if not shutil.which("nginx") and not Path(servers.NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install nginx)")
    venv = servers.bovine_venv()
    folder = tmp_path_factory.mktemp("interop")
    certificates = tls.make(folder, [ANJUMAN, PEER])
    port = servers.https_port()
    anjuman, peer_origin = servers.origin(ANJUMAN, port), servers.origin(PEER, port)
    live = urlsplit(live_server.url)
    upstream = f"127.0.0.1:{live.port}"
    with (
        hosts.names_on_loopback(ANJUMAN, PEER),
        servers.running_peer(venv, folder, peer_origin, certificates.ca_file) as peer_port,
        servers.running_nginx(folder, port, certificates.pairs, upstream, peer_port) as log,
    ):
        yield World(
            anjuman=anjuman,
            peer=BovinePeer(peer_port, peer_origin),
            ca_file=certificates.ca_file,
            https_port=port,
            access_log=log,
            folder=folder,
            venv=venv,
        )


@pytest.fixture
def task_worker(settings: Any, network: Network) -> Iterator[None]:
    """The database task queue, worked by a thread (stopped, and its connection closed,
    before pytest-django empties the database)."""
    from django.db import connections
    from django_tasks_db.management.commands.db_worker import Worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = Worker(
        queue_names=["*"],
        interval=0.05,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="interop",
        excluded_queue_names=[],
    )

    def work() -> None:
        try:
            worker.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=work, name="interop-task-worker", daemon=True)
    thread.start()
    try:
        yield
    finally:
        worker.running = False
        thread.join(timeout=30)


@pytest.fixture
def world(
    interop_world: World,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    network: Network,
    task_worker: None,
) -> World:
    """Federation on for this test, at https://anjuman.test, trusting the session's CA."""
    settings.FEDERATION_ENABLED = True
    settings.SITE_URL = interop_world.anjuman
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ANJUMAN]
    # lib/fetch refuses loopback addresses; the one exception is for tests, by address:port.
    settings.FETCH_ALLOWED_HOSTS = {f"127.0.0.1:{interop_world.https_port}"}
    monkeypatch.setenv("SSL_CERT_FILE", str(interop_world.ca_file))
    assert network.visibility == Network.Visibility.PUBLIC
    return interop_world
