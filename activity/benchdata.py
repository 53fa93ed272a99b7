"""Latest Activity for the benchmark network (manage.py generatedata): the entries the events
would have written for what the other apps generated — a join for each confirmed member, a
line for each published post, each comment (on a post, or on a member's wall) and each
friendship: about 232,000 entries at scale 1.

Written once every app has generated (ctx.later): the comments of apps after this one (walls)
are there by then. The manifest names the stream pages the benchmark reads.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.urls import reverse

from comments import registry as comments
from comments.models import Comment
from friends.models import Friendship
from lib.datagen import Context
from members.models import Member

from . import kinds, registry, targets
from .models import Entry


@dataclass(frozen=True)
class Published:
    """A published post as the stream needs it."""

    pk: int
    at: dt.datetime
    author: int
    hidden: bool = False


def generate(ctx: Context) -> None:
    ctx.later(lambda: _generate(ctx))


def _generate(ctx: Context) -> None:
    posts = [Published(p.pk, p.at, p.owner) for p in ctx.made.get("posts", []) if p.owner]
    joined = [(m.pk, m.at) for m in ctx.made.get("contributors", [])]
    total = len(joined) + len(posts) + Comment.objects.count() + Friendship.objects.count()
    ids = ctx.bulk_create("activity", Entry, entries(joined=joined, posts=posts), total=total)
    ctx.manifest.setdefault("counts", {})["activity entries"] = len(ids)
    ctx.manifest["activity"] = {
        "path": reverse("activity:everyone"),
        "friends_path": reverse("activity:friends"),
    }
    if "friends" in ctx.manifest:
        handle = ctx.manifest["friends"]["handle"]
        ctx.manifest["activity"]["member_path"] = reverse("activity:member", args=[handle])


def post_model() -> type[models.Model] | None:
    """The blog post model, as the comments plug-in knows it (activity does not import blogs)."""
    try:
        return comments.for_kind("post").model
    except Http404:  # no blogs on this network
        return None


def entries(
    *, joined: Iterable[tuple[int, dt.datetime]], posts: list[Published]
) -> Iterator[Entry]:
    """The entries for these joins and posts, every comment and every friendship, oldest
    first within each kind."""
    member_type = ContentType.objects.get_for_model(Member)
    for pk, at in joined:
        yield Entry(
            kind=kinds.JOINED.event,
            actor_id=pk,
            target_type=member_type,
            target_id=pk,
            created_at=at,
        )
    model = post_model()
    owners: dict[tuple[int, int], int] = {}
    if model is not None:
        post_type = ContentType.objects.get_for_model(model)
        for post in posts:
            owners[post_type.pk, post.pk] = post.author
            yield Entry(
                kind=kinds.PUBLISHED.event,
                actor_id=post.author,
                owner_id=post.author,
                target_type=post_type,
                target_id=post.pk,
                on_type=post_type,
                on_id=post.pk,
                created_at=post.at,
                hidden=post.hidden,
            )
    yield from _comments(owners, member_type)
    for low, high, at in Friendship.objects.values_list("low_id", "high_id", "created_at"):
        yield Entry(
            kind=kinds.BEFRIENDED.event,
            actor_id=high,
            subject_id=low,
            target_type=member_type,
            target_id=low,
            created_at=at,
        )


def _comments(owners: dict[tuple[int, int], int], member_type: ContentType) -> Iterator[Entry]:
    comment_type = ContentType.objects.get_for_model(Comment)
    walls = _owners_of_others(owners, member_type)
    places = _places_of_commented()
    rows = Comment.objects.order_by("created_at", "id").values_list(
        "pk", "content_type_id", "object_id", "author_id", "created_at", "hidden_at"
    )
    for pk, type_id, object_id, author, at, hidden_at in rows.iterator(chunk_size=5000):
        owner = object_id if type_id == member_type.pk else owners.get((type_id, object_id))
        place_type, place_id = places.get((type_id, object_id), (None, None))
        yield Entry(
            place_type_id=place_type,
            place_id=place_id,
            kind=kinds.COMMENTED.event,
            actor_id=author,
            # On a wall: its member's page tells it too.
            subject_id=owner if type_id in walls else None,
            owner_id=owner,
            target_type=comment_type,
            target_id=pk,
            on_type_id=type_id,
            on_id=object_id,
            created_at=at,
            hidden=hidden_at is not None,
        )


def _owners_of_others(owners: dict[tuple[int, int], int], member_type: ContentType) -> set[int]:
    """Who wrote what the comments are on, for what `owners` does not know yet (the
    registrations say: walls, drafts' comments, later photos…); returns the content types
    that are members' walls."""
    walls = {member_type.pk}
    wanted: dict[int, set[int]] = {}
    pairs = Comment.objects.order_by().values_list("content_type_id", "object_id").distinct()
    for type_id, object_id in pairs:
        if type_id != member_type.pk and (type_id, object_id) not in owners:
            wanted.setdefault(type_id, set()).add(object_id)
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        registration = comments.for_model(model)
        if registration.kind == targets.WALL:
            walls.add(type_id)
        long = [f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)]
        for obj in model._default_manager.filter(pk__in=list(ids)).defer(*long).iterator():
            owners[type_id, obj.pk] = registration.author_id(obj)
    return walls


def _places_of_commented() -> dict[tuple[int, int], tuple[int, int]]:
    """Where each commented thing is, for the models that have places (a group's wall, a
    group's discussions: registry.register_place): (type, id) → (place type, place id)."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    models_with_places = registry.place_models()
    if not models_with_places:
        return found
    wanted: dict[int, set[int]] = {}
    pairs = Comment.objects.order_by().values_list("content_type_id", "object_id").distinct()
    types = {ContentType.objects.get_for_model(m).pk: m for m in models_with_places}
    for type_id, object_id in pairs:
        if type_id in types:
            wanted.setdefault(type_id, set()).add(object_id)
    for type_id, ids in wanted.items():
        model = types[type_id]
        long = [f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)]
        for obj in model._default_manager.filter(pk__in=list(ids)).defer(*long).iterator():
            place = registry.place_of(obj)
            if place is not None:
                place_type = ContentType.objects.get_for_model(place).pk
                found[type_id, obj.pk] = (place_type, place.pk)
    return found
