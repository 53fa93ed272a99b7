"""`make run`'s server (runserver and db_worker on SQLite, DEBUG on) under a burst of comments:
every member gets their comment stored, nobody sees "database is locked"."""

import pytest

from bench import faults

pytestmark = pytest.mark.processes

BURST = 200


def test_the_dev_server_stores_200_concurrent_comments_without_an_error(tmp_path):
    env = faults.production_env(tmp_path, f"sqlite:///{tmp_path / 'anjuman.sqlite3'}")
    # What the Makefile's `run` sets; SECRET_KEY stays fixed so the prepared sessions hold.
    env |= {"DEBUG": "1", "EMAIL_BACKEND": "console"}
    faults.migrate(env)
    manifest = faults.in_django(env, "prepare", {"members": 32})
    port = faults.free_port()
    server = faults.spawn(
        [faults.PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}"], env, tmp_path / "web.log"
    )
    worker = faults.spawn(
        [faults.PYTHON, "manage.py", "db_worker", "--no-startup-delay", "-v0"],
        env,
        tmp_path / "worker.log",
    )
    try:
        faults.wait_for_http(f"http://127.0.0.1:{port}/health/", server, "runserver")
        burst = faults.comment_burst(f"http://127.0.0.1:{port}", manifest, BURST)
    finally:
        faults.stop_group(server)
        faults.stop_group(worker)
    assert burst["server_errors"] == [], (tmp_path / "web.log").read_text()[-3000:]
    assert len(burst["acknowledged"]) == BURST, burst["statuses"]
    found = faults.in_django(env, "check", {"acknowledged": {"comment": burst["acknowledged"]}})
    assert found["writes_found"] == {"comment": BURST}
    assert found["integrity"]["check"] == "ok"
