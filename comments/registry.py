"""Content types that take comments register here (in their AppConfig.ready()).

The comments app never imports them: what it needs to know about a target — who wrote it,
who may see it, whether it takes comments now, what to refresh when its comments change — it
asks the registration. A registered model has a `comment_count` field (kept by
comments.services) and a get_absolute_url(). Photos, events, discussions and wall posts join
the same way.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.http import Http404


@dataclass(frozen=True)
class Commentable:
    model: type[models.Model]
    # The target's name in addresses: /comments/<kind>/<pk>/
    kind: str
    author_id: Callable[[models.Model], int]
    can_view: Callable[[object, models.Model], bool]
    # Whether it takes new comments now (e.g. a post once published).
    is_open: Callable[[models.Model], bool]
    # The cache tag of its own page, which shows the comments.
    page_tag: Callable[[models.Model], str]
    # The tags of the other pages that show its comment count (listings); [] if none.
    count_tags: Callable[[models.Model], list[str]]

    def cache_tags(self, target: models.Model) -> list[str]:
        """Everything that changes when the target's comments change."""
        return [self.page_tag(target), *self.count_tags(target)]


_by_model: dict[type[models.Model], Commentable] = {}
_by_kind: dict[str, Commentable] = {}


def register(commentable: Commentable) -> None:
    _by_model[commentable.model] = commentable
    _by_kind[commentable.kind] = commentable


def for_model(model: type[models.Model]) -> Commentable:
    try:
        return _by_model[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered with comments") from None


def for_target(target: models.Model) -> Commentable:
    return for_model(type(target))


def for_kind(kind: str) -> Commentable:
    """The registration named in an address, or 404."""
    try:
        return _by_kind[kind]
    except KeyError:
        raise Http404 from None
