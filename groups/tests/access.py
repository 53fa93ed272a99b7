"""The groups app's part of the access matrix (tests/test_access_matrix.py).

Every route is on one private group whose joining is by request (`world.group`); the "@public"
rows are on an open public group (`world.public_group`). The matrix's group personas:
- group_admin: made both groups, so is their (only) administrator;
- group_member: a member of both (PERSONA_SETUP);
- invited: invited to the private group, not answered yet (PERSONA_SETUP);
- requester: asked to join the private group, waiting (PERSONA_SETUP);
- member (and author, other_member…): outside both, "not invited".
The network's administrators and the creator read a private group's content and manage it,
without being in it; moderators hide and delete it but read only its teaser. The group
personas are checked on the rows that name them (every row here names those it concerns);
elsewhere they are plain members.
"""

from typing import Any

from comments.models import Comment
from comments.services import add_comment
from conftest import make_member
from groups import services
from groups.models import Group
from members.models import Member
from tests.test_access_matrix import LOGIN, REDIRECT, Cell, World, confirm_then_act, row


def _group(w: World) -> Group:
    return services.create_group(
        by=w.group_admin,
        name="Old Friends of Riverbend",
        slug="old-friends",
        description="Only for us.",
        is_private=True,
        joining=Group.Joining.REQUEST,
    )


def _public_group(w: World) -> Group:
    return services.create_group(by=w.group_admin, name="Open Circle", slug="open-circle")


def _join(w: World, member: Member) -> None:
    services.invite(w.group, member, by=w.group_admin)
    services.accept_invitation(w.group, by=member)
    services.join(w.public_group, by=member)


def _invite(w: World, member: Member) -> None:
    services.invite(w.group, member, by=w.group_admin)


def _ask_to_join(w: World, member: Member) -> None:
    services.ask_to_join(w.group, by=member)


SLUG = lambda w: {"slug": w.group.slug}  # noqa: E731
PUBLIC = lambda w: {"slug": w.public_group.slug}  # noqa: E731


def _about(persona: str) -> Any:
    def kwargs(w: World) -> dict[str, Any]:
        return {"slug": w.group.slug, "member_id": getattr(w, persona).pk}

    return kwargs


# Who manages the group: its administrator and the network's.
MANAGERS = ("group_admin", "administrator", "creator")
# Signed in, outside the private group's content: the group personas who are not in it.
WAITING = ("invited", "requester")


def managed(allowed: Cell, refused: Cell, anonymous: Cell = (LOGIN, LOGIN)) -> dict[str, Cell]:
    """The group's administrator and the network's get `allowed`; other signed-in personas —
    the group's plain member, the invited and the requester among them — `refused`."""
    return row(
        anonymous,
        signed_in=refused,
        group_member=refused,
        invited=refused,
        requester=refused,
        **dict.fromkeys(MANAGERS, allowed),
    )


def managed_post(allowed: Cell = (405, REDIRECT)) -> dict[str, Cell]:
    return managed(allowed, (405, 403), anonymous=(405, LOGIN))


POST_ONLY = row((405, LOGIN), signed_in=(405, REDIRECT))
IN_IT = {"group_admin": (200, 405), "group_member": (200, 405)}

MATRIX = {
    "groups:index": row((200, 405)),
    "groups:mine": row((LOGIN, 405), signed_in=(200, 405), **IN_IT),
    # The invitations waiting for the signed-in member (and the requests they sent).
    "groups:pending": row((LOGIN, 405), signed_in=(200, 405), invited=(200, 405),
                          requester=(200, 405)),
    "groups:create": row(
        (LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, REDIRECT)
    ),
    # A private group's page: its teaser (name, icon, description, join box) to everyone; its
    # wall and administrators to its members and the network's administrators. The join box
    # offers the invited to accept or decline, the requester to withdraw.
    "groups:detail": row((200, 405), **IN_IT, invited=(200, 405), requester=(200, 405)),
    "groups:detail@public": row((200, 405), **IN_IT),
    "groups:members": row((404, 405), admins=(200, 405), **IN_IT, invited=(404, 405),
                          requester=(404, 405)),
    # A private group's activity: as its member list — its members and the network's
    # administrators; 404 for everyone else (the invited and the requester too). GET only.
    "groups:activity": row(
        (404, 405), admins=(200, 405), **IN_IT, invited=(404, 405), requester=(404, 405)
    ),
    "groups:activity@public": row((200, 405), **IN_IT),
    "groups:members@public": row((200, 405), **IN_IT),
    "groups:edit": managed((200, REDIRECT), (403, 403)),
    # Deleting: the group's administrators and the network's moderators and up.
    "groups:delete": {**managed((200, REDIRECT), (403, 403)), "moderator": (200, REDIRECT)},
    # Hiding is the network's moderators' only, not the group's administrator's.
    "groups:hide": row((405, LOGIN), signed_in=(405, 403), moderators=(405, REDIRECT),
                       group_admin=(405, 403)),
    "groups:show": row((405, LOGIN), signed_in=(405, 403), moderators=(405, REDIRECT),
                       group_admin=(405, 403)),
    # Asking to join (the requester asking again: nothing new; the invited: accepting):
    # confirmed members; the unconfirmed are told why (400).
    "groups:join": row((405, LOGIN), unconfirmed=(405, 400), confirmed=(405, REDIRECT),
                       **dict.fromkeys(("group_member", "group_admin", *WAITING),
                                       (405, REDIRECT))),
    # Leaving: those in it; its only administrator is told to hand over first (400), those
    # not in it that they are not (400).
    "groups:leave": row((LOGIN, LOGIN), signed_in=(400, 400), group_member=(200, REDIRECT),
                        group_admin=(200, 400), invited=(400, 400), requester=(400, 400)),
    # Withdrawing one's request, declining one's invitation: nothing to say no to is no error.
    "groups:cancel_request": {**POST_ONLY, "requester": (405, REDIRECT)},
    "groups:decline_invitation": {**POST_ONLY, "invited": (405, REDIRECT)},
    # Accepting: the invited; those in it already accept again; anyone else has no invitation.
    "groups:accept_invitation": row((405, LOGIN), signed_in=(405, 400), invited=(405, REDIRECT),
                                    group_member=(405, REDIRECT), group_admin=(405, REDIRECT),
                                    requester=(405, 400)),
    # Answering requests (the requester's), inviting, removing the group member, naming
    # administrators: the group's administrator and the network's.
    "groups:requests": managed((200, 405), (403, 405), anonymous=(LOGIN, 405)),
    "groups:approve": managed_post(),
    "groups:decline": managed_post(),
    "groups:invitations": managed((200, REDIRECT), (403, 403)),
    "groups:cancel_invitation": managed_post(),
    "groups:remove_member": managed((200, REDIRECT), (403, 403)),
    "groups:promote": managed_post(),
    "groups:demote": managed_post(),
    # The private group's wall, through the comments plug-in: its members write there; the
    # network's administrators read it but are not in it (403); for everyone else it is not
    # there (404).
    "comments:create@group_wall": row((405, 404), admins=(405, 403),
                                      group_member=(405, REDIRECT), group_admin=(405, REDIRECT),
                                      invited=(405, 404), requester=(405, 404)),
    # A public group's wall: everyone reads it, its members write there.
    "comments:create@public_group_wall": row((405, 403), group_member=(405, REDIRECT),
                                             group_admin=(405, REDIRECT)),
    # A comment the group's member wrote on the wall: they, the group's administrators
    # (Commentable.can_delete_all) and the network's administrators delete it; for everyone
    # else outside a private group it is not there (404) — the network's moderators too, who
    # read only a private group's teaser (they hide or delete the group itself); in a public
    # group the moderators delete it and other members are refused.
    "comments:delete@group_wall": confirm_then_act(
        "group_member", "group_admin", "administrator", "creator",
        refused=(404, 404), invited=(404, 404), requester=(404, 404),
    ),
    "comments:delete@public_group_wall": confirm_then_act(
        "group_member", "group_admin", "moderator", "administrator", "creator",
    ),
}  # fmt: skip

KWARGS = {
    "groups:detail": SLUG,
    "groups:detail@public": PUBLIC,
    "groups:members": SLUG,
    "groups:members@public": PUBLIC,
    "groups:activity": SLUG,
    "groups:activity@public": PUBLIC,
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
    "groups:approve": _about("requester"),
    "groups:decline": _about("requester"),
    "groups:invitations": SLUG,
    "groups:cancel_invitation": _about("invited"),
    "groups:remove_member": _about("group_member"),
    "groups:promote": _about("group_member"),
    "groups:demote": _about("group_member"),
    "comments:create@group_wall": lambda w: {"kind": "group", "pk": w.group.pk},
    "comments:create@public_group_wall": lambda w: {"kind": "group", "pk": w.public_group.pk},
    "comments:delete@group_wall": lambda w: {"pk": w.group_wall_comment.pk},
    "comments:delete@public_group_wall": lambda w: {"pk": w.public_wall_comment.pk},
}


def _invitee(w: World) -> dict[str, str]:
    newcomer = make_member("Nina Newcomer", "nina@example.org")
    return {"member": str(newcomer.pk)}


POST_DATA = {
    "groups:create": lambda w: {"name": "Karachi Chapter", "slug": "", "joining": "open"},
    "groups:edit": lambda w: {"name": "Renamed", "description": "New words.", "joining": "open"},
    "groups:invitations": _invitee,
}


def _wall_comment(w: World) -> Comment:
    return add_comment(w.group, w.group_member, "Who brings the tea?")


def _public_wall_comment(w: World) -> Comment:
    return add_comment(w.public_group, w.group_member, "Who brings the biscuits?")


OBJECTS = {
    "group": _group,
    "public_group": _public_group,
    "group_wall_comment": _wall_comment,
    "public_wall_comment": _public_wall_comment,
}

# group_admin has no set-up: making the groups (above) makes them their administrator.
PERSONA_SETUP = {"group_member": _join, "invited": _invite, "requester": _ask_to_join}
