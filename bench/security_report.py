"""Runs the hostile-input pass and the load-and-faults run, and writes docs/security.md.

    .venv/bin/python bench/security_report.py [--sample] [--no-faults]   # make security-report

1. `pytest tests/hostile --full` (every payload of tests/hostile/corpus.toml to every field,
   query parameter and path argument of every route) with HOSTILE_REPORT set; --sample runs the
   sampled pass of `make test` instead.
2. `bench/faults.py` on SQLite and on PostgreSQL (60 s, 32 connections, kill -9 of the web
   server and the worker), each writing its JSON to bench/results/faults-<db>.json; --no-faults
   reads the last ones instead.
3. docs/security.md from both: what is tested, the figures, the date and commit, the threat
   model (tests/hostile/security_notes.md).
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
ENGINES = ("sqlite", "postgres")


def run_pass(full: bool, report: Path) -> tuple[int, float]:
    env = {**os.environ, "HOSTILE_REPORT": str(report)}
    env.setdefault("TEST_SQLITE_PATH", str(Path(tempfile.gettempdir()) / "hostile-report.sqlite3"))
    args = [str(ROOT / ".venv" / "bin" / "pytest"), "tests/hostile", "-q", "-p", "no:logging"]
    args += ["-m", "not browser"] if not full else ["--full"]
    started = time.monotonic()
    code = subprocess.call(args, cwd=ROOT, env=env)  # noqa: S603
    return code, time.monotonic() - started


def faults_file(engine: str) -> Path:
    return ROOT / "bench" / "results" / f"faults-{engine}.json"


def run_faults(engine: str) -> None:
    faults_file(engine).parent.mkdir(parents=True, exist_ok=True)
    command = [str(ROOT / ".venv" / "bin" / "python"), "bench/faults.py", "--db", engine]
    subprocess.call([*command, "--json", str(faults_file(engine))], cwd=ROOT)  # noqa: S603


def read_faults(engine: str) -> dict[str, Any] | None:
    try:
        data = json.loads(faults_file(engine).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _total(value: Any) -> int:
    return sum(value.values()) if isinstance(value, dict) else int(value or 0)


def fault_rows(runs: dict[str, dict[str, Any]]) -> list[str]:
    """The fault runs as a table, one column per engine."""

    def row(label: str, cell: Any) -> str:
        return f"| {label} | " + " | ".join(str(cell(run)) for run in runs.values()) + " |"

    def writes(run: dict[str, Any]) -> str:
        acknowledged, found = run.get("writes_acknowledged", {}), run.get("writes_found", {})
        parts = ", ".join(f"{found.get(k, 0)} of {n} {k}s" for k, n in acknowledged.items())
        return f"{_total(found):,} of {_total(acknowledged):,} ({parts})"

    def kills(run: dict[str, Any]) -> str:
        k = run.get("kills", {})
        return (f"web server ×{k.get('web', 0)}, worker ×{k.get('worker', 0)} "
                f"({run.get('worker_kills_during_task', 0)} mid-task)")  # fmt: skip

    def integrity(run: dict[str, Any]) -> str:
        return "; ".join(f"{k} {v}" for k, v in run.get("integrity", {}).items())

    return [
        "| | " + " | ".join(runs) + " |",
        "|---|" + "---|" * len(runs),
        row("Load", lambda r: f"{r.get('seconds', 0):.0f} s, {r.get('connections')} connections"),
        row("Requests answered", lambda r: f"{r.get('requests', 0):,}"),
        row("5xx answers", lambda r: r.get("server_errors", "?")),
        row("kill -9", kills),
        row("Acknowledged writes found afterwards", writes),
        row("Acknowledged writes lost", lambda r: r.get("writes_lost", "?")),
        row(
            "Emails queued / received by the SMTP server",
            lambda r: f"{r.get('emails_queued', 0)} / {r.get('emails_received', 0)}",
        ),
        row(
            "Emails sent twice / missing / unfinished",
            lambda r: (
                f"{r.get('email_duplicates', '?')} / {r.get('emails_missing', '?')} / "
                f"{r.get('emails_unfinished', '?')}"
            ),
        ),
        row("Database", integrity),
        row("Every check passed", lambda r: "yes" if r.get("ok") else "**no**"),
    ]


def commit() -> str:
    try:
        out = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT)  # noqa: S607
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.decode().strip()


def render(
    figures: dict[str, Any], seconds: float, code: int, faults: dict[str, dict[str, Any]]
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
        lines += [
            "`bench/faults.py` on each database: clients reading and writing (comments, joins,",
            "password resets, the last two queueing emails) through the production processes",
            "(gunicorn, `db_worker`, a real SMTP server), `kill -9` of the web server and of the",
            "worker in the middle, then every check below.",
            "",
            *fault_rows(faults),
        ]
    else:
        lines.append("No fault run found (`bench/faults.py --db sqlite --json …`).")
    lines += ["", (ROOT / "tests" / "hostile" / "security_notes.md").read_text().strip(), ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="the sampled pass of make test")
    parser.add_argument("--no-faults", action="store_true", help="use the last fault runs")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "hostile.json"
        code, seconds = run_pass(not options.sample, report)
        if not report.exists():
            print("the hostile pass wrote no report", file=sys.stderr)
            return code or 1
        figures = json.loads(report.read_text())
    if not options.no_faults:
        for engine in ENGINES:
            run_faults(engine)
    faults = {engine: run for engine in ENGINES if (run := read_faults(engine)) is not None}
    DOC.write_text(render(figures, seconds, code, faults))
    print(f"wrote {DOC.relative_to(ROOT)}: {figures.get('submissions')} submissions, "
          f"{len(figures.get('failures', []))} failures")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
