"""What other apps do when a member goes, in the same transaction.

Two ways to go, two lists of steps, each filled in the apps' AppConfig.ready() so that
`members` never imports those apps:

- **Removal** (`register`): the member and everything they wrote are deleted (the admin site,
  or a member leaving with their content: members.services.remove_member). An app whose rows
  point at members and keep counts elsewhere (comments recount what they were on) registers a
  step; every step runs before the member is deleted.
- **Leaving with their content kept** (`register_leaving`): the member's posts and comments
  stay, shown as by "a former member", and the `Member` row stays as their author with
  everything personal erased (members.services.leave). An app registers a step that deletes
  what is the member's own and is not content others read: their friendships, their profile
  answers, their notifications, the drafts nobody else saw. Content stays, and so do the
  counts it makes (a post's comments, a comment's likes). Steps run before members erases the
  member's own fields; the member is still as they were.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Member

type Step = Callable[["Member"], object]
_steps: dict[str, Step] = {}
_leaving_steps: dict[str, Step] = {}


def register(name: str, step: Step) -> None:
    _steps[name] = step


def steps() -> list[Step]:
    return list(_steps.values())


def register_leaving(name: str, step: Step) -> None:
    """`step(member)` erases the app's rows of a member who leaves and keeps their content."""
    _leaving_steps[name] = step


def unregister_leaving(name: str) -> None:
    _leaving_steps.pop(name, None)


def leaving_steps() -> list[Step]:
    return list(_leaving_steps.values())
