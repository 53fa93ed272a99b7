"""A feed box's failure is recorded in the network's language (LANGUAGE_CODE), whatever
language the task worker happens to run in: administrators read it as the network's other
messages written outside a request (emails) are written."""

from typing import Any

import pytest
from django.utils import translation

from lib.fetch import FetchError
from network import services
from network.models import SidebarBox

pytestmark = pytest.mark.django_db


def test_a_failure_is_recorded_in_the_networks_language(network, settings, monkeypatch):
    settings.LANGUAGE_CODE = "ur"
    spoken: list[str | None] = []

    def failing_fetch(url: str, **kwargs: Any) -> Any:
        spoken.append(translation.get_language())
        raise FetchError("refused")

    monkeypatch.setattr(services, "fetch", failing_fetch)
    box = SidebarBox(kind=SidebarBox.Kind.FEED, title="News", feed_url="https://n.example/f")
    box.save()
    with translation.override("en"):  # the worker's own language
        services.fetch_feed(box.pk)
        assert translation.get_language() == "en"  # and back to it afterwards
    assert spoken == ["ur"]
    box.refresh_from_db()
    assert box.last_error == "refused" and box.failed_at is not None
