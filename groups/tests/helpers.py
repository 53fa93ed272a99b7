"""What the groups tests share: groups made through the service, as members make them."""

from typing import Any

from conftest import make_member
from groups import services
from groups.models import Group
from members.models import Member


def make_group(
    creator: Member,
    name: str = "Class of 2005",
    *,
    private: bool = False,
    joining: str = Group.Joining.OPEN,
    slug: str = "",
    **fields: Any,
) -> Group:
    return services.create_group(
        by=creator,
        name=name,
        slug=slug or name.lower().replace(" ", "-"),
        description=fields.pop("description", "We met in **2005**."),
        is_private=private,
        joining=joining,
        **fields,
    )


def add(group: Group, *members: Member) -> None:
    """Members joined, whatever the group's joining (the administrators let them in)."""
    admin = group.memberships.filter(role="admin").first()
    assert admin is not None
    for member in members:
        if group.joining == Group.Joining.OPEN:
            services.join(group, by=member)
        else:
            services.invite(group, member, by=admin.member)
            services.accept_invitation(group, by=member)


def people_around(network: Any, admin: Member, member: Member) -> dict[str, Member]:
    """The personas of the groups' privacy tests: the group's administrator and member as
    given, and one new member for each other standing (the network's roles included). Making
    them in or out of a group is each test's own."""
    return {
        "group admin": admin,
        "group member": member,
        "left": make_member("Laila Left", "laila@example.org"),
        "removed": make_member("Rafi Removed", "rafi@example.org"),
        "invited": make_member("Imran Invited", "imran@example.org"),
        "requester": make_member("Rubina Requester", "rubina@example.org"),
        "suspended": make_member("Sami Suspended", "sami@example.org"),
        "outsider": make_member("Omar Outsider", "omar@example.org"),
        "moderator": make_member("Musa Moderator", "musa@example.org", role="moderator"),
        "administrator": make_member("Ali Admin", "ali@example.org", role="admin"),
        "creator": network.creator,
    }
