"""Shared fixtures: the network, its personas, a real SMTP server, and Chromium for browser tests.

Personas (as in Healthchecks' tests): `creator` made the network; `member` and `other_member`
are confirmed members; `unconfirmed` joined but has not confirmed the email; `visitor` is an
anonymous client.
"""

import mailbox
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client

from members.models import Member
from network.models import Network
from network.services import create_network
from tests.production.servers import free_port, stop, wait_for_port

if TYPE_CHECKING:
    from blogs.models import Post

PASSWORD = "a long test password"

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# live server thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first — those starting servers as processes, then the browser tests —
    so that at the end of a run neither xdist worker is left alone with one of them. The order
    is otherwise kept (pytest-django's, and each module's tests together)."""

    def weight(item: pytest.Item) -> int:
        if item.get_closest_marker("processes"):
            return 0
        return 1 if item.get_closest_marker("browser") else 2

    items.sort(key=weight)


@pytest.fixture
def network(db: None) -> Network:
    return create_network(
        name="Riverbend Alumni",
        tagline="Friends Across Every Border",
        creator_name="Nadia Qureshi",
        creator_email="creator@example.org",
        password=PASSWORD,
        time_zone="Asia/Karachi",
    )


@pytest.fixture
def creator(network: Network) -> Member:
    return network.creator


def make_member(name: str, email: str, *, confirmed: bool = True, **fields: Any) -> Member:
    return Member.objects.create_user(
        email, PASSWORD, display_name=name, email_confirmed=confirmed, **fields
    )


def join_data(**overrides: str) -> dict[str, str]:
    """What a visitor types into the join form."""
    return {
        "display_name": "Farah Naz",
        "email": "Farah@Example.org",
        "password1": "plenty of letters 42",
        "password2": "plenty of letters 42",
        **overrides,
    }


@pytest.fixture
def member(network: Network) -> Member:
    return make_member("Bilal Ahmed", "bilal@example.org")


@pytest.fixture
def other_member(network: Network) -> Member:
    return make_member("Charlotte Reyes", "charlotte@example.org")


@pytest.fixture
def admin_member(network: Network) -> Member:
    return make_member("Ali Administrator", "admin@example.org", role=Member.Role.ADMIN)


@pytest.fixture
def superuser(network: Network) -> Member:
    """Staff with every permission on the technical admin site (/django-admin/)."""
    return make_member("Sana Staff", "staff@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def unconfirmed(network: Network) -> Member:
    return make_member("Uzma Pending", "uzma@example.org", confirmed=False)


@pytest.fixture
def visitor(network: Network) -> Client:
    return Client()


def client_for(member: Member) -> Client:
    """A browser signed in as `member`: the session Django's sign-in would leave, written
    directly (one INSERT), without the sign-in's other work (a new session key, the
    last-login update), which the tests of signing in check through the real form."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    client = Client()
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = member._meta.pk.value_to_string(member)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


# --- A real SMTP server process ---------------------------------------------------------------


@dataclass
class SmtpServer:
    port: int
    maildir: Path

    def messages(self) -> list[Message]:
        box = mailbox.Maildir(self.maildir, create=False)
        found = sorted(
            (box.get_message(key) for key in box.iterkeys()), key=mailbox.MaildirMessage.get_date
        )
        return list[Message](found)

    def wait_for(self, to: str, count: int = 1, timeout: float = 10) -> list[Message]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [m for m in self.messages() if to in str(m["To"])]
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"no email to {to} within {timeout}s")

    def clear(self) -> None:
        mailbox.Maildir(self.maildir, create=False).clear()


def page_queries(client: Client, url: str, *, fresh: bool = True) -> int:
    """The queries a page costs; `fresh`: rendered from nothing cached (the cached parts of a
    page cost less, not more, so this is what a query-count test compares)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if fresh:
        from django.contrib.contenttypes.models import ContentType

        cache.clear()
        # The process's own memory too: which test of a process asks first for a content type
        # would otherwise pay its lookup, whatever the page.
        ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.fixture(scope="session")
def smtp_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    maildir = tmp_path_factory.mktemp("smtp") / "maildir"
    mailbox.Maildir(maildir, create=True)
    port = free_port()
    with (maildir.parent / "aiosmtpd.log").open("wb") as log:
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"),
                *("-c", "aiosmtpd.handlers.Mailbox", str(maildir)),
            ],
            stdout=log,
            stderr=log,
        )
    try:
        wait_for_port(port, proc, "aiosmtpd", timeout=10)
        yield SmtpServer(port=port, maildir=maildir)
    finally:
        stop(proc)


@pytest.fixture
def smtp(smtp_process: SmtpServer, settings: Any) -> SmtpServer:
    """Sends this test's email through the real SMTP server process, and reads what it got."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_process.port, "timeout": 10},
        }
    }
    smtp_process.clear()
    return smtp_process


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(message.get_content_charset() or "utf-8")


# --- Chromium through Playwright ----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


# --- Content ----------------------------------------------------------------------------------


def make_post(
    author: Member,
    title: str = "Reunion in Lahore",
    body: str = "We met again after **ten years**.\n\nIt was a long evening of stories.",
    *,
    publish: bool = True,
    tags: list[str] | None = None,
    links: list[Any] | None = None,
    published_at: Any = None,
) -> "Post":
    from blogs.models import Post
    from blogs.services import save_post

    post = save_post(
        Post(),
        by=author,
        title=title,
        body=body,
        tags=tags or [],
        links=links or [],
        publish=publish,
    )
    if published_at is not None:
        Post.objects.filter(pk=post.pk).update(published_at=published_at)
        post.refresh_from_db()
    return post


def png_upload(width: int, height: int, name: str = "me.png") -> Any:
    """An uploaded PNG picture, as a browser sends it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def _cache_tags_at_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A transaction's cache invalidations happen when its outermost block ends, as at a real
    commit — the transaction pytest wraps around each test never commits (lib/cachetags.py)."""
    from django.db import transaction

    from lib import cachetags

    def real(block: transaction.Atomic) -> bool:
        return not getattr(block, "_from_testcase", False)

    # Only the test's own transactions count: outside them a write is as if committed.
    monkeypatch.setattr(
        cachetags,
        "_in_transaction",
        lambda connection: any(real(block) for block in connection.atomic_blocks),
    )
    original = transaction.Atomic.__exit__

    def exit_(self: transaction.Atomic, exc_type: Any, exc: Any, tb: Any) -> Any:
        connection = transaction.get_connection(self.using)
        outermost = real(self) and not any(
            real(block) for block in connection.atomic_blocks if block is not self
        )
        if outermost and exc_type is None:
            cachetags.flush_pending()
        return original(self, exc_type, exc, tb)

    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language and time zone: a request in Urdu (or a
    member's zone) leaves the thread's language set after it, as Django's LocaleMiddleware does,
    and the next test's messages would come out in Urdu."""
    from django.utils import timezone, translation

    translation.deactivate()
    timezone.deactivate()
    yield
    translation.deactivate()
    timezone.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Rate-limit counters live in the cache; each test starts with none.
    from django.core.cache import cache

    from lib.memo import clear_all

    cache.clear()
    clear_all()
    yield
    cache.clear()
    clear_all()
