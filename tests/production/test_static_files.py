"""Static files in production: collectstatic builds hashed, compressed files, and the production
server (scripts/serve.sh → gunicorn, WhiteNoise) serves them with long cache lifetimes."""

import gzip
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import faults
from conftest import PASSWORD

from .servers import AppServer, manage, production_env, start_app_server, stop

pytestmark = pytest.mark.processes

HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS-terminating proxy adds
ONE_YEAR = 365 * 24 * 3600


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("production")


@pytest.fixture(scope="module")
def env(root: Path) -> dict[str, str]:
    return production_env(root)


@pytest.fixture(scope="module")
def collected(env: dict[str, str]) -> Path:
    # collectstatic's output, made once for these files (bench/faults.py).
    faults.collectstatic(env)
    return Path(env["STATIC_ROOT"])


@pytest.fixture(scope="module")
def server(env: dict[str, str], root: Path, collected: Path) -> Iterator[AppServer]:
    faults.migrate(env)
    for command in (
        [
            "createnetwork",
            "--name=Riverbend Alumni",
            "--creator-name=Nadia Qureshi",
            "--creator-email=creator@example.org",
            f"--password={PASSWORD}",
        ],
    ):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    server = start_app_server(env, root)
    yield server
    stop(server.process)


def hashed_stylesheet(static_root: Path) -> str:
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return str(manifest["paths"]["anjuman/site.css"])


def test_collectstatic_writes_hashed_and_compressed_files(collected):
    name = hashed_stylesheet(collected)
    assert re.fullmatch(r"anjuman/site\.[0-9a-f]{12}\.css", name)
    css = (collected / name).read_bytes()
    # The hashed stylesheet names the hashed fonts (a new font is a new address for browsers).
    font = rb'url\("fonts/noto-nastaliq-urdu-arabic-400-normal\.[0-9a-f]{12}\.woff2"\)'
    assert re.search(font, css)
    assert gzip.decompress((collected / f"{name}.gz").read_bytes()) == css
    compressed = sorted(p.name for p in (collected / "anjuman").glob("site.*.css.*"))
    assert compressed == [f"{Path(name).name}.br", f"{Path(name).name}.gz"]


def test_pages_link_the_hashed_stylesheet(server, collected):
    response = server.get("/", HTTPS)
    assert response.status == 200
    assert "Riverbend Alumni" in response.text
    assert f'href="/static/{hashed_stylesheet(collected)}"' in response.text


def test_hashed_files_are_cached_for_a_long_time_and_sent_gzipped(server, collected):
    name = hashed_stylesheet(collected)
    css = (collected / name).read_bytes()

    plain = server.get(f"/static/{name}", HTTPS)
    assert plain.status == 200
    assert plain.headers["content-type"].startswith("text/css")
    assert "content-encoding" not in plain.headers
    assert plain.body == css
    max_age = re.search(r"max-age=(\d+)", plain.headers["cache-control"])
    assert max_age and int(max_age.group(1)) >= ONE_YEAR
    assert "immutable" in plain.headers["cache-control"]

    zipped = server.get(f"/static/{name}", {**HTTPS, "Accept-Encoding": "gzip"})
    assert zipped.status == 200
    assert zipped.headers["content-encoding"] == "gzip"
    assert gzip.decompress(zipped.body) == css
    assert "Accept-Encoding" in zipped.headers["vary"]

    brotli = server.get(f"/static/{name}", {**HTTPS, "Accept-Encoding": "br, gzip"})
    assert brotli.headers["content-encoding"] == "br"
    assert len(brotli.body) < len(zipped.body) < len(css)


def test_plain_http_is_redirected_to_https_and_https_gets_hsts(server):
    redirect = server.get("/")
    assert redirect.status == 301
    assert redirect.headers["location"] == f"https://127.0.0.1:{server.url.rsplit(':', 1)[1]}/"
    page = server.get("/", HTTPS)
    assert page.headers["strict-transport-security"].startswith("max-age=31536000")


def test_the_server_logs_each_request_as_json_on_stdout(server):
    server.get("/health/?probe=logs")
    # The worker writes the access line just after it sends the answer.
    deadline = time.monotonic() + 5
    while "probe=logs" not in server.stdout.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    entries = [json.loads(line) for line in server.stdout.read_text().splitlines()]
    expected = {"logger": "access", "method": "GET", "path": "/health/", "query": "probe=logs"}
    assert any(expected.items() <= entry.items() and entry["status"] == 200 for entry in entries)
