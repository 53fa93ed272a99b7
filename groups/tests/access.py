"""The groups app's part of the access matrix (tests/test_access_matrix.py).

Every route is on one private group whose joining is by request (`world.group`):
- author: made it, its administrator;
- other_member: a member of it;
- member: invited to it (an invitation not yet answered);
- friend: asked to join it (waiting);
- blocked and the network's roles: outside it. Network administrators and the creator read
  its content and manage it; moderators hide and delete it but read only its teaser.
The matrix has no group personas of its own (APP_PERSONAS): member and friend stand for the
invited and the requester here (/tmp/groups-integration.md proposes real ones).
"""

from typing import Any

from conftest import make_member
from groups import services
from groups.models import Group
from members.models import Member
from tests.test_access_matrix import LOGIN, REDIRECT, World, row


def _group(w: World) -> Group:
    group = services.create_group(
        by=w.author,
        name="Old Friends of Riverbend",
        slug="old-friends",
        description="Only for us.",
        is_private=True,
        joining=Group.Joining.REQUEST,
    )
    services.invite(group, w.other_member, by=w.author)
    services.accept_invitation(group, by=w.other_member)
    services.invite(group, w.member, by=w.author)
    return group


def _public_group(w: World) -> Group:
    return services.create_group(by=w.author, name="Open Circle", slug="open-circle")


def _ask_to_join(w: World, member: Member) -> None:
    services.ask_to_join(w.group, by=member)


SLUG = lambda w: {"slug": w.group.slug}  # noqa: E731


def _about(persona: str) -> Any:
    def kwargs(w: World) -> dict[str, Any]:
        return {"slug": w.group.slug, "member_id": getattr(w, persona).pk}

    return kwargs


def _requester(w: World) -> dict[str, Any]:
    return {"slug": w.group.slug, "member_id": w.friend.pk}


# Who manages the group: its administrator and the network's.
MANAGERS = {"author", "administrator", "creator"}
READERS = {"author", "other_member", "administrator", "creator"}


def managed(allowed: tuple[Any, Any], refused: tuple[Any, Any]) -> dict[str, tuple[Any, Any]]:
    table = row((LOGIN, LOGIN), signed_in=refused)
    return {**table, **dict.fromkeys(MANAGERS, allowed)}


POST_ONLY = row((405, LOGIN), signed_in=(405, REDIRECT))

MATRIX = {
    "groups:index": row((200, 405)),
    "groups:mine": row((LOGIN, 405), signed_in=(200, 405)),
    "groups:pending": row((LOGIN, 405), signed_in=(200, 405)),
    "groups:create": row(
        (LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, REDIRECT)
    ),
    # A private group's page: its teaser (name, icon, description, join box) to everyone.
    "groups:detail": row((200, 405)),
    "groups:detail@public": row((200, 405)),
    "groups:members": {**row((404, 405)), **dict.fromkeys(READERS, (200, 405))},
    "groups:members@public": row((200, 405)),
    "groups:edit": managed((200, REDIRECT), (403, 403)),
    "groups:delete": {
        **managed((200, REDIRECT), (403, 403)),
        "moderator": (200, REDIRECT),
    },
    "groups:hide": row((405, LOGIN), signed_in=(405, 403), moderators=(405, REDIRECT)),
    "groups:show": row((405, LOGIN), signed_in=(405, 403), moderators=(405, REDIRECT)),
    # Asking (or, for the invited, accepting): confirmed members; the unconfirmed are told why.
    "groups:join": row((405, LOGIN), unconfirmed=(405, 400), confirmed=(405, REDIRECT)),
    # Leaving: those in it (its only administrator is told to hand over first).
    "groups:leave": {
        **row((LOGIN, LOGIN), signed_in=(400, 400)),
        "other_member": (200, REDIRECT),
        "author": (200, 400),
    },
    "groups:cancel_request": POST_ONLY,
    "groups:decline_invitation": POST_ONLY,
    "groups:accept_invitation": {
        **row((405, LOGIN), signed_in=(405, 400)),
        "member": (405, REDIRECT),
        "author": (405, REDIRECT),
        "other_member": (405, REDIRECT),
    },
    "groups:requests": {**managed((200, 405), (403, 405)), "visitor": (LOGIN, 405),
                        "suspended": (LOGIN, 405)},
    "groups:approve": {**managed((405, REDIRECT), (405, 403)), "visitor": (405, LOGIN),
                       "suspended": (405, LOGIN)},
    "groups:decline": {**managed((405, REDIRECT), (405, 403)), "visitor": (405, LOGIN),
                       "suspended": (405, LOGIN)},
    "groups:invitations": managed((200, REDIRECT), (403, 403)),
    "groups:cancel_invitation": {**managed((405, REDIRECT), (405, 403)),
                                 "visitor": (405, LOGIN), "suspended": (405, LOGIN)},
    "groups:remove_member": managed((200, REDIRECT), (403, 403)),
    "groups:promote": {**managed((405, REDIRECT), (405, 403)), "visitor": (405, LOGIN),
                       "suspended": (405, LOGIN)},
    "groups:demote": {**managed((405, REDIRECT), (405, 403)), "visitor": (405, LOGIN),
                      "suspended": (405, LOGIN)},
}  # fmt: skip

PUBLIC = lambda w: {"slug": w.public_group.slug}  # noqa: E731

KWARGS = {
    "groups:detail": SLUG,
    "groups:detail@public": PUBLIC,
    "groups:members": SLUG,
    "groups:members@public": PUBLIC,
    "groups:edit": SLUG,
    "groups:delete": SLUG,
    "groups:hide": SLUG,
    "groups:show": SLUG,
    "groups:join": SLUG,
    "groups:leave": SLUG,
    "groups:cancel_request": SLUG,
    "groups:accept_invitation": SLUG,
    "groups:decline_invitation": SLUG,
    "groups:requests": SLUG,
    "groups:approve": _requester,
    "groups:decline": _requester,
    "groups:invitations": SLUG,
    "groups:cancel_invitation": _about("member"),
    "groups:remove_member": _about("other_member"),
    "groups:promote": _about("other_member"),
    "groups:demote": _about("other_member"),
}


def _invitee(w: World) -> dict[str, str]:
    newcomer = make_member("Nina Newcomer", "nina@example.org")
    return {"member": str(newcomer.pk)}


POST_DATA = {
    "groups:create": lambda w: {"name": "Karachi Chapter", "slug": "", "joining": "open"},
    "groups:edit": lambda w: {"name": "Renamed", "description": "New words.", "joining": "open"},
    "groups:invitations": _invitee,
}

OBJECTS = {"group": _group, "public_group": _public_group}

PERSONA_SETUP = {"friend": _ask_to_join}
