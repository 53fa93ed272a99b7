"""nginx sends visitors the page files of PAGE_CACHE_DIR, configured exactly as docs/deploy.md
says, and never one older than the content."""

import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from bench import faults
from conftest import PASSWORD

from .servers import (
    BASE_DIR,
    Response,
    free_port,
    http_get,
    manage,
    production_env,
    start_app_server,
    stop,
    wait_for_port,
)

pytestmark = [
    pytest.mark.processes,
    pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed"),
]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def documented_snippet() -> tuple[str, str]:
    """The http {} and server {} parts of the page-cache nginx block in docs/deploy.md."""
    doc = (BASE_DIR / "docs" / "deploy.md").read_text()
    section = doc[doc.index("### Visitors' pages straight from nginx") :]
    block = section[section.index("```nginx") + len("```nginx") : section.index("```\n", 10)]
    http_part, server_part = block.split("# In the https server {}")
    return http_part, server_part.split("\n", 1)[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    root = tmp_path_factory.mktemp("nginx-pages")
    pages = root / "pages"
    env = production_env(root, HTTPS="0", PAGE_CACHE_DIR=str(pages))
    faults.migrate(env)
    faults.collectstatic(env)
    for command in (
        [
            "createnetwork",
            "--name=Riverbend Alumni",
            "--creator-name=Nadia Qureshi",
            "--creator-email=creator@example.org",
            f"--password={PASSWORD}",
        ],
        ["shell", "-c", POST_SCRIPT],
    ):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    app = start_app_server(env, root)
    http_part, server_part = documented_snippet()
    server_part = server_part.replace("/var/lib/anjuman/pages", str(pages)).replace(
        "# … the proxy_set_header lines of `location /` above …", "proxy_set_header Host $host;"
    )
    port = free_port()
    (root / "nginx.conf").write_text(
        NGINX_CONF.format(
            root=root, port=port, app=app.url.removeprefix("http://"), http=http_part
        ).replace("SERVER_PART", server_part)
    )
    nginx = subprocess.Popen(
        [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, nginx, "nginx")
        yield f"http://127.0.0.1:{port}", env
    finally:
        stop(nginx)
        stop(app.process)


POST_SCRIPT = """
from blogs.models import Post
from blogs.services import save_post
from network.models import Network
save_post(Post(), by=Network.objects.get().creator, title="Served by nginx",
          body="Plain words.", tags=[], links=[], publish=True)
"""
COMMENT_SCRIPT = """
from blogs.models import Post
from comments.services import add_comment
from network.models import Network
add_comment(Post.objects.get(), Network.objects.get().creator, "A fresh comment")
"""
NGINX_CONF = """
user root;
worker_processes 1;
error_log {root}/nginx-error.log;
pid {root}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_temp;
    proxy_temp_path {root}/proxy_temp;
    fastcgi_temp_path {root}/fastcgi_temp;
    uwsgi_temp_path {root}/uwsgi_temp;
    scgi_temp_path {root}/scgi_temp;
    upstream anjuman {{ server {app}; }}
    {http}
    server {{
        listen 127.0.0.1:{port};
        SERVER_PART
    }}
}}
"""


def get(url: str, path: str, **headers: str) -> Response:
    return http_get(url + path, headers)


def test_the_second_visitor_gets_the_page_from_nginx(site):
    url, _env = site
    first = get(url, "/")
    second = get(url, "/")
    assert first.status == second.status == 200
    assert first.headers.get("x-cache") == "miss"  # rendered by the app and written
    assert second.headers.get("x-cache") == "nginx"
    assert second.body == first.body
    assert "Served by nginx" in second.text
    # nginx sends the security headers the app sends (docs/deploy.md copies them).
    for header in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "cross-origin-opener-policy",
    ]:
        assert second.headers.get(header) == first.headers.get(header), header
        assert first.headers.get(header), header


def test_signed_in_and_query_string_requests_go_to_the_app(site):
    url, _env = site
    get(url, "/")
    assert get(url, "/", Cookie="sessionid=abc").headers.get("x-cache") != "nginx"
    assert get(url, "/?page=1").headers.get("x-cache") != "nginx"


def test_servers_asking_for_json_and_authorized_requests_go_to_the_app(site):
    url, _env = site
    get(url, "/")
    assert get(url, "/").headers.get("x-cache") == "nginx"
    for headers in (
        {"Accept": "application/activity+json"},
        {"Accept": 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'},
        {"Authorization": "Bearer token"},
    ):
        assert get(url, "/", **headers).headers.get("x-cache") != "nginx", headers


def test_a_change_of_content_shows_at_once(site):
    url, env = site
    post_path = re.search(r'href="(/blog/\d+/[^"]+/)"', get(url, "/").text).group(1)
    get(url, post_path)
    assert get(url, post_path).headers.get("x-cache") == "nginx"
    result = manage(env, "shell", "-c", COMMENT_SCRIPT)
    assert result.returncode == 0, result.stderr
    after = get(url, post_path)
    assert after.headers.get("x-cache") != "nginx"
    assert "A fresh comment" in after.text
    again = get(url, post_path)
    assert again.headers.get("x-cache") == "nginx"
    assert "A fresh comment" in again.text


def test_urdu_readers_get_the_urdu_page(site):
    url, _env = site
    get(url, "/", **{"Accept-Language": "ur"})
    urdu = get(url, "/", **{"Accept-Language": "ur"})
    assert urdu.headers.get("x-cache") == "nginx"
    assert '<html lang="ur" dir="rtl">' in urdu.text
    assert '<html lang="en" dir="ltr">' in get(url, "/").text
