from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .services import sidebar_boxes


def network(request: HttpRequest) -> dict[str, Any]:
    return {
        "network": getattr(request, "network", None),
        # Lazy: only pages that draw the sidebar look the boxes up.
        "sidebar_boxes": SimpleLazyObject(sidebar_boxes),
        "powered_by_url": settings.POWERED_BY_URL,
    }
