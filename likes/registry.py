"""Things that may be liked register here (in their AppConfig.ready()).

The likes app never imports them: what it needs to know about a target — who may see it,
whether it takes likes now, whose it is, where it lives, which cached pages show its count —
it asks the registration. Posts and comments register now; photos, discussions and wall
comments join the same way.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.http import Http404


def _always(target: models.Model) -> bool:
    return True


@dataclass(frozen=True)
class Likeable:
    model: type[models.Model]
    # The target's name in addresses: /likes/<kind>/<pk>/
    kind: str
    can_view: Callable[[object, models.Model], bool]
    # Whose it is (the member a like notification will go to).
    owner_id: Callable[[models.Model], int | None]
    # Where it is shown: a like without JavaScript comes back here; the "liked by" page links it.
    url: Callable[[models.Model], str]
    # The cache tags of the pages that show its like count. A like or unlike invalidates them,
    # and whatever shows the count depends on them ({% like_button %}, {% like_count %} and
    # the comment list do that themselves), so a like refreshes exactly those pages.
    count_tags: Callable[[models.Model], list[str]]
    # Whether it takes likes now (a post once published, a comment unless hidden).
    is_open: Callable[[models.Model], bool] = field(default=_always)


_by_model: dict[type[models.Model], Likeable] = {}
_by_kind: dict[str, Likeable] = {}


def register(likeable: Likeable) -> None:
    _by_model[likeable.model] = likeable
    _by_kind[likeable.kind] = likeable


def for_model(model: type[models.Model]) -> Likeable:
    try:
        return _by_model[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered with likes") from None


def for_target(target: models.Model) -> Likeable:
    return for_model(type(target))


def for_kind(kind: str) -> Likeable:
    """The registration named in an address, or 404."""
    try:
        return _by_kind[kind]
    except KeyError:
        raise Http404 from None


def registered_kind(kind: str) -> Likeable | None:
    return _by_kind.get(kind)


def registered() -> list[Likeable]:
    return list(_by_kind.values())
