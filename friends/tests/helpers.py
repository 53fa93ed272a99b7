"""Making friends in bulk for the tests."""

from conftest import make_member
from friends import services
from members.models import Member


def befriend(a: Member, b: Member) -> None:
    services.send_request(by=a, to=b)
    services.accept(by=b, sender=a)


def friends_for(member: Member, n: int, *, start: int = 0) -> list[Member]:
    """`n` new members, each a friend of `member`."""
    made = []
    for i in range(start, start + n):
        friend = make_member(f"Friend {i:03d}", f"friend{i}@example.org")
        befriend(friend, member)
        made.append(friend)
    return made
