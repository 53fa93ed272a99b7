#!/usr/bin/env bash
# Runs Anjuman in production: collects the static files, applies migrations, then hands over
# to the application server. Configure with the environment (README: Configuration), e.g.
#   SECRET_KEY=... DATABASE_URL=postgres://... REDIS_URL=redis://... scripts/serve.sh
# Server options:
#   APP_SERVER       gunicorn (default) or granian
#   WEB_CONCURRENCY  worker processes (default: 2 per CPU core)
#   HOST, PORT       where to listen (default 127.0.0.1:8000)
#   SKIP_SETUP=1     skip collectstatic and migrate (when another process did them)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/bootstrap.sh

if [ -z "${SKIP_SETUP:-}" ]; then
    .venv/bin/python manage.py collectstatic --noinput -v0
    .venv/bin/python manage.py migrate --noinput -v0
fi

host=${HOST:-127.0.0.1}
port=${PORT:-8000}
workers=${WEB_CONCURRENCY:-$(( $(nproc) * 2 ))}

case "${APP_SERVER:-gunicorn}" in
gunicorn)
    exec .venv/bin/gunicorn anjuman.wsgi:application \
        --bind "$host:$port" --workers "$workers" --worker-class sync --no-control-socket \
        --max-requests 10000 --max-requests-jitter 1000 --timeout 30 --graceful-timeout 20 \
        --access-logfile - \
        --access-logformat '{"time": "%(t)s", "logger": "access", "method": "%(m)s", "path": "%(U)s", "query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, "remote": "%(h)s"}'
    ;;
granian)
    exec .venv/bin/granian anjuman.wsgi:application --interface wsgi \
        --host "$host" --port "$port" --workers "$workers" --blocking-threads 1 \
        --respawn-failed-workers
    ;;
*)
    echo "APP_SERVER must be gunicorn or granian" >&2
    exit 2
    ;;
esac
