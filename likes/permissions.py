"""Who may like and unlike. docs/permissions.md has the whole matrix."""

from django.db import models

from members.permissions import can_contribute, is_member

from . import registry


def can_like(user: object, target: models.Model) -> bool:
    """Confirmed members, on what they may see and what takes likes."""
    likeable = registry.for_target(target)
    return can_contribute(user) and likeable.is_open(target) and likeable.can_view(user, target)


def can_unlike(user: object, target: models.Model) -> bool:
    """Members take back a like on anything they still see (even if it takes no new ones)."""
    return is_member(user) and registry.for_target(target).can_view(user, target)
