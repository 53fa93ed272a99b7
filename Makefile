# Anjuman's commands. `make run` and `make test` are the two a newcomer needs (see README.md).
PORT ?= 8000
export PORT
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test bench security-report install install-dev lint format typecheck migrations-check pytest lock messages clean

## Start the network with demo content on SQLite at http://127.0.0.1:$(PORT)
run: install
	DEBUG=1 $(PY) manage.py migrate --noinput -v0
	DEBUG=1 $(PY) manage.py loaddemo --if-empty
	@# The task worker sends the emails (confirmation, password reset) while the server runs;
	@# the scheduler queues the periodic jobs (lib/scheduler.py).
	DEBUG=1 $(PY) manage.py db_worker --no-startup-delay -v0 & worker=$$!; \
	DEBUG=1 $(PY) manage.py scheduler -v0 >/dev/null & sched=$$!; \
	trap 'kill $$worker $$sched 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

## Install what the tests need (Chromium, PostgreSQL), then lint, type-check and run every test
## on SQLite and on PostgreSQL
test:
	scripts/test.sh

## Benchmark the production setup with wrk (not part of `make test`); see bench/README.md.
## BENCH_ARGS passes options, e.g. BENCH_ARGS="--scale 10".
bench: install-dev
	@command -v wrk >/dev/null && command -v nginx >/dev/null || \
		{ [ "$$(id -u)" = 0 ] && s= || s=sudo; $$s apt-get update -qq && \
		  $$s env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
	$(PY) bench/run.py $(BENCH_ARGS)

## The whole hostile-input pass (every payload to every field) and a fresh docs/security.md
security-report: install-dev
	$(PY) bench/security_report.py

install:
	scripts/bootstrap.sh

install-dev:
	scripts/bootstrap.sh dev

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: install-dev
	$(VENV)/bin/mypy .

migrations-check: install-dev
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

## The Python tests on SQLite without browser and server processes (no apt): fast inner loop
pytest: install-dev
	$(VENV)/bin/pytest -m "not browser and not processes"

## Re-pin the dependencies after editing pyproject.toml
lock: install-dev
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.12 -o requirements.lock -q
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.12 -o requirements-dev.lock -q

## Refresh the Urdu catalog after changing strings (then translate what is new or fuzzy:
## tests/i18n fails on an empty or fuzzy entry)
messages: install-dev
	DEBUG=1 $(PY) manage.py makemessages -l ur --no-obsolete \
		--ignore=.venv --ignore=data --ignore=bench --ignore=node_modules

clean:
	rm -rf $(VENV) data/test-*.sqlite3* test-results
