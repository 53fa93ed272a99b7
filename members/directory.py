"""What other apps add to the member directory (/members/): search and "most active".

- A **search** matcher `match(viewer, text)` gives a condition on `Member` (a `Q`) that the
  directory's search ORs with the name's, or None to add nothing (profiles: answers to the
  searchable questions the viewer may see). It must not depend on more than what `level` of
  viewer the search is for: a visitor's results are counted and cached by that level.
- An **activity** counter names rows a member wrote (published posts, comments): the
  directory's "most active" order sums, per member, the rows of every counter, counted by the
  database; `tags` are the cache tags that change when those rows do.

Apps register in their AppConfig.ready(), so `members` never imports them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce

type Match = Callable[[object, str], Q | None]


@dataclass(frozen=True)
class Activity:
    name: str
    rows: Callable[[], QuerySet[Any]]
    author_field: str
    tags: tuple[str, ...]


_matchers: dict[str, Match] = {}
_activities: dict[str, Activity] = {}


def register_search(name: str, match: Match) -> None:
    _matchers[name] = match


def register_activity(
    name: str,
    rows: Callable[[], QuerySet[Any]],
    *,
    author_field: str = "author",
    tags: Sequence[str] = (),
) -> None:
    """`rows()`: what counts as a member's activity (e.g. `Post.objects.published()`), by the
    foreign key `author_field` to `Member`."""
    _activities[name] = Activity(name, rows, author_field, tuple(tags))


def unregister(name: str) -> None:
    _matchers.pop(name, None)
    _activities.pop(name, None)


def search(viewer: object, text: str) -> Q:
    """Members whose name, or whatever an app matches, holds `text`."""
    condition = Q(display_name__icontains=text)
    for match in _matchers.values():
        extra = match(viewer, text)
        if extra is not None:
            condition |= extra
    return condition


def has_activity() -> bool:
    return bool(_activities)


def activity_tags() -> list[str]:
    return sorted({tag for activity in _activities.values() for tag in activity.tags})


def activity() -> Combinable:
    """An expression for a member's activity count (0 when no app counts any)."""
    parts: list[Combinable] = []
    for counter in _activities.values():
        counted = (
            counter.rows()
            .filter(**{counter.author_field: OuterRef("pk")})
            .order_by()
            .values(counter.author_field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        )
        parts.append(Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)))
    if not parts:
        return Value(0, output_field=IntegerField())
    return reduce(lambda a, b: a + b, parts)
