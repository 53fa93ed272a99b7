"""Who may change how people come in, see who waits, and invite (docs/permissions.md)."""

from typing import TYPE_CHECKING

from members.models import Member
from members.permissions import can_contribute, is_admin

if TYPE_CHECKING:
    from network.models import Network

    from .models import Invitation


def can_manage_access(user: object) -> bool:
    """Administrators and the creator: privacy, joining, the pending members."""
    return is_admin(user)


def can_invite(user: object, network: "Network") -> bool:
    """Administrators always; confirmed members when the creator lets members invite."""
    return is_admin(user) or (network.members_may_invite and can_contribute(user))


def can_manage_invitation(user: object, invitation: "Invitation") -> bool:
    """Resend or cancel: administrators any invitation, a member their own."""
    if is_admin(user):
        return True
    return (
        isinstance(user, Member) and can_contribute(user) and (invitation.invited_by_id == user.pk)
    )


def lets_in_directly(user: object) -> bool:
    """Whose invitations need no approval: administrators' and the creator's. A member's
    invitation on a network that approves members still waits for an administrator."""
    return is_admin(user)
