"""Who may shape the network. docs/permissions.md has the whole matrix."""

from members.permissions import is_admin


def can_manage_network(user: object) -> bool:
    """Settings, sidebar boxes (and, later, roles and features): the creator and administrators."""
    return is_admin(user)
