"""bench/faults.py, short (8 s of load at 16 connections): `kill -9` of the web server and of
the task worker under load loses no acknowledged write, sends every queued email exactly once,
answers no 5xx and leaves the database sound.

PostgreSQL is covered in the same (SQLite) pass of scripts/test.sh, which runs the `processes`
tests only once: the run takes a fresh database in the server at $PG_URL when it is set, else
starts a throw-away server of its own (as scripts/pg.sh does, about 3 s). It is skipped only
where PostgreSQL is not installed.
"""

import os
from pathlib import Path

import pytest

from bench import faults

pytestmark = pytest.mark.processes


def _postgres_installed() -> bool:
    return bool(os.environ.get("PG_URL")) or any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


@pytest.mark.parametrize("db", ["sqlite", "postgres"])
def test_kills_under_load_lose_nothing_and_send_every_email_once(db):
    if db == "postgres" and not _postgres_installed():
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    result = faults.run(
        db=db,
        seconds=8,
        connections=16,
        members=16,
        web_kills=1,
        worker_kills=1,
        say=lambda _line: None,
    )
    assert result["problems"] == [], result
    assert result["kills"] == {"web": 1, "worker": 1}
    assert result["server_errors"] == 0
    # The run did what it says: writes of every kind, and emails through the SMTP server.
    acknowledged = result["writes_acknowledged"]
    assert all(acknowledged[kind] > 0 for kind in ("comment", "join", "reset")), acknowledged
    assert result["writes_found"] == acknowledged
    assert result["emails_received"] == result["emails_queued"] > 0
    assert result["email_duplicates"] == result["emails_missing"] == 0
    assert result["integrity"]["check"] == "ok"
    assert result["integrity"]["comment_counts"] == "ok"
