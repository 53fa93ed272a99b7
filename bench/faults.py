"""Load and faults: a bounded mixed read/write run with `kill -9` of the web server and the worker.

    .venv/bin/python bench/faults.py --db sqlite [--seconds 60] [--connections 32] [--json OUT]
    .venv/bin/python bench/faults.py --db postgres …   # $PG_URL's server, or a throw-away one

What it does (issue 8, "Load and faults"):

1. A fresh database (SQLite file, or a new PostgreSQL database: a fresh one in the server at
   $PG_URL, else a throw-away server of its own started as scripts/pg.sh does), migrated, with a
   network, confirmed members, a few posts and a signed-in session per member.
2. The production processes, configured only by environment: scripts/serve.sh (gunicorn, its
   own process group), `manage.py db_worker` with TASKS_BACKEND=database, and a real SMTP server
   process (`python -m aiosmtpd … -c aiosmtpd.handlers.Mailbox MAILDIR`) that emails go to.
3. `--connections` client threads (one `requests` session each, as one browser) for `--seconds`:
   reads (home, blog list, posts, member pages and blogs, directory) and writes: comments through
   the post page's form (CSRF token from the page, a unique token in the body), joins (a unique
   address; queue a confirmation email) and password-reset requests for members (queue an
   email). A client retries a request that met a connection error, as a browser user would; a
   write counts as acknowledged only when it got its success redirect (302).
4. In the middle: `kill -9` of gunicorn's whole process group, then a restart; separately
   `kill -9` of the worker (timed to land while it runs a task when it can), then a restart.
5. Afterwards (the queue drained, every process stopped): every acknowledged write is in the
   database, every email task went to the SMTP server exactly once, nothing answered 5xx, and
   the database is sound (SQLite `PRAGMA integrity_check` and `foreign_key_check`; PostgreSQL
   `amcheck` on every B-tree index when the extension is there; on both, each post's stored
   comment count equals its comments).

The JSON written to --json (keys are stable; docs/security.md is generated from them):

    database            "sqlite" or "postgresql"
    seconds             length of the load phase (s)
    connections         client threads
    requests            HTTP requests that got an answer (any status)
    connection_errors   requests that got none (server down or killed mid-request); retried
    status_counts       {"200": n, "302": n, …}
    server_errors       answers with status >= 500 (the check: 0)
    server_errors_while_down   of those, answered while a kill/restart was in progress
    writes_attempted    {"comment": n, "join": n, "reset": n}: writes whose final answer came
    writes_acknowledged {"comment": n, "join": n, "reset": n}: answered with success (302)
    writes_found        {"comment": n, "join": n, "reset": n}: of the acknowledged, found
                        afterwards (a comment by its token; a join as a member with a queued
                        confirmation; a reset as a queued email to the member)
    writes_lost         acknowledged writes not found (the check: 0)
    joins_without_email members created by the run's joins with no email queued for them
    emails_queued       email tasks in the queue (every status)
    emails_sent         email tasks the queue marks successful
    emails_failed       email tasks marked failed
    emails_unfinished   email tasks still ready or running after the drain (the check: 0)
    emails_received     messages the SMTP server stored
    emails_received_distinct   distinct email tasks among them (by Message-ID)
    email_duplicates    messages beyond the first for the same task (the check: 0)
    emails_missing      successful tasks the SMTP server never saw (the check: 0)
    emails_unknown      messages that match no task
    emails_resent       tasks run more than once (a worker died while running them)
    kills               {"web": n, "worker": n}
    worker_kills_during_task   worker kills that landed while it was running a task
    downtime_seconds    total time the web server was unreachable after its kills
    integrity           {"check": "ok" or the problems, "comment_counts": "ok" or mismatches,
                         "amcheck": "ok", "unavailable" or the error (PostgreSQL only)}
    ok                  every check above passed
    problems            what failed, in words

Not part of `make test`; tests/production/test_faults.py runs a short version.
"""

# ruff: noqa: S603 (it starts this checkout's own programs, with arguments it builds)

import argparse
import contextlib
import fcntl
import hashlib
import json
import mailbox
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
PASSWORD = "faults password 1962"  # noqa: S105 (a throw-away test network)
TOKEN_PREFIX = "faults-"  # noqa: S105 (marks what the run wrote)
# Rate limits that would refuse a burst from one address are lifted: this run is about faults.
NO_LIMITS = {
    "RATELIMIT_COMMENTS": "0",
    "RATELIMIT_JOIN_ATTEMPTS": "1000000",
    "RATELIMIT_EMAIL_SENDS": "1000000",
    "RATELIMIT_SIGNIN_ATTEMPTS": "1000000",
}
_INHERITED = ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR")


# --- Processes --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_http(url: str, proc: subprocess.Popen[bytes], name: str, timeout: float = 60) -> None:
    """Until `url` answers at all (the first answer proves master and a worker are up)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            requests.get(url, timeout=5)
            return
        except requests.RequestException:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within {timeout}s") from None
            time.sleep(0.05)


def wait_for_port(port: int, proc: subprocess.Popen[bytes], name: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not listen within {timeout}s") from None
            time.sleep(0.05)


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """kill -9 of the process group this program started `proc` in (its own session)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def stop_group(proc: subprocess.Popen[bytes], timeout: float = 20) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)


def spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def in_django(env: dict[str, str], command: str, payload: Any) -> Any:
    """Runs one of this file's Django-side functions in a subprocess with the servers' env."""
    done = subprocess.run(
        [PYTHON, __file__, "django", command],
        cwd=ROOT,
        env=env,
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"django {command} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


class ThrowawayPostgres:
    """A PostgreSQL server of this run's own in a temporary folder, as scripts/pg.sh starts one."""

    def __init__(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
        if not bins:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = bins[-1]
        self.dir = Path(tempfile.mkdtemp(prefix="anjuman-faults-pg."))
        self.dir.chmod(0o755)
        self.port = free_port()
        self.run: list[str] = []
        if os.getuid() == 0:  # PostgreSQL refuses to run as root
            self.run = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.dir, "postgres")
        data = str(self.dir / "data")
        subprocess.run(
            [*self.run, f"{self.bin}/initdb", "-D", data, "-U", "anjuman", "--auth=trust"],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            [
                *self.run,
                f"{self.bin}/pg_ctl",
                "-D",
                data,
                "-l",
                str(self.dir / "log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        self.url = f"postgres://anjuman@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.run,
                f"{self.bin}/pg_ctl",
                "-D",
                str(self.dir / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new empty database: in $PG_URL's server when set, else in a throw-away server."""
    import psycopg

    server = None
    base = os.environ.get("PG_URL", "")
    if not base:
        server = ThrowawayPostgres()
        base = server.url
    name = f"anjuman_faults_{secrets.token_hex(4)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if server:
            server.stop()


@dataclass
class Stack:
    """The production processes of one run, each in its own process group."""

    root: Path
    env: dict[str, str]
    web_port: int = 0
    web: subprocess.Popen[bytes] | None = None
    worker: subprocess.Popen[bytes] | None = None
    smtp: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def maildir(self) -> Path:
        return self.root / "maildir"

    def start_smtp(self) -> None:
        port = free_port()
        mailbox.Maildir(self.maildir, create=True)
        self.smtp = spawn(
            [
                PYTHON,
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                f"127.0.0.1:{port}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(self.maildir),
            ],
            self.env,
            self.root / "smtp.log",
        )
        wait_for_port(port, self.smtp, "aiosmtpd")
        self.env["EMAIL_PORT"] = str(port)

    def start_web(self) -> None:
        self.web_port = self.web_port or free_port()
        env = {**self.env, "PORT": str(self.web_port), "SKIP_SETUP": "1"}
        self.web = spawn(["scripts/serve.sh"], env, self.root / "web.log")
        wait_for_http(self.url + "/health/", self.web, "scripts/serve.sh")

    def start_worker(self) -> None:
        self.worker = spawn(
            [PYTHON, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"],
            self.env,
            self.root / "worker.log",
        )

    def stop(self) -> None:
        for proc in (self.web, self.worker, self.smtp):
            if proc is not None:
                stop_group(proc)


# --- Clients ----------------------------------------------------------------------------------

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
COMMENT_FORM = re.compile(r'<form method="post" action="(/comments/[^"]+)"')


class Down(Exception):
    """The server could not be reached (refused, reset, timed out) even after retrying."""


@dataclass
class Tally:
    """What every client saw; shared by the client threads (a lock guards it)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter[int] = field(default_factory=Counter)
    connection_errors: int = 0
    server_errors: list[dict[str, Any]] = field(default_factory=list)
    attempted: Counter[str] = field(default_factory=Counter)
    acknowledged: dict[str, list[str]] = field(
        default_factory=lambda: {"comment": [], "join": [], "reset": []}
    )
    outage: threading.Event = field(default_factory=threading.Event)

    def answered(self, method: str, path: str, status: int, body: str) -> None:
        with self.lock:
            self.statuses[status] += 1
            if status >= 500:
                self.server_errors.append(
                    {
                        "method": method,
                        "path": path,
                        "status": status,
                        "body": body[:300],
                        "while_down": self.outage.is_set(),
                    }
                )

    def failed_to_connect(self) -> None:
        with self.lock:
            self.connection_errors += 1

    def missing(self, kinds: tuple[str, ...]) -> list[str]:
        """The kinds of write of which none has been acknowledged yet."""
        with self.lock:
            return [kind for kind in kinds if not self.acknowledged[kind]]

    def write(self, kind: str, ident: str, acknowledged: bool) -> None:
        with self.lock:
            self.attempted[kind] += 1
            if acknowledged:
                self.acknowledged[kind].append(ident)


class Browser:
    """One visitor or member: a cookie jar and the retries a person would do."""

    def __init__(self, base: str, tally: Tally, session_key: str = "", retry_for: float = 30):
        self.base = base
        self.tally = tally
        self.retry_for = retry_for
        self.http = requests.Session()
        if session_key:
            self.http.cookies.set("sessionid", session_key, domain="127.0.0.1")

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> Any:
        give_up = time.monotonic() + self.retry_for
        while True:
            try:
                response = self.http.request(
                    method, self.base + path, data=data, allow_redirects=False, timeout=30
                )
            except requests.RequestException:
                self.tally.failed_to_connect()
                if time.monotonic() > give_up:
                    raise Down(path) from None
                time.sleep(0.2)  # the page did not load: try again
                continue
            self.tally.answered(method, path, response.status_code, response.text)
            return response

    def form_token(self, path: str) -> tuple[str, str]:
        """The page's CSRF token (and the page), as a browser gets it before posting."""
        page = self.request("GET", path).text
        found = CSRF_INPUT.search(page)
        return (found.group(1) if found else ""), page

    def comment(self, post_path: str, token: str) -> bool:
        csrf, page = self.form_token(post_path)
        action = COMMENT_FORM.search(page)
        if not action:
            return False
        body = f"{token} a comment written under load"
        answer = self.request("POST", action.group(1), {"csrfmiddlewaretoken": csrf, "body": body})
        return bool(answer.status_code == 302)

    def join(self, email: str) -> bool:
        self.http.cookies.clear()  # a new visitor
        csrf, _page = self.form_token("/join/")
        data = {
            "csrfmiddlewaretoken": csrf,
            "display_name": "Faults " + email.split("@")[0][-8:],
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        }
        ok = self.request("POST", "/join/", data).status_code == 302
        self.http.cookies.clear()
        return bool(ok)

    def reset(self, email: str) -> bool:
        csrf, _page = self.form_token("/password/reset/")
        data = {"csrfmiddlewaretoken": csrf, "email": email}
        return bool(self.request("POST", "/password/reset/", data).status_code == 302)


def client_loop(
    base: str, manifest: dict[str, Any], tally: Tally, index: int, until: float
) -> None:
    rng = random.Random(index)  # noqa: S311 (choosing pages, not secrets)
    members = manifest["members"]
    me = members[index % len(members)]
    member = Browser(base, tally, me["session"])
    visitor = Browser(base, tally)
    reads = ["/", "/blog/", "/members/", *manifest["posts"]]
    reads += [f"/members/{m['handle']}/" for m in members[:8]]
    reads += [f"/members/{m['handle']}/blog/" for m in members[:8]]
    n = 0
    # Past `until`, a client goes on (up to as long again) only to write a kind nobody has had
    # acknowledged yet: on a loaded machine eight seconds may hold just a few writes, and a run
    # must still show each kind surviving the kills.
    overtime = until + (until - time.monotonic())
    while True:
        now = time.monotonic()
        if now >= until:
            missing = tally.missing(("comment", "join", "reset"))
            if not missing or now >= overtime:
                break
            roll = {"comment": 0.7, "join": 0.9, "reset": 0.99}[missing[index % len(missing)]]
        else:
            roll = rng.random()
        n += 1
        try:
            if roll < 0.62:
                rng.choice([visitor, member]).request("GET", rng.choice(reads))
            elif roll < 0.86:
                token = f"{TOKEN_PREFIX}c{index}x{n}x{secrets.token_hex(3)}"
                tally.write("comment", token, member.comment(rng.choice(manifest["posts"]), token))
            elif roll < 0.94:
                email = f"{TOKEN_PREFIX}j{index}x{n}x{secrets.token_hex(3)}@example.org"
                tally.write("join", email, visitor.join(email))
            else:
                email = rng.choice(members)["email"]
                tally.write("reset", email, visitor.reset(email))
        except Down:
            pass


def comment_burst(base: str, manifest: dict[str, Any], count: int) -> dict[str, Any]:
    """`count` comment POSTs at once by the manifest's members (each with the form's CSRF
    token, fetched first), released together; what they were answered and what they wrote."""
    tally = Tally()
    members = manifest["members"]
    ready = threading.Barrier(count)
    seconds: list[float] = []

    def one(i: int) -> None:
        browser = Browser(base, tally, members[i % len(members)]["session"], retry_for=60)
        post = manifest["posts"][i % len(manifest["posts"])]
        csrf, page = browser.form_token(post)
        action = COMMENT_FORM.search(page)
        token = f"{TOKEN_PREFIX}b{i}x{secrets.token_hex(3)}"
        ready.wait(timeout=120)
        if action:
            data = {"csrfmiddlewaretoken": csrf, "body": f"{token} all at once"}
            started = time.monotonic()
            answer = browser.request("POST", action.group(1), data)
            seconds.append(time.monotonic() - started)
            tally.write("comment", token, answer.status_code == 302)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "statuses": dict(tally.statuses),
        "server_errors": tally.server_errors,
        "acknowledged": tally.acknowledged["comment"],
        "slowest_seconds": round(max(seconds, default=0), 2),
    }


# --- Faults -----------------------------------------------------------------------------------


@contextlib.contextmanager
def queue_watch(env: dict[str, str]) -> Iterator[Callable[[], bool]]:
    """A function telling whether the worker is running a task now, read straight from the
    queue's table over one open connection (fast enough to catch a task of a few ms)."""
    sql = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
    url = env["DATABASE_URL"]
    conn: Any
    if url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(urlsplit(url).path, timeout=1, isolation_level=None)
    else:
        import psycopg

        conn = psycopg.connect(url, autocommit=True)

    def running() -> bool:
        try:
            row = conn.execute(sql).fetchone()
        except Exception:  # busy: look again
            return False
        return bool(row and row[0])

    try:
        yield running
    finally:
        conn.close()


@dataclass
class Faults:
    kills: Counter[str] = field(default_factory=Counter)
    worker_kills_during_task: int = 0
    downtime: float = 0.0
    log: list[str] = field(default_factory=list)


def kill_web(stack: Stack, tally: Tally, faults: Faults) -> None:
    assert stack.web is not None
    tally.outage.set()
    started = time.monotonic()
    kill_group(stack.web)
    faults.kills["web"] += 1
    stack.start_web()
    faults.downtime += time.monotonic() - started
    tally.outage.clear()
    faults.log.append(f"web killed and back in {time.monotonic() - started:.1f}s")


def kill_worker(stack: Stack, faults: Faults, wait_for_task: float = 4.0) -> None:
    """kill -9 of the worker, preferably while it runs a task (the case that matters)."""
    assert stack.worker is not None
    deadline = time.monotonic() + wait_for_task
    during = False
    with queue_watch(stack.env) as running:
        while not during and time.monotonic() < deadline:
            during = running()
    kill_group(stack.worker)
    faults.kills["worker"] += 1
    faults.worker_kills_during_task += during
    time.sleep(0.5)
    stack.start_worker()
    faults.log.append(f"worker killed ({'during a task' if during else 'idle'}) and restarted")


# --- The run ----------------------------------------------------------------------------------


def _fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _template(name: str) -> Iterator[tuple[Path, bool]]:
    """A folder under the temporary directory shared by every process of this machine, locked
    while the caller holds it; True when it is already filled."""
    folder = Path(tempfile.gettempdir()) / "anjuman-templates" / name
    folder.parent.mkdir(exist_ok=True)
    with open(folder.parent / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield folder, (folder / "done").exists()


def migrate(env: dict[str, str]) -> None:
    """`manage.py migrate` for env's database. A SQLite file is a copy of one migrated once for
    these migrations (10 s of migrating that every test starting a server would spend again)."""
    url = env["DATABASE_URL"]
    if not url.startswith("sqlite:///"):
        manage(env, "migrate", "--noinput", "-v0")
        return
    # What a migrated, empty database holds comes from the migrations and the apps'
    # post_migrate handlers (registered in apps.py).
    sources = [*ROOT.glob("*/migrations/*.py"), *ROOT.glob("*/apps.py")]
    with _template("migrated-" + _fingerprint(sources)) as (folder, done):
        if not done:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            made = env | {"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}"}
            manage(made, "migrate", "--noinput", "-v0")
            (folder / "done").touch()
        shutil.copyfile(folder / "db.sqlite3", url.removeprefix("sqlite:///"))


def collectstatic(env: dict[str, str]) -> None:
    """`manage.py collectstatic` into env's STATIC_ROOT: a copy of one collection made once for
    these static files (compressing every file takes seconds)."""
    sources = [
        p
        for p in [*ROOT.glob("static/**/*"), *ROOT.glob("*/static/**/*")]
        if p.is_file() and p.relative_to(ROOT).parts[0] not in ("data", "bench", ".venv")
    ]
    sources.append(ROOT / "anjuman" / "settings.py")
    with _template("static-" + _fingerprint(sources)) as (folder, done):
        if not done:
            shutil.rmtree(folder, ignore_errors=True)
            collected = folder / "files"
            manage(env | {"STATIC_ROOT": str(collected)}, "collectstatic", "--noinput", "-v0")
            (folder / "done").touch()
        shutil.copytree(folder / "files", env["STATIC_ROOT"], dirs_exist_ok=True)


def production_env(root: Path, database_url: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in _INHERITED if name in os.environ}
    return env | {
        "HOME": str(root),
        "DATA_DIR": str(root / "data"),
        "STATIC_ROOT": str(root / "static"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "smtp",
        "EMAIL_HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        **NO_LIMITS,
    }


def drain(env: dict[str, str], timeout: float) -> None:
    """Until the worker has run every email task that is ready (or `timeout`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if in_django(env, "pending", {}) == 0:
            return
        time.sleep(0.5)


def run(
    *,
    db: str,
    seconds: float = 60,
    connections: int = 32,
    members: int = 32,
    web_kills: int = 1,
    worker_kills: int = 2,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    with contextlib.ExitStack() as cleanup:
        root = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="anjuman-faults.")))
        if db == "sqlite":
            database_url = f"sqlite:///{root / 'anjuman.sqlite3'}"
        else:
            database_url = cleanup.enter_context(fresh_postgres_database())
        stack = Stack(root, production_env(root, database_url))
        cleanup.callback(stack.stop)
        say(f"preparing a fresh {db} database in {root}")
        migrate(stack.env)
        collectstatic(stack.env)
        manifest = in_django(stack.env, "prepare", {"members": members})
        stack.start_smtp()
        stack.start_web()
        stack.start_worker()

        tally, faults = Tally(), Faults()
        started = time.monotonic()
        until = started + seconds
        clients = [
            threading.Thread(target=client_loop, args=(stack.url, manifest, tally, i, until))
            for i in range(connections)
        ]
        say(f"{connections} clients for {seconds:.0f}s against {stack.url}")
        for thread in clients:
            thread.start()
        # Kills spread over the middle of the run, web and worker apart.
        plan = [(0.3 + 0.4 * i / max(web_kills, 1), "web") for i in range(web_kills)]
        plan += [(0.45 + 0.4 * i / max(worker_kills, 1), "worker") for i in range(worker_kills)]
        for at, what in sorted(plan):
            time.sleep(max(0.0, started + at * seconds - time.monotonic()))
            if what == "web":
                kill_web(stack, tally, faults)
            else:
                kill_worker(stack, faults)
            say(f"  {time.monotonic() - started:5.1f}s {faults.log[-1]}")
        for thread in clients:
            thread.join()
        say("load over; draining the email queue")
        drain(stack.env, timeout=30)
        stack.stop()
        # Whatever the SMTP server stored is on disk now.
        received = read_maildir(stack.maildir)
        acked = dict(tally.acknowledged)
        found = in_django(stack.env, "check", {"acknowledged": acked})
    return summarize(db, seconds, connections, tally, faults, found, received)


def read_maildir(path: Path) -> list[dict[str, str]]:
    box = mailbox.Maildir(path, create=False)
    out = []
    for key in box.iterkeys():
        message: Message = box.get_message(key)
        out.append({"to": str(message["To"]), "message_id": str(message["Message-ID"] or "")})
    return out


def summarize(
    db: str,
    seconds: float,
    connections: int,
    tally: Tally,
    faults: Faults,
    found: dict[str, Any],
    received: list[dict[str, str]],
) -> dict[str, Any]:
    tasks: list[dict[str, Any]] = found["tasks"]
    by_message_id = Counter(m["message_id"] for m in received)
    task_ids = {t["message_id"]: t for t in tasks}
    successful = [t for t in tasks if t["status"] == "SUCCESSFUL"]
    duplicates = sum(n - 1 for mid, n in by_message_id.items() if mid in task_ids and n > 1)
    missing = [t["id"] for t in successful if by_message_id[t["message_id"]] == 0]
    unknown = sum(n for mid, n in by_message_id.items() if mid not in task_ids)
    unfinished = [t["id"] for t in tasks if t["status"] in ("READY", "RUNNING")]
    acked = {kind: len(idents) for kind, idents in tally.acknowledged.items()}
    writes_found = found["writes_found"]
    lost = {kind: acked[kind] - writes_found[kind] for kind in acked}
    server_errors = tally.server_errors
    result: dict[str, Any] = {
        "database": found["database"],
        "seconds": seconds,
        "connections": connections,
        "requests": sum(tally.statuses.values()),
        "connection_errors": tally.connection_errors,
        "status_counts": {str(k): v for k, v in sorted(tally.statuses.items())},
        "server_errors": len(server_errors),
        "server_errors_while_down": sum(e["while_down"] for e in server_errors),
        "writes_attempted": {k: tally.attempted[k] for k in acked},
        "writes_acknowledged": acked,
        "writes_found": writes_found,
        "writes_lost": sum(lost.values()),
        "joins_without_email": found["joins_without_email"],
        "emails_queued": len(tasks),
        "emails_sent": len(successful),
        "emails_failed": sum(t["status"] == "FAILED" for t in tasks),
        "emails_unfinished": len(unfinished),
        "emails_received": len(received),
        "emails_received_distinct": sum(1 for mid in by_message_id if mid in task_ids),
        "email_duplicates": duplicates,
        "emails_missing": len(missing),
        "emails_unknown": unknown,
        "emails_resent": sum(t["attempts"] > 1 for t in tasks),
        "kills": dict(faults.kills),
        "worker_kills_during_task": faults.worker_kills_during_task,
        "downtime_seconds": round(faults.downtime, 2),
        "integrity": found["integrity"],
    }
    problems = []
    if result["server_errors"]:
        problems.append(f"{result['server_errors']} answers were 5xx: {server_errors[:3]}")
    if result["writes_lost"]:
        problems.append(f"acknowledged writes not found: {lost} {found['lost_examples']}")
    if duplicates:
        problems.append(f"{duplicates} emails reached the SMTP server more than once")
    if missing:
        problems.append(f"{len(missing)} sent emails never reached the SMTP server")
    if unfinished:
        problems.append(f"{len(unfinished)} email tasks never finished: {unfinished[:3]}")
    if result["emails_failed"]:
        problems.append(f"{result['emails_failed']} email tasks failed")
    if unknown:
        problems.append(f"{unknown} received emails match no task")
    if result["joins_without_email"]:
        problems.append(f"{result['joins_without_email']} joined members got no email queued")
    for name, verdict in found["integrity"].items():
        if verdict not in ("ok", "unavailable"):
            problems.append(f"integrity {name}: {verdict}")
    result["ok"] = not problems
    result["problems"] = problems
    return result


def print_summary(result: dict[str, Any]) -> None:
    acked, got = result["writes_acknowledged"], result["writes_found"]
    print(
        f"{result['database']}: {result['requests']} requests in {result['seconds']:.0f}s at "
        f"{result['connections']} connections, {result['connection_errors']} connection errors, "
        f"{result['server_errors']} answered 5xx\n"
        f"  writes acknowledged / found: "
        + ", ".join(f"{k} {acked[k]}/{got[k]}" for k in acked)
        + f"\n  kills: {result['kills']} ({result['worker_kills_during_task']} of the worker "
        f"during a task), web down {result['downtime_seconds']}s\n"
        f"  emails: {result['emails_queued']} queued, {result['emails_sent']} sent, "
        f"{result['emails_received']} received, {result['email_duplicates']} duplicates, "
        f"{result['emails_missing']} missing, {result['emails_unfinished']} unfinished, "
        f"{result['emails_resent']} run again after a kill\n"
        f"  integrity: {result['integrity']}\n"
        f"  {'OK' if result['ok'] else 'FAILED: ' + '; '.join(result['problems'])}"
    )


# --- Inside Django (run as `faults.py django COMMAND` with the servers' environment) ----------


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anjuman.settings")
    import django

    django.setup()


def django_prepare(members: int) -> dict[str, Any]:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore

    from blogs.models import Post
    from blogs.services import save_post
    from members.models import Member
    from network.services import create_network

    network = create_network(
        name="Faults Network",
        creator_name="Faults Creator",
        creator_email="creator@faults.example.org",
        password=PASSWORD,
    )
    password = make_password(PASSWORD)  # hashed once: every member signs in with the same
    made = [network.creator]
    for i in range(members - 1):
        made.append(
            Member.objects.create_user(
                f"member{i}@faults.example.org",
                None,
                display_name=f"Member {i}",
                email_confirmed=True,
            )
        )
    Member.objects.filter(pk__in=[m.pk for m in made]).update(password=password)
    posts = []
    for i, author in enumerate(made[:8]):
        post = save_post(
            Post(),
            by=author,
            title=f"Post {i} under load",
            body="Read and commented under load.",
            tags=[],
            links=[],
            publish=True,
        )
        posts.append(post.get_absolute_url())
    out = []
    for member in Member.objects.filter(pk__in=[m.pk for m in made]):
        session = SessionStore()
        session[SESSION_KEY] = str(member.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = member.get_session_auth_hash()
        session.create()
        out.append({"handle": member.handle, "email": member.email, "session": session.session_key})
    return {"members": out, "posts": posts}


def _task_message_id(task_id: str) -> str:
    from lib import email

    return email.message_id(task_id) if hasattr(email, "message_id") else ""


def django_pending() -> int:
    from django_tasks_db.models import DBTaskResult

    from lib import email

    if hasattr(email, "requeue_abandoned"):
        email.requeue_abandoned()  # as the next email task would: what a killed worker left
    return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()


def django_check(acknowledged: dict[str, list[str]]) -> dict[str, Any]:
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from blogs.models import Post
    from comments.models import Comment
    from members.models import Member

    bodies = Comment.objects.filter(body__startswith=TOKEN_PREFIX).values_list("body", flat=True)
    tokens = {body.split(" ", 1)[0] for body in bodies}
    emails = set(
        Member.objects.filter(email__startswith=TOKEN_PREFIX).values_list("email", flat=True)
    )
    tasks = []
    queued_to: Counter[str] = Counter()
    for row in DBTaskResult.objects.filter(task_path="lib.email.send_email"):
        to = row.args_kwargs["args"][2] if len(row.args_kwargs["args"]) > 2 else []
        for address in to:
            queued_to[address.rsplit("<", 1)[-1].rstrip(">").lower()] += 1
        task_id = str(row.id)
        tasks.append(
            {
                "id": task_id,
                "status": row.status,
                "attempts": len(row.worker_ids),
                "message_id": _task_message_id(task_id),
                "to": to,
            }
        )
    lost_examples: list[str] = []

    def present(kind: str, ident: str) -> bool:
        if kind == "comment":
            ok = ident in tokens
        elif kind == "join":
            ok = ident.lower() in emails and queued_to[ident.lower()] > 0
        else:
            ok = queued_to[ident.lower()] > 0
        if not ok and len(lost_examples) < 5:
            lost_examples.append(f"{kind} {ident}")
        return ok

    writes_found = {
        kind: sum(present(kind, ident) for ident in idents) for kind, idents in acknowledged.items()
    }
    integrity: dict[str, str] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            rows = [r[0] for r in cursor.fetchall()]
            integrity["check"] = "ok" if rows == ["ok"] else "; ".join(rows[:5])
            cursor.execute("PRAGMA foreign_key_check")
            bad = cursor.fetchall()
            integrity["foreign_keys"] = "ok" if not bad else f"{len(bad)} rows: {bad[:3]}"
        else:
            integrity["check"] = "ok"  # PostgreSQL: the server's own WAL; amcheck below
            integrity["amcheck"] = _amcheck(cursor)
    mismatched = []
    for post in Post.objects.all():
        n = Comment.objects.filter(
            content_type__model="post", object_id=post.pk, hidden_at=None
        ).count()
        if n != post.comment_count:
            mismatched.append(f"post {post.pk}: stored {post.comment_count}, counted {n}")
    integrity["comment_counts"] = "ok" if not mismatched else "; ".join(mismatched[:5])
    return {
        "database": connection.vendor,
        "writes_found": writes_found,
        "lost_examples": lost_examples,
        "joins_without_email": sum(1 for e in emails if e and queued_to[e] == 0),
        "tasks": tasks,
        "integrity": integrity,
    }


def _amcheck(cursor: Any) -> str:
    try:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
    except Exception:  # contrib not installed: the check is optional
        return "unavailable"
    cursor.execute(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE a.amname = 'btree' AND n.nspname = 'public'"
    )
    names = [row[0] for row in cursor.fetchall()]
    for name in names:
        try:
            cursor.execute("SELECT bt_index_check(%s::regclass, true)", [name])
        except Exception as e:  # reported, not raised
            return f"{name}: {e}"
    return "ok"


def django_main(command: str) -> None:
    _django()
    payload = json.loads(sys.stdin.read() or "{}")
    if command == "prepare":
        result: Any = django_prepare(payload["members"])
    elif command == "pending":
        result = django_pending()
    elif command == "check":
        result = django_check(payload["acknowledged"])
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


def main() -> None:
    if sys.argv[1:2] == ["django"]:
        django_main(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--web-kills", type=int, default=1)
    parser.add_argument("--worker-kills", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    result = run(
        db=args.db,
        seconds=args.seconds,
        connections=args.connections,
        web_kills=args.web_kills,
        worker_kills=args.worker_kills,
    )
    print_summary(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
