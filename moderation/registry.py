"""What can be reported and moderated: content apps register their models here (in their
AppConfig.ready()); moderation never imports them (the declared layers: content apps sit above
moderation). Comments and members, which sit below, are registered by moderation itself.

A registration says which feature the kind belongs to (moderators may be scoped to features:
members.permissions.moderates), how the app hides, shows and deletes one (its own services,
which invalidate what showed it: hidden content disappears from every page, list, activity
entry, notification and feed at once), who wrote it, how it is named and where it lives, and
who may see it (a reporter reports only what they see).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django.db import models
from django.utils.functional import Promise

from members.models import Member

type Action = Callable[[models.Model, Member], None]
type Delete = Callable[[models.Model, Member | None], None]


@dataclass(frozen=True)
class Kind:
    # Its name in addresses: /report/<kind>/<pk>/ (the model's name: "post", "discussion").
    key: str
    model: type[models.Model]
    # The feature key moderators' scopes name ("blogs", "forum", "comments", "members"…).
    feature: str
    # What one is called ("post", "discussion"), for pages.
    label: str | Promise
    # The app's own services (they check `by` and invalidate); None: not possible.
    hide: Action | None
    show: Action | None
    # `by` None: the system (a suspension deleting the member's content), not checked again.
    delete: Delete | None
    # The field naming who wrote it ("author", "owner", "organiser"; "" for members).
    author: str
    title: Callable[[models.Model], str]
    url: Callable[[models.Model], str]
    # Whether `user` sees it (they may only report what they see).
    can_view: Callable[[object, models.Model], bool]
    # Whether a suspension "with their content" deletes the author's rows of this kind.
    goes_with_author: bool = True
    # Approval (moderation/approval.py): the rows waiting, and how the app approves (publishes)
    # and rejects (back to its author's draft) one; None where the kind has no approval.
    pending: "Callable[[], models.QuerySet[Any]] | None" = None
    approve: Action | None = None
    reject: Action | None = None
    # What the queue reads along with a page of them (for `title` and `url`), in bulk.
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()

    def get(self, pk: int) -> models.Model | None:
        return self.model._default_manager.filter(pk=pk).first()

    def fetch(self, pks: list[int]) -> dict[int, models.Model]:
        """Rows by primary key with their authors (and what `title` and `url` read)."""
        rows = self.model._default_manager.filter(pk__in=pks)
        related = [self.author, *self.select_related] if self.author else self.select_related
        if related:
            rows = rows.select_related(*related)
        if self.prefetch_related:
            rows = rows.prefetch_related(*self.prefetch_related)
        return {int(row.pk): row for row in rows}

    def author_of(self, obj: models.Model) -> Member | None:
        if not self.author:
            return obj if isinstance(obj, Member) else None
        author = getattr(obj, self.author, None)
        return author if isinstance(author, Member) else None

    def author_id_of(self, obj: models.Model) -> int | None:
        if not self.author:
            return int(obj.pk)
        value: object = getattr(obj, f"{self.author}_id", None)
        return value if isinstance(value, int) else None

    def is_pending(self, obj: models.Model) -> bool:
        return self.pending is not None and self.pending().filter(pk=obj.pk).exists()

    def is_hidden(self, obj: models.Model) -> bool:
        return getattr(obj, "hidden_at", None) is not None


_kinds: dict[str, Kind] = {}
_by_model: dict[type[models.Model], Kind] = {}


def _default_can_view(model: type[models.Model]) -> Callable[[object, models.Model], bool]:
    def can_view(user: object, obj: models.Model) -> bool:
        manager = model._default_manager
        visible_to = getattr(manager, "visible_to", None)
        if visible_to is None:
            return True
        return bool(visible_to(user).filter(pk=obj.pk).exists())

    return can_view


def register[M: models.Model](
    model: type[M],
    *,
    feature: str,
    hide: Callable[[M, Member], None] | None,
    show: Callable[[M, Member], None] | None,
    delete: Callable[[M, Member | None], None] | None,
    author: str,
    title: Callable[[M], str] = str,
    url: Callable[[M], str] | None = None,
    can_view: Callable[[object, M], bool] | None = None,
    label: str | Promise | None = None,
    key: str | None = None,
    goes_with_author: bool = True,
    select_related: tuple[str, ...] = (),
    prefetch_related: tuple[str, ...] = (),
    pending: "Callable[[], models.QuerySet[M]] | None" = None,
    approve: Callable[[M, Member], None] | None = None,
    reject: Callable[[M, Member], None] | None = None,
) -> Kind:
    """Makes `model` reportable and moderatable (see Kind). Registering again replaces."""
    kind = Kind(
        key=key or model._meta.model_name or model.__name__.lower(),
        model=model,
        feature=feature,
        label=label if label is not None else str(model._meta.verbose_name),
        hide=cast(Action | None, hide),
        show=cast(Action | None, show),
        delete=cast(Delete | None, delete),
        author=author,
        title=cast(Callable[[models.Model], str], title),
        url=cast(Callable[[models.Model], str], url or _absolute_url),
        can_view=cast(Callable[[object, models.Model], bool], can_view or _default_can_view(model)),
        goes_with_author=goes_with_author,
        select_related=select_related,
        prefetch_related=prefetch_related,
        pending=cast("Callable[[], models.QuerySet[Any]] | None", pending),
        approve=cast(Action | None, approve),
        reject=cast(Action | None, reject),
    )
    _kinds[kind.key] = kind
    _by_model[model] = kind
    return kind


def _absolute_url(obj: models.Model) -> str:
    get = getattr(obj, "get_absolute_url", None)
    return str(get()) if get is not None else ""


def unregister(key: str) -> None:
    kind = _kinds.pop(key, None)
    if kind is not None:
        _by_model.pop(kind.model, None)


def kinds() -> list[Kind]:
    return list(_kinds.values())


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def kind_of(obj: models.Model | type[models.Model]) -> Kind | None:
    model = obj if isinstance(obj, type) else type(obj)
    return _by_model.get(model)


def lookup(key: str, pk: int) -> tuple[Kind, models.Model] | None:
    """The registered kind named `key` and its row `pk`, or None."""
    kind = _kinds.get(key)
    if kind is None:
        return None
    obj = kind.get(pk)
    return None if obj is None else (kind, obj)
