"""Putting tags on items and reading them back."""

import unicodedata
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction

from lib.cachetags import invalidate
from lib.text import normalized_name

from .models import TAGS_TAG, Tag, TaggedItem

MAX_TAGS = 10
MAX_TAG_CHARS = 50


def spelled(name: str) -> str:
    """A tag's name as shown: NFC, single spaces, trimmed (case kept)."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


def parse_tags(text: str) -> list[str]:
    """“Karachi, karachi ,  Lahore” → ["Karachi", "Lahore"]: the first spelling of each key,
    empty parts dropped. Lengths and counts are checked by the form (tags.forms.TagsField)."""
    seen: dict[str, str] = {}
    for raw in text.split(","):
        name = spelled(raw)
        if name and normalized_name(name) not in seen:
            seen[normalized_name(name)] = name
    return list(seen.values())


def tag_named(name: str) -> Tag:
    """The tag called `name` up to case, spacing and normalisation, made if new (safe when two
    saves name the same new tag at once)."""
    name = spelled(name)[:MAX_TAG_CHARS]
    key = normalized_name(name)
    for _attempt in range(3):
        found = Tag.objects.filter(key=key).first()
        if found is not None:
            return found
        try:
            with transaction.atomic():
                return Tag.objects.create(name=name, key=key)
        except IntegrityError:
            continue
    return Tag.objects.get(key=key)


def tags_of(obj: models.Model) -> list[Tag]:
    """`obj`'s tags in the order they were given."""
    ct = ContentType.objects.get_for_model(obj)
    return [
        item.tag
        for item in TaggedItem.objects.filter(content_type=ct, object_id=obj.pk)
        .select_related("tag")
        .order_by("pk")
    ]


def tags_text(obj: models.Model) -> str:
    """`obj`'s tags as a form's text ("Karachi, Lahore")."""
    return ", ".join(tag.name for tag in tags_of(obj)) if obj.pk else ""


@transaction.atomic
def set_tags(obj: models.Model, names: Iterable[str]) -> list[Tag]:
    """Gives `obj` exactly the tags `names` (by key): new ones added, missing ones removed.
    The tag pages and the cloud follow (cache tag "tags")."""
    ct = ContentType.objects.get_for_model(obj)
    wanted: dict[str, str] = {}
    for name in names:
        name = spelled(name)[:MAX_TAG_CHARS]
        if name and normalized_name(name) not in wanted:
            wanted[normalized_name(name)] = name
    current = {
        item.tag.key: item
        for item in TaggedItem.objects.filter(content_type=ct, object_id=obj.pk).select_related(
            "tag"
        )
    }
    gone = [item.pk for key, item in current.items() if key not in wanted]
    added = [name for key, name in wanted.items() if key not in current]
    if gone:
        TaggedItem.objects.filter(pk__in=gone).delete()
    for name in added:
        TaggedItem.objects.get_or_create(tag=tag_named(name), content_type=ct, object_id=obj.pk)
    if gone or added:
        invalidate(TAGS_TAG)
    return tags_of(obj)


def forget(obj: models.Model) -> None:
    """Removes `obj`'s tags (the item is being deleted)."""
    ct = ContentType.objects.get_for_model(obj)
    if TaggedItem.objects.filter(content_type=ct, object_id=obj.pk).delete()[0]:
        invalidate(TAGS_TAG)
