"""Who may see and act on what was imported (docs/permissions.md)."""

from members.permissions import is_admin


def can_manage_imports(user: object) -> bool:
    """The imported members' list and their "choose your password" emails: the creator and
    administrators."""
    return is_admin(user)
