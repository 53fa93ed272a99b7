from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .models import SidebarBox


def network(request: HttpRequest) -> dict[str, Any]:
    return {
        "network": getattr(request, "network", None),
        # Lazy: only pages that draw the sidebar run the query.
        "sidebar_boxes": SidebarBox.objects.all(),
        "powered_by_url": settings.POWERED_BY_URL,
    }
