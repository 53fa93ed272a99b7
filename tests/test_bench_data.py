"""The benchmark network (`generatedata --scale 0.01`), generated once for this module, as
every app expects it: each app's checks are `check_benchdata(manifest)` in its own
`<app>/tests/test_data.py`, run here as one test per app that has them (each in a transaction
of its own, rolled back before the next)."""

import importlib
from collections.abc import Iterator

import pytest

from tests.datafixtures import Bench, apps_with, generate_benchdata, kept_for_a_while

APPS = apps_with("check_benchdata")


@pytest.fixture(scope="module")
def bench(
    django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Bench]:
    with kept_for_a_while(django_db_blocker):
        yield generate_benchdata(django_db_blocker, tmp_path_factory.mktemp("bench"))


@pytest.mark.parametrize("app", APPS)
def test_the_benchmark_data_of(app: str, bench: Bench, db: None) -> None:
    importlib.import_module(f"{app}.tests.test_data").check_benchdata(bench.manifest)
