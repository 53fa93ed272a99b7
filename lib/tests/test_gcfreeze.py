import gc
from collections.abc import Iterator

import pytest
from django.core.signals import request_finished

from lib.gcfreeze import freeze_after_warm_up

# request_finished also runs Django's close_old_connections, which looks at the database
# connection an earlier test in this process opened.
pytestmark = pytest.mark.django_db


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()
    request_finished.disconnect(dispatch_uid="lib.gcfreeze.after_warm_up")


def walked(obj: object) -> bool:
    """Whether the collector's generations hold obj (a frozen object is in none)."""
    return any(o is obj for o in gc.get_objects())


def test_the_loaded_application_is_frozen_then_what_the_first_requests_loaded(
    unfrozen: None,
) -> None:
    loaded = [["a module's object"]]
    freeze_after_warm_up(requests=3)
    assert gc.get_freeze_count() > 1000  # the modules: Django's, the project's, the tests'
    assert not walked(loaded)

    loaded_lazily = [["a compiled template"]]
    request_finished.send(sender=None)
    request_finished.send(sender=None)
    assert walked(loaded_lazily)
    request_finished.send(sender=None)
    assert not walked(loaded_lazily)

    # Once only: what later requests make stays with the collector.
    later = [["a request's object"]]
    request_finished.send(sender=None)
    assert walked(later)
