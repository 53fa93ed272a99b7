"""Scale-out, shown: scripts/scaleout.sh starts a PostgreSQL primary and streaming replica,
Redis, two application servers behind nginx and a task worker, and checks them end to end.

It needs root (or sudo) for apt and takes about 15 seconds, so it runs only with SCALEOUT=1.
SCALEOUT_XFAIL (letters, e.g. "h,i") is passed on to the script: checks known to fail
(none today).
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.scaleout,
    pytest.mark.skipif(
        os.environ.get("SCALEOUT") != "1",
        reason="set SCALEOUT=1 to run scripts/scaleout.sh (starts PostgreSQL, Redis, nginx)",
    ),
]


def test_two_servers_behind_nginx_share_everything() -> None:
    script = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "scaleout.sh")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = script.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        # TERM, not KILL: the script's trap then stops every server it started.
        script.terminate()
        out, err = script.communicate(timeout=60)
    print(out)
    assert script.returncode == 0, (
        f"scripts/scaleout.sh exited {script.returncode}\n{out[-8000:]}\n{err[-4000:]}"
    )
    assert "SCALEOUT PASSED" in out
