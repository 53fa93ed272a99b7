"""/health/ tells a load balancer whether this server can serve: database and cache."""

import json

import pytest
from django.test import Client

from bench import faults
from conftest import PASSWORD

from .servers import free_port, manage, production_env, start_app_server, stop

HEALTH = "/health/"


@pytest.mark.django_db
def test_it_reports_the_database_and_the_cache_ok(network):
    response = Client().get(HEALTH)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "checks": {"database:default": "ok", "cache": "ok"},
    }


@pytest.mark.django_db
def test_it_answers_before_the_network_is_set_up():
    assert Client().get(HEALTH).json()["status"] == "ok"


@pytest.mark.django_db
def test_it_answers_plain_http_when_https_is_required(network, settings):
    # The load balancer probes the application server directly, without TLS.
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/").status_code == 301
    assert client.get(HEALTH).status_code == 200


@pytest.mark.processes
def test_it_answers_503_naming_the_database_when_the_database_is_down(tmp_path):
    # PostgreSQL on a port where nothing listens: every connection is refused at once.
    env = production_env(tmp_path, DATABASE_URL=f"postgres://anjuman@127.0.0.1:{free_port()}/x")
    server = start_app_server(env, tmp_path)
    try:
        response = server.get(HEALTH)
    finally:
        stop(server.process)
    assert response.status == 503, f"{response.status}: {response.text[:200]}"
    checks = json.loads(response.body)["checks"]
    assert checks["database:default"].startswith("error: OperationalError")
    assert checks["cache"] == "ok"


@pytest.mark.processes
def test_the_view_itself_names_the_database_when_the_network_is_still_cached(tmp_path):
    """The health view is right; only a cold cache makes the middleware fail first.

    A SQLite process fills the shared file cache with the network; a server on the same cache
    but an unreachable PostgreSQL then gets past the middleware.
    """
    env = production_env(tmp_path, CACHE_DIR=str(tmp_path / "cache"))
    faults.migrate(env)
    setup = [
        [
            "createnetwork",
            "--name=Riverbend Alumni",
            "--creator-name=Nadia Qureshi",
            "--creator-email=creator@example.org",
            f"--password={PASSWORD}",
        ],
        ["shell", "-v0", "-c", "from network.services import current_network; current_network()"],
    ]
    for command in setup:
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    env["DATABASE_URL"] = f"postgres://anjuman@127.0.0.1:{free_port()}/x"
    server = start_app_server(env, tmp_path)
    try:
        response = server.get(HEALTH)
    finally:
        stop(server.process)
    assert response.status == 503
    assert json.loads(response.body) == {
        "status": "error",
        "checks": {"database:default": "error: OperationalError", "cache": "ok"},
    }


@pytest.mark.django_db
def test_it_answers_503_naming_the_cache_when_redis_is_down(network, settings):
    # A Redis cache on a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    response = Client(raise_request_exception=False).get(HEALTH)
    assert response.status_code == 503, response.status_code
    assert response.json()["checks"] == {
        "database:default": "ok",
        "cache": "error: ConnectionError",
    }


@pytest.mark.django_db
def test_it_answers_503_when_redis_is_down_and_a_replica_is_configured(network, settings):
    # The replica router asks the cache for the content version before any view runs.
    settings.USE_REPLICA = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    response = Client(raise_request_exception=False).get(HEALTH)
    assert response.status_code == 503, response.status_code
    assert response.json()["checks"]["cache"] == "error: ConnectionError"
