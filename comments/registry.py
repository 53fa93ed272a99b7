"""Content types that take comments register here (in their AppConfig.ready()).

The comments app never imports them: what it needs to know about a target — who wrote it,
who may see it, whether it takes comments now, what to refresh when its comments change — it
asks the registration. A registered model has a `comment_count` field (kept by
comments.services: every comment shown, replies included, hidden ones not) and a
get_absolute_url() (its page, which shows `{% comments target %}`). Blog posts and members'
walls are registered; photos, events and discussions join the same way, and get replies,
likes, hiding and deleting with no change of their own.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.db import models
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


def _nobody(user: object, target: models.Model) -> Collection[int]:
    return ()


COMMENT_HEADING = _("Comment")


def _anyone(user: object, target: models.Model) -> bool:
    return True


def _no_one_else(user: object, target: models.Model) -> bool:
    return False


@dataclass(frozen=True)
class Commentable:
    model: type[models.Model]
    # The target's name in addresses: /comments/<kind>/<pk>/
    kind: str
    # Whose it is (a post's author, a wall's member): they delete any comment on it, as
    # moderators and administrators do (permissions.can_delete_all_comments).
    author_id: Callable[[models.Model], int]
    can_view: Callable[[object, models.Model], bool]
    # Whether it takes new comments now (e.g. a post once published).
    is_open: Callable[[models.Model], bool]
    # The cache tag of its own page, which shows the comments.
    page_tag: Callable[[models.Model], str]
    # The tags of the other pages that show its comment count (listings); [] if none.
    count_tags: Callable[[models.Model], list[str]]
    # Members whose comments `user` does not see on the target (those blocked either way, on a
    # wall). They see no comment of theirs and reply to none; and if the target's owner is
    # one of them, `user` may not comment on it at all. Asked once per page.
    hidden_authors: Callable[[object, models.Model], Collection[int]] = _nobody
    # The target by its primary key (for /comments/<kind>/<pk>/), or None: 404. By default
    # the model's row; a wall makes its row the first time someone writes on it.
    find: Callable[[int], models.Model | None] | None = None
    # The heading of its comment section.
    heading: str | Promise = COMMENT_HEADING
    # Who may write there, beyond the rules for every target (a confirmed member, on what they
    # see and what is open): a group's wall and its discussions take only its members.
    can_write: Callable[[object, models.Model], bool] = _anyone
    # The target's own app tells its followers of new comments (the forum: the starter and the
    # repliers follow): the notifications app then leaves out the owner's "commented on your
    # post" and everyone's "also commented".
    tells_own_followers: bool = False
    # Who else deletes any comment on it, beyond its owner and the network's moderators and
    # administrators (who always may): a group's administrators, on its wall and in its
    # discussions. They see the Delete link on every comment there.
    can_delete_all: Callable[[object, models.Model], bool] = _no_one_else

    def cache_tags(self, target: models.Model) -> list[str]:
        """Everything that changes when the target's comments change."""
        return [self.page_tag(target), *self.count_tags(target)]

    def get(self, pk: int) -> models.Model | None:
        if self.find is not None:
            return self.find(pk)
        return self.model._default_manager.filter(pk=pk).first()


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
