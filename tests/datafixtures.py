"""The demo network and the benchmark network, each generated once for the tests that read them.

Generating either takes seconds; many tests only read what it made. `kept_for_a_while` opens a
transaction for a module's (or a class's) tests and rolls it back when they are done; inside
it `load_demo` / `generate_benchdata` write the network once. Each test still runs in a
transaction of its own (pytest-django's `db`, a savepoint inside that one), so whatever a test
writes is gone before the next one starts, as ever.

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker):
        with kept_for_a_while(django_db_blocker):
            yield load_demo(django_db_blocker)

Also `assert_same_queries`, which a query-count test uses to compare every (page, persona) at
once and name each one that differs.
"""

import importlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from lib import events
from lib.memo import clear_all

# 20 members, 200 posts, 2,000 comments: the counts of scale 1, divided by 100.
BENCH_SCALE = "0.01"


def apps_with(check: str) -> list[str]:
    """The apps whose `<app>/tests/test_data.py` has the function `check` (`check_demo`,
    `check_benchdata`), in INSTALLED_APPS order: a new app's checks run without a list to
    update."""
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.tests.test_data")
        except ModuleNotFoundError as missing:
            if missing.name is None or not f"{config.name}.tests.test_data".startswith(
                missing.name
            ):
                raise  # the module exists and fails to import: that is an error of its own
            continue
        if hasattr(module, check):
            found.append(config.name)
    return found


@contextmanager
def kept_for_a_while(django_db_blocker: Any) -> Iterator[None]:
    """A transaction around the tests of a module or class, rolled back after the last one."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        # As a TestCase's own transaction: not a real commit for lib/cachetags (conftest.py),
        # and a `durable` block inside is allowed as in any test.
        block._from_testcase = True  # type: ignore[attr-defined]
        block.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
        # What the generation cached is of a database that is gone.
        cache.clear()
        clear_all()


@dataclass
class Demo:
    output: str
    heard: list[events.Event] = field(default_factory=list)


#: The events the demo's loaders must not send (they write activity and notifications
#: themselves): heard while the demo loads, kept in Demo.heard.
SILENT_EVENTS = ("comments.added", "likes.added", "blogs.published")


def load_demo(django_db_blocker: Any, *args: str) -> Demo:
    """`manage.py loaddemo`, listening to the events it must not send."""
    out = StringIO()
    demo = Demo(output="")
    for name in SILENT_EVENTS:
        events.subscribe(name, demo.heard.append)
    try:
        with django_db_blocker.unblock():
            call_command("loaddemo", *args, stdout=out)
    finally:
        for name in SILENT_EVENTS:
            events.unsubscribe(name, demo.heard.append)
    demo.output = out.getvalue()
    cache.clear()
    clear_all()
    return demo


@dataclass
class Bench:
    manifest: dict[str, Any]
    output: str


def generate_benchdata(django_db_blocker: Any, folder: Path) -> Bench:
    """`manage.py generatedata --scale 0.01 --manifest …`: the benchmark network, small."""
    path = folder / "manifest.json"
    out = StringIO()
    with django_db_blocker.unblock():
        call_command(
            "generatedata", "--scale", BENCH_SCALE, "--no-progress", "--manifest", str(path),
            stdout=out, stderr=out,
        )  # fmt: skip
    cache.clear()
    clear_all()
    return Bench(manifest=json.loads(path.read_text()), output=out.getvalue())


def assert_same_queries(few: Mapping[Any, int], many: Mapping[Any, int]) -> None:
    """Every (page, persona) costs as many queries with many rows as with few; the message
    names each that does not, with its two counts."""
    assert few.keys() == many.keys()
    differ = [f"{key}: {few[key]} then {many[key]}" for key in few if few[key] != many[key]]
    assert not differ, "more rows, more queries:\n" + "\n".join(differ)
