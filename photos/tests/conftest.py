from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    """Each test stores its photos in its own folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
