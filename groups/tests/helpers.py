"""What the groups tests share: groups made through the service, as members make them."""

from typing import Any

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
