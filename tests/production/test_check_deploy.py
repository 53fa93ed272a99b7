"""`manage.py check --deploy` with the documented production settings, in a fresh process."""

import pytest

from .servers import manage, production_env

pytestmark = pytest.mark.processes


# The layouts docs/deploy.md describes: one machine, and the many-machine options. Nothing here
# connects to the services named: the checks only read the settings.
LAYOUTS = {
    "one machine": {},
    "pages from nginx": {"PAGE_CACHE_DIR": "/var/lib/anjuman/pages"},
    "many machines": {
        "DATABASE_URL": "postgres://anjuman:secret@127.0.0.1:9/anjuman",
        "DATABASE_REPLICA_URL": "postgres://anjuman:secret@127.0.0.1:9/anjuman",
        "REDIS_URL": "redis://127.0.0.1:9/0",
        "S3_BUCKET": "anjuman-media",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9",
    },
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_it_passes_check_deploy_with_the_production_settings(tmp_path, layout):
    env = production_env(tmp_path, ALLOWED_HOSTS="example.org", **LAYOUTS[layout])
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    # Not one message, not even silenced ones or INFO.
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_check_deploy_warns_without_https(tmp_path):
    # The same check is not a formality: without HTTPS=1 it names the missing protections.
    env = production_env(tmp_path, ALLOWED_HOSTS="example.org", HTTPS="0")
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


@pytest.mark.parametrize("debug", [None, "0"])
def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off(tmp_path, debug):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    if debug is not None:
        env["DEBUG"] = debug
    result = manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
