"""What other apps do when a member is removed, in the same transaction.

An app whose rows point at members and keep counts elsewhere (comments recount what they were
on) registers a step in its AppConfig.ready(); members.services.remove_member runs every step
before deleting the member, so `members` never imports those apps.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Member

type Step = Callable[["Member"], object]
_steps: dict[str, Step] = {}


def register(name: str, step: Step) -> None:
    _steps[name] = step


def steps() -> list[Step]:
    return list(_steps.values())
