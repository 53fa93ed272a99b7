"""Options and figures of the hostile-input pass (tests/hostile/harness.py).

`pytest tests/hostile --full` (or HOSTILE_FULL=1) sends the whole corpus instead of a sample;
HOSTILE_REPORT=path writes the figures of the run as JSON when the session ends.
"""

import json
import os
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--full",
        action="store_true",
        default=False,
        help="hostile-input tests: send the whole corpus to every field (HOSTILE_FULL=1)",
    )


def pytest_configure(config: pytest.Config) -> None:
    try:
        full = bool(config.getoption("--full"))
    except ValueError:  # the option is not registered when this conftest loads late
        full = False
    if full:
        os.environ["HOSTILE_FULL"] = "1"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = os.environ.get("HOSTILE_REPORT")
    if not path:
        return
    from .harness import STATS

    report: dict[str, Any] = STATS.as_json()
    report["exit_status"] = int(exitstatus)
    report["tests"] = STATS.tests
    Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


@pytest.fixture(autouse=True)
def _no_rate_limits(settings: Any) -> None:
    # Hundreds of submissions from one client: the limits would answer 429 to most of them.
    settings.RATELIMIT_SIGNIN = (10**9, 15 * 60)
    settings.RATELIMIT_JOIN = (10**9, 60 * 60)
    settings.RATELIMIT_EMAIL = (10**9, 60 * 60)
    settings.RATELIMIT_MESSAGES = (0, 10 * 60)
    settings.RATELIMIT_COMMENTS = (0, 10 * 60)
