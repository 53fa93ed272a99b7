#!/usr/bin/env bash
# The whole check, as `make test` and CI run it:
#   1. installs the Python packages (.venv) and, from apt, Chromium, PostgreSQL, Redis and nginx
#      if missing;
#   2. starts a throw-away PostgreSQL server of its own (stopped again at the end);
#   3. runs ruff, mypy, the import-layer contract (.importlinter) and the migrations check;
#   4. runs the whole pytest suite on a SQLite file, then again on PostgreSQL, the second time
#      with the scale-out check (two app servers behind nginx, a streaming replica, Redis).
# PYTEST_ARGS adds pytest options (e.g. PYTEST_ARGS="-x -k comments"); TEST_WORKERS sets how many
# processes share each pass (pytest-xdist; default 2, the cores of the smallest machine we
# support; 0 runs in one process).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh dev

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
[ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# shellcheck source=scripts/pg.sh
source scripts/pg.sh
pg_start
trap pg_stop EXIT

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy .
echo "== import layers (.importlinter)"
.venv/bin/lint-imports --no-cache
echo "== migrations"
DEBUG=1 .venv/bin/python manage.py makemigrations --check --dry-run >/dev/null
echo "== pip-audit"
# The locked runtime and dev packages, as pinned (nothing installed), against PyPI's data on
# known vulnerabilities: any finding fails the run. That data is read per release
# (pypi.org/pypi/NAME/VERSION/json); where it cannot be reached the step says so and the run goes
# on, unless PIP_AUDIT=required.
django_pin=$(sed -n 's/^django==//p' requirements.lock)
if .venv/bin/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=15)' \
    "https://pypi.org/pypi/django/$django_pin/json" 2>/dev/null; then
    .venv/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
        -r requirements.lock -r requirements-dev.lock
elif [ "${PIP_AUDIT:-}" = required ]; then
    echo "pip-audit: PyPI's vulnerability data cannot be reached (PIP_AUDIT=required)" >&2
    exit 1
else
    echo "pip-audit: SKIPPED, PyPI's vulnerability data cannot be reached from this machine"
fi

# shellcheck disable=SC2086
echo "== pytest on SQLite"
workers="-n ${TEST_WORKERS:-2}"
# shellcheck disable=SC2086
# The hostile-input pass sends its eleven categories in three mixed groups (markup; text and
# bytes; what a database or a path takes), two payloads of a group to each field, and checks a
# route's parameters in one test (docs/security.md): every category reaches every form, in a
# third of the tests. HOSTILE_CATEGORIES= HOSTILE_PARAMETERS= (empty) sends them apart.
# shellcheck disable=SC2086
DATABASE_URL="sqlite:///$PWD/data/anjuman-test-run.sqlite3" \
    HOSTILE_CATEGORIES=${HOSTILE_CATEGORIES-script+template+address,bidi+unicode+control+bytes,long+number+sql+path} \
    HOSTILE_PARAMETERS=${HOSTILE_PARAMETERS-page+next+lang+q+before+form+path} \
    .venv/bin/pytest $workers ${PYTEST_ARGS:-}
echo "== pytest on PostgreSQL"
# The `processes` tests run their servers on SQLite files of their own (or PostgreSQL servers of
# their own), whatever the pass: once is enough. The browser tests check pages and scripts,
# which are the same on either database: once is enough too, and so is the access matrix (who may
# open what is decided in Python). The hostile-input pass, which stores what it sends, runs on
# both, here with the payloads a database may take differently from SQLite: control characters
# and NUL, bytes that are not UTF-8, other Unicode, overlong text (PostgreSQL enforces
# max_length), numbers out of range (PostgreSQL's integers are bounded) and SQL, in the
# parameters views look up (not `next` and `lang`) — mixed, one test per route (docs/security.md);
# markup, template syntax, bidi, paths and
# addresses are checked in what the pages make of them, the same on either database. The
# scale-out check runs here, on PostgreSQL.
# shellcheck disable=SC2086
DATABASE_URL="$PG_URL" SCALEOUT=1 HOSTILE_CATEGORIES=control+bytes+unicode+long+number+sql \
    HOSTILE_PARAMETERS=page+q+before+form+path \
    .venv/bin/pytest $workers -m "not processes and not browser and not matrix" ${PYTEST_ARGS:-}
