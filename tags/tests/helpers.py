"""Tagged things of every kind, for the tags app's tests."""

from typing import Any

from django.utils import timezone

from conftest import make_member
from members.models import Member
from tags.services import set_tags
from videos.models import Video


def tag(obj: Any, *names: str) -> Any:
    set_tags(obj, names)
    return obj


def make_video(owner: Member, title: str = "Convocation film", **fields: Any) -> Video:
    return Video.objects.create(
        owner=owner,
        provider="youtube",
        video_id="dQw4w9WgXcQ",
        url="https://youtu.be/dQw4w9WgXcQ",
        title=title,
        created_at=fields.pop("created_at", timezone.now()),
        **fields,
    )


def admin_of() -> Member:
    """An administrator (who may make forum categories)."""
    found = Member.objects.filter(role=Member.Role.ADMIN).first()
    return found or make_member("Adil Admin", "adil@example.org", role=Member.Role.ADMIN)
