"""lib/fetch.py against real sockets: a real http.server on 127.0.0.1 in a thread, allowed
explicitly (settings.FETCH_ALLOWED_HOSTS) where a test needs it; every refusal checked, and
checked to happen before anything is sent."""

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from lib import fetch as fetch_module
from lib.fetch import (
    BadStatus,
    BadURL,
    FetchTimeout,
    RefusedAddress,
    ResolveError,
    TooBig,
    TooManyRedirects,
    check_url,
    fetch,
    is_public,
    send,
)


class Handler(BaseHTTPRequestHandler):
    server: "Server"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        path, _, query = self.path.partition("?")
        if path == "/hello":
            self._send(200, b"hello world", Content_Type="text/plain")
        elif path == "/host":
            self._send(200, self.headers.get("Host", "").encode())
        elif path == "/missing":
            self._send(404, b"gone")
        elif path == "/big":
            self._send(200, b"x" * 200_000)
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 10_000)
        elif path == "/redirect":
            self._send(302, b"", Location=query)
        elif path == "/loop":
            self._send(302, b"", Location="/loop")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"late")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        else:
            self._send(404, b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        self.server.requests.append((self.path, dict(self.headers.items())))
        self.server.bodies.append(body)
        if self.path == "/inbox":
            self._send(202, b"thanks " + body[:10])
        elif self.path == "/redirect":
            self._send(301, b"", Location="/inbox")
        elif self.path == "/refuse":
            self._send(403, b"no")
        elif self.path == "/big":
            self._send(200, b"x" * 200_000)
        elif self.path == "/slow":
            time.sleep(3)
            self._send(202, b"late")
        else:
            self._send(404, b"")

    do_PUT = do_POST


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.bodies: list[bytes] = []

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def server() -> Iterator[Server]:
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allowed(server: Server, settings: Any) -> Server:
    """The test server, let through explicitly."""
    settings.FETCH_ALLOWED_HOSTS = {f"127.0.0.1:{server.port}"}
    return server


def test_the_allowed_test_server_answers(allowed):
    got = fetch(f"{allowed.base}/hello", timeout=5, max_bytes=1000, accept="text/plain")
    assert (got.status, got.body, got.url) == (200, b"hello world", f"{allowed.base}/hello")
    assert got.headers["content-type"] == "text/plain"
    _path, headers = allowed.requests[0]
    assert headers["Accept"] == "text/plain"
    assert headers["Accept-Encoding"] == "identity"  # the size limit counts what is received


def test_loopback_is_refused_without_the_explicit_allowance(server):
    with pytest.raises(RefusedAddress, match="private or local network"):
        fetch(f"{server.base}/hello", timeout=5, max_bytes=1000)
    assert server.requests == []  # nothing was sent


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3/",
        "http://10.1.2.3/feed.xml",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",  # the cloud metadata address
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://2130706433/",  # 127.0.0.1 written as one number
        "http://0x7f.1/",
        "http://localhost/",  # a name that resolves to loopback
    ],
)
def test_addresses_on_the_servers_own_networks_are_refused(url):
    started = time.monotonic()
    with pytest.raises(RefusedAddress):
        fetch(url, timeout=5, max_bytes=1000)
    assert time.monotonic() - started < 2  # refused before any connection attempt


def test_an_ipv4_mapped_form_of_the_allowed_server_is_still_refused(allowed):
    with pytest.raises(RefusedAddress):
        fetch(f"http://[::ffff:127.0.0.1]:{allowed.port}/hello", timeout=5, max_bytes=1000)
    assert allowed.requests == []


def test_a_redirect_to_a_private_address_is_refused(allowed):
    for target in ("http://10.0.0.7/admin", "http://169.254.169.254/latest/meta-data/"):
        with pytest.raises(RefusedAddress):
            fetch(f"{allowed.base}/redirect?{target}", timeout=5, max_bytes=1000)


def test_a_redirect_to_another_local_server_never_reaches_it(allowed):
    other = Server()
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        with pytest.raises(RefusedAddress):
            fetch(f"{allowed.base}/redirect?{other.base}/hello", timeout=5, max_bytes=1000)
        with pytest.raises(RefusedAddress):
            fetch(f"{allowed.base}/redirect?http://127.0.0.1/hello", timeout=5, max_bytes=1000)
        assert other.requests == []
    finally:
        other.shutdown()
        other.server_close()


def test_redirects_are_followed_within_the_limit(allowed):
    got = fetch(f"{allowed.base}/redirect?/hello", timeout=5, max_bytes=1000)
    assert (got.body, got.url) == (b"hello world", f"{allowed.base}/hello")
    with pytest.raises(TooManyRedirects):
        fetch(f"{allowed.base}/loop", timeout=5, max_bytes=1000, max_redirects=3)
    assert len(allowed.requests) == 1 + 1 + 4


def test_a_body_over_the_limit_is_refused(allowed):
    with pytest.raises(TooBig, match="larger than 100,000 bytes"):
        fetch(f"{allowed.base}/big", timeout=5, max_bytes=100_000)
    # Without a Content-Length: reading stops at the limit.
    with pytest.raises(TooBig):
        fetch(f"{allowed.base}/big-unannounced", timeout=5, max_bytes=100_000)
    assert len(fetch(f"{allowed.base}/big", timeout=5, max_bytes=200_000).body) == 200_000


def test_a_slow_server_times_out(allowed):
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="within 1 seconds"):
        fetch(f"{allowed.base}/slow", timeout=1, max_bytes=1000)
    assert time.monotonic() - started < 2


def test_a_server_that_sends_a_byte_at_a_time_is_cut_off_at_the_total_timeout(allowed):
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(f"{allowed.base}/drip", timeout=1, max_bytes=1000)
    assert time.monotonic() - started < 2  # each byte came quickly: the total counts


def test_an_error_answer_is_an_error(allowed):
    with pytest.raises(BadStatus) as caught:
        fetch(f"{allowed.base}/missing", timeout=5, max_bytes=1000)
    assert caught.value.status == 404


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/feed", "Only http"),
        ("file:///etc/passwd", "Only http"),
        ("javascript:alert(1)", "Only http"),
        ("gopher://127.0.0.1:6379/_INFO", "Only http"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http:///feed", "no host"),
        ("http://8.8.8.8:6379/", "usual ports"),
        ("http://example.org:99999/", "not a valid address"),
        ("http://exa mple.org/", "not valid"),
    ],
)
def test_addresses_that_are_not_plain_web_addresses_are_refused(url, message):
    with pytest.raises(BadURL, match=message):
        fetch(url, timeout=5, max_bytes=1000)


def test_an_unknown_name_does_not_resolve():
    with pytest.raises(ResolveError):
        fetch("http://no-such-host.invalid/", timeout=5, max_bytes=1000)


def test_the_name_is_resolved_once_and_the_checked_address_is_the_one_connected(
    allowed, monkeypatch
):
    """DNS rebinding: a name that answers a public address when checked and a private one
    later gains nothing, since there is no later lookup."""
    calls: list[str] = []

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    got = fetch(f"http://feeds.example.org:{allowed.port}/host", timeout=5, max_bytes=1000)
    assert calls == ["feeds.example.org"]
    assert got.body == f"feeds.example.org:{allowed.port}".encode()  # the Host header


def test_a_name_with_one_private_address_among_public_ones_is_refused(monkeypatch):
    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(RefusedAddress):
        fetch("http://mixed.example.org/", timeout=5, max_bytes=1000)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "::127.0.0.1",
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2001:db8::1",
    ],
)
def test_local_and_reserved_addresses_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address):
    assert is_public(ipaddress.ip_address(address))


def test_check_url_tells_a_form_what_it_can_know_without_a_lookup(settings):
    check_url("https://example.org/feed.xml")
    with pytest.raises(BadURL):
        check_url("http://example.org:8080/feed.xml")
    with pytest.raises(RefusedAddress):
        check_url("http://[::1]/feed.xml")
    settings.FETCH_ALLOWED_HOSTS = {"127.0.0.1:8123"}
    check_url("http://127.0.0.1:8123/feed.xml")


def test_extra_headers_go_with_a_fetch_and_ours_stay_ours(allowed):
    fetch(
        f"{allowed.base}/hello",
        timeout=5,
        max_bytes=1000,
        headers={"Signature": "sig", "Host": "elsewhere.example", "Accept": "x/y"},
    )
    _path, headers = allowed.requests[0]
    assert headers["Signature"] == "sig"
    assert headers["Host"] == f"127.0.0.1:{allowed.port}"  # never the caller's
    assert headers["Accept"] == "*/*"  # the accept argument's


def test_header_function_is_asked_again_for_each_address_of_a_redirect(allowed):
    asked: list[str] = []

    def headers_for(url: str) -> dict[str, str]:
        asked.append(url)
        return {"X-For": url}

    fetch(f"{allowed.base}/redirect?/hello", timeout=5, max_bytes=1000, headers=headers_for)
    assert asked == [f"{allowed.base}/redirect?/hello", f"{allowed.base}/hello"]
    assert [h["X-For"] for _p, h in allowed.requests] == asked


def test_send_posts_a_body_with_the_callers_headers(allowed):
    got = send(
        "POST",
        f"{allowed.base}/inbox",
        body=b'{"type": "Follow"}',
        headers={"Content-Type": "application/activity+json", "Content-Length": "1"},
        timeout=5,
    )
    assert (got.status, got.body) == (202, b'thanks {"type": "')
    path, headers = allowed.requests[0]
    assert path == "/inbox"
    assert headers["Content-Type"] == "application/activity+json"
    assert headers["Content-Length"] == "18"  # counted here, whatever the caller said
    assert allowed.bodies == [b'{"type": "Follow"}']
    send("PUT", f"{allowed.base}/inbox", body=b"x", timeout=5)
    assert allowed.bodies[-1] == b"x"


def test_send_keeps_every_rule_of_fetch(allowed, server):
    with pytest.raises(BadStatus) as refused:
        send("POST", f"{allowed.base}/refuse", body=b"{}", timeout=5)
    assert refused.value.status == 403
    with pytest.raises(BadStatus) as redirected:
        send("POST", f"{allowed.base}/redirect", body=b"{}", timeout=5)
    assert redirected.value.status == 301  # not followed
    with pytest.raises(TooBig):
        send("POST", f"{allowed.base}/big", body=b"{}", timeout=5, max_bytes=1000)
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        send("POST", f"{allowed.base}/slow", body=b"{}", timeout=1)
    assert time.monotonic() - started < 2
    requests_so_far = len(allowed.requests)
    for url in ("http://10.0.0.7/inbox", "http://169.254.169.254/", "http://[::1]/inbox"):
        with pytest.raises(RefusedAddress):
            send("POST", url, body=b"{}", timeout=5)
    with pytest.raises(BadURL):
        send("POST", "ftp://example.org/inbox", body=b"{}", timeout=5)
    with pytest.raises(ValueError):
        send("GET /x HTTP/1.1\r\n", f"{allowed.base}/inbox", timeout=5)
    assert len(allowed.requests) == requests_so_far  # nothing sent to any of them
