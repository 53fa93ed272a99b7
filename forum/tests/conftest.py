from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _forum_test_settings(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RATELIMIT_COMMENTS = (0, 600)
