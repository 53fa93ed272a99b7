"""The kinds of content that take tags, each declared by its own app in `<app>/tagging.py`
(found by TagsConfig.ready() with `autodiscover_modules("tagging")`).

A kind says how to list what a viewer may see (`visible_to`: the app's own QuerySet privacy,
asked live on every tag page, so a private group's discussion, a hidden photo or an
invited-only event never shows to someone the app's own pages would refuse) and how to show
one row (title, address, date, author). Most kinds keep their tags in tags.TaggedItem; a kind
with tags of its own (blog posts, blogs.Tag) gives `tagged` and `counts` that read them by the
same normalised key.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count
from django.utils.functional import Promise

from lib.cachetags import declare_content_lists

from .models import TaggedItem


@dataclass(frozen=True)
class Taggable:
    # The kind's name (the same as search's and features' kind keys: "discussion", "event"…).
    key: str
    # Plural, for a section heading ("Discussions"); singular beside a row ("Discussion").
    label: str | Promise
    label_one: str | Promise
    model: type[models.Model]
    # What `viewer` may open (a visitor's AnonymousUser, a member): the app's QuerySet privacy.
    visible_to: Callable[[object], models.QuerySet[Any]]
    title: Callable[[Any], str]
    url: Callable[[Any], str]
    date: Callable[[Any], datetime]
    # The field the mixed list orders this kind by (the same instant as `date`).
    date_field: str
    # The member shown as the row's author (select_related by `related`), or None.
    author: Callable[[Any], Any]
    related: tuple[str, ...] = ()
    # Own tags (blog posts): the rows tagged with `key`, and {key: (name, count)} of a queryset.
    tagged: Callable[[str], models.QuerySet[Any]] | None = None
    counts: Callable[[models.QuerySet[Any]], list[tuple[str, str, int]]] | None = None
    # The cache tags the app invalidates when one of its rows is hidden, shown, approved or
    # deleted (its lists' tag): the visitors' cached cloud follows them.
    list_tags: tuple[str, ...] = ()
    # Own tags: the name of the tag with `key`, if this kind has one.
    name_of: Callable[[str], str | None] | None = None

    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)

    def rows_tagged(self, key: str) -> models.QuerySet[Any]:
        """Every row of this kind tagged `key`, whoever may see it."""
        if self.tagged is not None:
            return self.tagged(key)
        ids = TaggedItem.objects.filter(tag__key=key, content_type=self.content_type())
        return self.model._default_manager.filter(pk__in=ids.values("object_id"))

    def tagged_ids(self, key: str) -> models.QuerySet[Any]:
        """The ids of rows_tagged(key), as a subquery: TaggedItem's object ids directly (not
        through the kind's own table)."""
        if self.tagged is not None:
            return self.tagged(key).values("pk")
        return TaggedItem.objects.filter(tag__key=key, content_type=self.content_type()).values(
            "object_id"
        )

    def tag_counts(self, viewer: object) -> list[tuple[str, str, int]]:
        """(key, name, how many rows `viewer` may see) of every tag on this kind: one query."""
        seen = self.visible_to(viewer)
        if self.counts is not None:
            return self.counts(seen)
        rows = (
            TaggedItem.objects.filter(
                content_type=self.content_type(), object_id__in=seen.values("pk")
            )
            .values_list("tag__key", "tag__name")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return [(key, name, n) for key, name, n in rows]


_by_key: dict[str, Taggable] = {}


def register(kind: Taggable) -> None:
    """Adds a kind (again: replaces it, so a second ready() is harmless)."""
    _by_key[kind.key] = kind
    # Search's cached results (a mix of every kind, as a tag page is) follow the same tags.
    declare_content_lists(*kind.list_tags)


def kinds() -> list[Taggable]:
    return list(_by_key.values())


def list_tags() -> list[str]:
    """Every kind's list cache tags."""
    return sorted({tag for kind in _by_key.values() for tag in kind.list_tags})


def for_key(key: str) -> Taggable | None:
    return _by_key.get(key)


def for_model(model: type[models.Model]) -> Taggable | None:
    for kind in _by_key.values():
        if kind.model is model:
            return kind
    return None
