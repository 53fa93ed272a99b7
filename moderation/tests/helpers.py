"""People around moderation tests."""

from typing import Any

from conftest import make_member
from members.models import Member


def make_moderator(
    name: str = "Maryam Moderator", email: str = "mod@example.org", **fields: Any
) -> Member:
    return make_member(name, email, role=Member.Role.MODERATOR, **fields)


def make_admin(name: str = "Adeel Admin", email: str = "admin@example.org") -> Member:
    return make_member(name, email, role=Member.Role.ADMIN)
