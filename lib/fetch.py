"""Fetching a resource from another site, safely: the one way Anjuman asks other servers for
anything: sidebar feed boxes and federation (actors' documents with `fetch`, deliveries with
`send`).

An address typed by a member or an administrator, or sent by another server, must never make
this server talk to itself or to its own private networks (server-side request forgery):

- only `http` and `https`, no user name or password in the address, ports 80 and 443 only;
- the host name is resolved here, once (`socket.getaddrinfo`), and every address it resolves to
  is checked: loopback, private (RFC 1918, fc00::/7, 100.64/10), link-local (169.254/16 with
  the cloud metadata address 169.254.169.254, fe80::/10), unspecified, multicast, reserved and
  documentation ranges are refused, and IPv6 forms that embed an IPv4 address (::ffff:a.b.c.d,
  NAT64 64:ff9b::/96, 6to4, Teredo) are checked as that IPv4 address. One refused address
  refuses the host;
- the connection goes to the address that was checked (never a second lookup, so a name that
  answers differently the second time — DNS rebinding — gains nothing); TLS still verifies the
  certificate against the host name;
- redirects are followed by hand, at most `max_redirects`, each new address checked the same
  way from the start;
- one total `timeout` for everything (the lookup, every connection, every redirect, reading),
  enforced by a watchdog that closes the socket: a server that sends one byte a second is cut
  off when the time is up;
- at most `max_bytes` of body, counted while reading (a `Content-Length` above it is refused
  before reading); no compression is asked for, so the limit is the size received.

Each failure raises its own FetchError subclass with a sentence for the administrator.

Tests run a real server on 127.0.0.1: `settings.FETCH_ALLOWED_HOSTS = {"127.0.0.1:PORT"}`
(checked against the resolved address and port, set only by tests; no environment variable
reads it) lets exactly that address and port through.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024

IP = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges the ipaddress flags miss on some Python versions, or that no public site uses.
_EXTRA_REFUSED = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT (shared address space)
        "192.0.0.0/24",
        "192.0.2.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "240.0.0.0/4",
        "255.255.255.255/32",
        "::/128",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
        "2001:db8::/32",
        "100::/64",
    )
]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _timeout_message(seconds: float) -> str:
    return _("No complete answer within %(seconds)s seconds.") % {"seconds": f"{seconds:g}"}


def _too_big_message(max_bytes: int) -> str:
    return _("The answer is larger than %(size)s bytes.") % {"size": f"{max_bytes:,}"}


class FetchError(Exception):
    """Fetching failed; str() is a sentence for the administrator."""


class BadURL(FetchError):
    """Not an http(s) address this server may fetch (scheme, credentials, port, no host)."""


class RefusedAddress(FetchError):
    """The host is, or resolves to, an address on the server's own networks."""


class ResolveError(FetchError):
    """The host name does not resolve."""


class ConnectError(FetchError):
    """No connection (refused, unreachable, TLS failure) or a broken answer."""


class FetchTimeout(FetchError):
    """The whole fetch took longer than its timeout."""


class TooBig(FetchError):
    """The body is larger than max_bytes."""


class TooManyRedirects(FetchError):
    """More redirects than allowed."""


class BadStatus(FetchError):
    """The server answered with an error (or an unfollowable redirect)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Fetched:
    url: str  # the final address, after redirects
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: bytes = field(repr=False)


def allowed_hosts() -> frozenset[str]:
    """Exceptions to the rules, "ADDRESS:PORT" ("127.0.0.1:8123", "[::1]:8123"): tests only."""
    return frozenset(getattr(settings, "FETCH_ALLOWED_HOSTS", ()) or ())


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def is_public(address: IP) -> bool:
    """Whether `address` may be fetched from: on the public internet, not on the server's own
    networks (loopback, private, link-local, metadata, unspecified, multicast, reserved…)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    if any(address in network for network in _EXTRA_REFUSED if network.version == address.version):
        return False
    local = (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    )
    return address.is_global and not local


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # as in the address, without brackets
    port: int
    path: str  # path and query, for the request line


def parse_url(url: str) -> _Target:
    """The parts of an address this module may fetch; BadURL otherwise (no lookup yet)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as e:
        raise BadURL(_("“%(url)s” is not a valid address.") % {"url": url[:200]}) from e
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise BadURL(_("Only http:// and https:// addresses can be fetched."))
    if parts.username is not None or parts.password is not None:
        raise BadURL(_("An address with a user name or password cannot be fetched."))
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise BadURL(_("The address has no host name."))
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host.lower()
    except UnicodeError as e:
        raise BadURL(_("The address's host name is not valid.")) from e
    if any(not (c.isalnum() or c in ".-_:") for c in host):
        raise BadURL(_("The address's host name is not valid."))
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if any(ord(c) < 33 or ord(c) == 127 for c in path):
        raise BadURL(_("The address has spaces or control characters in it."))
    return _Target(scheme, host, port or DEFAULT_PORTS[scheme], path)


def _host_port(address: IP, port: int) -> str:
    return f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"


def check_url(url: str) -> None:
    """What can be known of an address without looking it up (for a form): BadURL if its
    scheme, credentials or port are refused, RefusedAddress if it names a refused address."""
    target = parse_url(url)
    try:
        literal: IP | None = ipaddress.ip_address(target.host)
    except ValueError:
        literal = None
    if literal is not None and _host_port(literal, target.port) in allowed_hosts():
        return
    if target.port not in DEFAULT_PORTS.values():
        raise BadURL(_("Only the usual ports (80 and 443) can be fetched."))
    if literal is not None and not is_public(literal):
        raise RefusedAddress(_("This address is on a private or local network."))


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise FetchTimeout(_timeout_message(self.seconds))
        return left


def _resolve(host: str, port: int, deadline: _Deadline) -> list[IP]:
    """The host's addresses, looked up once, within the deadline (getaddrinfo has no timeout
    of its own: it runs in a thread we stop waiting for)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    found: list[Any] = []
    failed: list[BaseException] = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as e:
            failed.append(e)

    thread = threading.Thread(target=lookup, daemon=True, name="fetch-resolve")
    thread.start()
    thread.join(deadline.left())
    if thread.is_alive():
        deadline.left()
        raise FetchTimeout(_timeout_message(deadline.seconds))
    if failed or not found:
        raise ResolveError(_("The host name “%(host)s” does not resolve.") % {"host": host[:100]})
    addresses: list[IP] = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and len(sockaddr) > 3 and sockaddr[3]:
            return []  # a scoped (interface-bound) address: link-local by nature
        if address not in addresses:
            addresses.append(address)
    return addresses


def _checked_addresses(target: _Target, deadline: _Deadline) -> list[IP]:
    addresses = _resolve(target.host, target.port, deadline)
    if not addresses:
        raise RefusedAddress(_("This address is on a private or local network."))
    allowed = allowed_hosts()
    for address in addresses:
        if _host_port(address, target.port) in allowed:
            continue
        if not is_public(address):
            raise RefusedAddress(_("This address is on a private or local network."))
        if target.port not in DEFAULT_PORTS.values():
            raise BadURL(_("Only the usual ports (80 and 443) can be fetched."))
    return addresses


class _Watchdog:
    """Shuts the socket when the deadline passes, whatever the read it is blocked in."""

    def __init__(self, sock: socket.socket, seconds: float) -> None:
        self.fired = False
        self._sock = sock
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _connect(target: _Target, addresses: list[IP], deadline: _Deadline) -> socket.socket:
    last: OSError | None = None
    for address in addresses:
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.settimeout(deadline.left())
        try:
            sock.connect((str(address), target.port))
        except TimeoutError as e:
            sock.close()
            deadline.left()
            last = e
            continue
        except OSError as e:
            sock.close()
            last = e
            continue
        if target.scheme == "https":
            context = ssl.create_default_context()
            try:
                sock.settimeout(deadline.left())
                return context.wrap_socket(sock, server_hostname=target.host)
            except (OSError, ssl.SSLError) as e:
                sock.close()
                deadline.left()
                message = _("The secure connection failed: %(reason)s.") % {"reason": e}
                raise ConnectError(message) from e
        return sock
    reason = getattr(last, "strerror", None) or str(last or "no address")
    raise ConnectError(_("Could not connect: %(reason)s.") % {"reason": reason})


class _Connection(http.client.HTTPConnection):
    """http.client on a socket already connected to a checked address."""

    def __init__(self, target: _Target, sock: socket.socket) -> None:
        super().__init__(target.host, target.port)
        self.sock = sock
        host = f"[{target.host}]" if ":" in target.host else target.host
        port = "" if target.port == DEFAULT_PORTS[target.scheme] else f":{target.port}"
        self.host_header = host + port

    def connect(self) -> None:  # never reconnects (and so never looks the name up)
        raise ConnectError(_("The connection was closed."))


def _request(
    method: str,
    target: _Target,
    deadline: _Deadline,
    *,
    headers: Mapping[str, str],
    body: bytes | None,
    max_bytes: int,
) -> tuple[int, dict[str, str], bytes]:
    """One request to the checked address of `target`: its status, headers (names in lower
    case) and body (none read for a redirect)."""
    addresses = _checked_addresses(target, deadline)
    sock = _connect(target, addresses, deadline)
    watchdog = _Watchdog(sock, deadline.left())
    connection = _Connection(target, sock)
    ours = {"host", "accept-encoding", "user-agent", "connection", "content-length"}
    try:
        try:
            connection.putrequest(method, target.path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", connection.host_header)
            for name, value in headers.items():
                if name.lower() not in ours:
                    connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.putheader("Accept-Encoding", "identity")
            connection.putheader("User-Agent", f"Anjuman (+{settings.POWERED_BY_URL})")
            connection.putheader("Connection", "close")
            connection.endheaders(body)
            sock.settimeout(deadline.left())
            response = connection.getresponse()
            answer = {name.lower(): value for name, value in response.getheaders()}
            if response.status in REDIRECT_STATUSES:
                return response.status, answer, b""
            length = answer.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise TooBig(_too_big_message(max_bytes))
            received = bytearray()
            while True:
                sock.settimeout(deadline.left())
                chunk = response.read1(CHUNK)
                if not chunk:
                    break
                received += chunk
                if len(received) > max_bytes:
                    raise TooBig(_too_big_message(max_bytes))
            if watchdog.fired:
                raise FetchTimeout(_timeout_message(deadline.seconds))
            deadline.left()
            return response.status, answer, bytes(received)
        except FetchError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as e:
            if watchdog.fired or isinstance(e, TimeoutError):
                raise FetchTimeout(_timeout_message(deadline.seconds)) from e
            message = _("The server's answer broke off (%(error)s).") % {"error": type(e).__name__}
            raise ConnectError(message) from e
    finally:
        watchdog.cancel()
        connection.close()
        sock.close()


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 1024 * 1024,
    accept: str = "*/*",
    max_redirects: int = 3,
    headers: Mapping[str, str] | Callable[[str], Mapping[str, str]] | None = None,
) -> Fetched:
    """GETs `url` under the rules above; the final answer must be 2xx (BadStatus otherwise).
    Raises a FetchError subclass for every failure.

    `headers`: more request headers (Host, Accept-Encoding, User-Agent and Connection are
    ours), or a function giving them for each address asked (after a redirect too: a
    signature covers the address it is sent to)."""
    deadline = _Deadline(timeout)
    current = url
    for _hop in range(max_redirects + 1):
        target = parse_url(current)
        extra = headers(current) if callable(headers) else (headers or {})
        status, answer, body = _request(
            "GET",
            target,
            deadline,
            headers={**{k: v for k, v in extra.items() if k.lower() != "accept"}, "Accept": accept},
            body=None,
            max_bytes=max_bytes,
        )
        if status in REDIRECT_STATUSES:
            location = answer.get("location", "").strip()
            if not location:
                message = _("The server redirected (HTTP %(status)s) to nowhere.")
                raise BadStatus(message % {"status": status}, status)
            current = urljoin(current, location)
            continue
        if not 200 <= status < 300:
            raise BadStatus(_("The server answered HTTP %(status)s.") % {"status": status}, status)
        return Fetched(url=current, status=status, headers=answer, body=body)
    raise TooManyRedirects(_("More than %(count)s redirects.") % {"count": max_redirects})


def send(
    method: str,
    url: str,
    *,
    body: bytes = b"",
    headers: Mapping[str, str] | None = None,
    timeout: float = 10.0,
    max_bytes: int = 64 * 1024,
) -> Fetched:
    """One request with a body and headers (federation's deliveries) under the same rules
    as fetch(): no internal address, the name looked up once, one total timeout, at most
    `max_bytes` of answer. No redirect is followed (an inbox that redirects is misconfigured:
    BadStatus with the redirect's status), and the answer must be 2xx (BadStatus otherwise)."""
    method = method.upper()
    if not method.isalpha() or len(method) > 10:
        raise ValueError(f"not an HTTP method: {method[:20]!r}")
    deadline = _Deadline(timeout)
    target = parse_url(url)
    status, answer, received = _request(
        method, target, deadline, headers=headers or {}, body=body, max_bytes=max_bytes
    )
    if not 200 <= status < 300:
        raise BadStatus(_("The server answered HTTP %(status)s.") % {"status": status}, status)
    return Fetched(url=url, status=status, headers=answer, body=received)
