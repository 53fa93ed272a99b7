from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .sidebar import boxes_for


def network(request: HttpRequest) -> dict[str, Any]:
    return {
        "network": getattr(request, "network", None),
        # Lazy: only pages that draw the sidebar look the boxes up (network/sidebar.py).
        "sidebar_boxes": SimpleLazyObject(lambda: boxes_for(request)),
        "powered_by_url": settings.POWERED_BY_URL,
    }
