from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _forum_test_settings(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from forum import services

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RATELIMIT_COMMENTS = (0, 600)
    # Tests start many discussions as one member; the limit has its own test.
    monkeypatch.setattr(services, "START_LIMIT", (0, 3600))
