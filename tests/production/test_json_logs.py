"""Logs go to stdout as one JSON object a line, the form log collectors parse."""

import datetime as dt
import json

import pytest

from .servers import manage, production_env

pytestmark = pytest.mark.processes

SCRIPT = """
import logging
log = logging.getLogger("anjuman")
log.warning("hello", extra={"user_id": 5, "path": "/blog/"})
log.info("نیا تبصرہ")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("it broke")
"""


@pytest.mark.parametrize("log_format", ["json", None], ids=["LOG_FORMAT=json", "default"])
def test_each_log_record_is_one_json_object_a_line_on_stdout(tmp_path, log_format):
    env = production_env(tmp_path)
    if log_format:
        env["LOG_FORMAT"] = log_format
    result = manage(env, "shell", "-v0", "-c", SCRIPT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(entries) == 3

    hello, urdu, broke = entries
    assert set(hello) == {"time", "level", "logger", "message", "user_id", "path"}
    assert (hello["level"], hello["logger"], hello["message"]) == ("WARNING", "anjuman", "hello")
    assert (hello["user_id"], hello["path"]) == (5, "/blog/")
    logged_at = dt.datetime.fromisoformat(hello["time"])
    assert abs(dt.datetime.now(dt.UTC) - logged_at) < dt.timedelta(minutes=5)

    assert (urdu["level"], urdu["message"]) == ("INFO", "نیا تبصرہ")
    # A traceback stays inside its one line.
    assert broke["level"] == "ERROR"
    assert "ZeroDivisionError: division by zero" in broke["exception"]


def test_plain_logs_when_asked(tmp_path):
    env = production_env(tmp_path, LOG_FORMAT="plain")
    result = manage(env, "shell", "-v0", "-c", SCRIPT)
    assert " WARNING anjuman: hello" in result.stdout.splitlines()[0]
