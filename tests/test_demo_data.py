"""The demo network, loaded once for this module, as every app expects it: each app's checks
are `check_demo()` in its own `<app>/tests/test_data.py`, run here as one test per app that
has them (each in a transaction of its own, rolled back before the next)."""

import importlib
from collections.abc import Iterator

import pytest

from tests.datafixtures import Demo, apps_with, kept_for_a_while, load_demo

APPS = apps_with("check_demo")


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: object) -> Iterator[Demo]:
    with kept_for_a_while(django_db_blocker):
        yield load_demo(django_db_blocker)


@pytest.mark.parametrize("app", APPS)
def test_the_demo_data_of(app: str, demo: Demo, db: None) -> None:
    importlib.import_module(f"{app}.tests.test_data").check_demo()
