"""Who shapes the network's look (docs/permissions.md)."""

from members.permissions import is_admin, is_member


def can_change_appearance(user: object) -> bool:
    """Theme, colours and footer text: the creator and administrators."""
    return is_admin(user)


def can_change_custom_css(user: object) -> bool:
    """Custom CSS: the creator alone (issue 11)."""
    return is_member(user) and user.is_creator
