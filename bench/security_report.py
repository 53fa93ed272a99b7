"""Runs the whole hostile-input pass and writes docs/security.md from its figures.

    .venv/bin/python bench/security_report.py [--faults bench/results/faults.json] [--sample]

Runs `pytest tests/hostile --full` (every payload of tests/hostile/corpus.toml to every field,
query parameter and path argument of every route, as every persona) with HOSTILE_REPORT set,
reads the JSON it writes and, if present, the latest fault run (`bench/faults.py --json OUT`),
and regenerates docs/security.md: what is tested, the figures, the date and commit, the threat
model. --sample runs the default (sampled) pass instead, as `make test` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "security.md"
FAULT_KEYS = (
    ("requests", "requests"),
    ("writes_acknowledged", "writes answered 2xx"),
    ("writes_found", "of them found afterwards"),
    ("emails_queued", "emails queued"),
    ("emails_received", "emails received by the SMTP server"),
    ("duplicates", "duplicate emails"),
    ("kills", "kill -9 of server and worker"),
    ("server_errors", "5xx answers"),
    ("integrity", "database integrity check"),
)


def run_pass(full: bool, report: Path) -> tuple[int, float]:
    env = {**os.environ, "HOSTILE_REPORT": str(report)}
    env.setdefault("TEST_SQLITE_PATH", str(Path(tempfile.gettempdir()) / "hostile-report.sqlite3"))
    args = [str(ROOT / ".venv" / "bin" / "pytest"), "tests/hostile", "-q", "-p", "no:logging"]
    args += ["-m", "not browser"] if not full else ["--full"]
    started = time.monotonic()
    code = subprocess.call(args, cwd=ROOT, env=env)  # noqa: S603
    return code, time.monotonic() - started


def latest_faults(path: Path | None) -> dict[str, Any] | None:
    candidates = [path] if path else sorted(ROOT.glob("bench/results/**/faults*.json"))
    for candidate in reversed([c for c in candidates if c is not None and c.exists()]):
        try:
            data = json.loads(candidate.read_text())
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            data.setdefault("_file", str(candidate.relative_to(ROOT)))
            return data
    return None


def commit() -> str:
    try:
        out = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT)  # noqa: S607
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.decode().strip()


def render(
    figures: dict[str, Any], seconds: float, code: int, faults: dict[str, Any] | None
) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    failures = figures.get("failures", [])
    lines = [
        "# Security: what is tested, the figures of the last run, the threat model",
        "",
        "<!-- Written by bench/security_report.py; edit that script, not this file. -->",
        "",
        "Regenerate with one command: `make security-report`",
        "(`.venv/bin/python bench/security_report.py`).",
        "",
        "## The last run",
        "",
        f"- Date: {now}; commit `{commit()}`; mode: {figures.get('mode', '?')}; "
        f"{seconds:.0f} s; pytest exit status {code}.",
        f"- Submissions and requests with a hostile value: {figures.get('submissions', 0):,} "
        f"({figures.get('requests', 0):,} requests in all, the pages and feeds checked after "
        "each accepted write included).",
        f"- Routes: {figures.get('routes', 0)}; form fields, query parameters and path "
        f"arguments: {figures.get('fields', 0)}; personas: "
        f"{', '.join(figures.get('personas', []))}.",
        f"- Payloads: {figures.get('payloads', 0)} of the {figures.get('corpus', 0)} in "
        f"tests/hostile/corpus.toml ({', '.join(figures.get('categories', []))}).",
        f"- Failures: {len(failures)}.",
    ]
    if failures:
        lines += ["", "```", *failures[:80], "```"]
    statuses = figures.get("refusal_statuses", {})
    if statuses:
        lines += ["", "Status of a refused form, by route: " + "; ".join(
            f"{route} {'/'.join(map(str, codes))}" for route, codes in statuses.items()
        ) + "."]  # fmt: skip
    lines += ["", "## Load and faults", ""]
    if faults:
        lines.append(f"From `{faults.get('_file', 'the fault run')}`:")
        lines.append("")
        for key, label in FAULT_KEYS:
            if key in faults:
                lines.append(f"- {label}: {faults[key]}")
        lost = None
        if isinstance(faults.get("writes_acknowledged"), int) and isinstance(
            faults.get("writes_found"), int
        ):
            lost = faults["writes_acknowledged"] - faults["writes_found"]
            lines.append(f"- acknowledged writes lost: {lost}")
    else:
        lines.append("No fault run found (`bench/faults.py --json bench/results/faults.json`).")
    lines += ["", (ROOT / "tests" / "hostile" / "security_notes.md").read_text().strip(), ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faults", type=Path, help="a fault-run JSON (default: the latest)")
    parser.add_argument("--sample", action="store_true", help="the sampled pass of make test")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "hostile.json"
        code, seconds = run_pass(not options.sample, report)
        if not report.exists():
            print("the hostile pass wrote no report", file=sys.stderr)
            return code or 1
        figures = json.loads(report.read_text())
    DOC.write_text(render(figures, seconds, code, latest_faults(options.faults)))
    print(f"wrote {DOC.relative_to(ROOT)}: {figures.get('submissions')} submissions, "
          f"{len(figures.get('failures', []))} failures")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
