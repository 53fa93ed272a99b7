"""Who sees the network's analytics. docs/permissions.md has the whole matrix."""

from members.permissions import is_admin


def can_view_analytics(user: object) -> bool:
    """The creator and administrators: the figures of the whole network, its top content and
    its most active members."""
    return is_admin(user)
