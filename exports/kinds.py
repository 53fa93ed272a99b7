"""What an export holds: one *kind* per table of Anjuman's own apps, and how a row becomes a JSON
record and back.

A kind is a model's `label_lower` ("blogs.post"), its many-to-many tables included
("blogs.post_tags"). A record has one key per column: plain fields by name, foreign keys by
their column's name with the other row's id ("author_id": 12). Dates and times are ISO-8601 in
UTC ("2025-03-28T15:30:00Z"), files are their storage name ("photos/2025/03/x.jpg", the file
itself at `media/<name>` in the archive), JSON columns are JSON. Two foreign keys are written by
what they name instead of an id, because their ids differ between installs: a content type as
"app_label.model" ("blogs.post"), a permission as "app_label.codename".

Left out (LEFT_OUT, with why): what is rebuilt, derived or belongs to this install only.
"""

import base64
import datetime as dt
import decimal
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models

# Kinds of Anjuman's apps that are not exported, and why (docs/export.md says the same).
LEFT_OUT: dict[str, str] = {
    "search.entry": "the search index: rebuilt from the rows after an import",
    "likes.likecount": "counts of likes: recounted from the likes after an import",
    "exports.exportjob": "this install's own export jobs and their archives",
    "federation.delivery": "activities on their way to other servers: a queue, like the tasks'",
}
# Django's and third parties' tables that an export needs (the rest — sessions, the task
# queue, the technical admin's log, content types and permissions made by `migrate` — stays).
EXTRA: tuple[str, ...] = ("auth.group", "auth.group_permissions")


class FormatError(Exception):
    """An archive or record that cannot be read; the message says what and where."""


def _own_app(config: Any) -> bool:
    base = Path(settings.BASE_DIR).resolve()
    path = Path(config.path).resolve()
    return path.is_relative_to(base) and "site-packages" not in path.parts


def exported_models() -> list[type[models.Model]]:
    """Every model an export holds, in an order where a row's foreign keys point to kinds
    written before it (cycles, like a category's latest discussion, are broken by name)."""
    found: dict[str, type[models.Model]] = {}
    for config in apps.get_app_configs():
        if not _own_app(config):
            continue
        for model in config.get_models(include_auto_created=True):
            label = model._meta.label_lower
            if model._meta.proxy or not model._meta.managed or label in LEFT_OUT:
                continue
            found[label] = model
    for label in EXTRA:
        model = apps.get_model(label)
        found[model._meta.label_lower] = model
    return _dependency_order(found)


def _dependency_order(found: dict[str, type[models.Model]]) -> list[type[models.Model]]:
    needs = {
        label: {
            field.related_model._meta.label_lower
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is not None
        }
        & (found.keys() - {label})
        for label, model in found.items()
    }
    ordered: list[str] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(label: str) -> None:
        if label in placed or label in visiting:
            return  # a cycle: the constraints are checked at the end of the load
        visiting.add(label)
        for other in sorted(needs[label]):
            place(other)
        visiting.discard(label)
        placed.add(label)
        ordered.append(label)

    for label in sorted(found):
        place(label)
    return [found[label] for label in ordered]


def label_of(model: type[models.Model]) -> str:
    return model._meta.label_lower


def columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.concrete_fields)


def key_of(field: models.Field[Any, Any]) -> str:
    return field.attname


def is_file(field: models.Field[Any, Any]) -> bool:
    return isinstance(field, models.FileField)


def _points_to(field: models.Field[Any, Any], model: type[models.Model]) -> bool:
    return bool(field.is_relation and field.related_model is model)


def by_name(field: models.Field[Any, Any]) -> str | None:
    """How a foreign key written by name is written: "content type" or "permission"."""
    if _points_to(field, ContentType):
        return "content type"
    if _points_to(field, Permission):
        return "permission"
    return None


# --- Writing --------------------------------------------------------------------------------


def utc_text(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


class Names:
    """Content types' and permissions' names by id, read once."""

    def __init__(self) -> None:
        self.content_types = {
            pk: f"{app}.{model}"
            for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")
        }
        self.permissions = {
            pk: f"{app}.{code}"
            for pk, app, code in Permission.objects.values_list(
                "pk", "content_type__app_label", "codename"
            )
        }


def encoder(model: type[models.Model], names: Names) -> Callable[[tuple[Any, ...]], dict[str, Any]]:
    """A function turning a row read as `values_list(*keys)` into its record."""
    fields = columns(model)
    keys = [key_of(f) for f in fields]
    convert = [_encode_value(f, names) for f in fields]

    def encode(row: tuple[Any, ...]) -> dict[str, Any]:
        return {k: None if v is None else c(v) for k, c, v in zip(keys, convert, row, strict=True)}

    return encode


def _same(value: Any) -> Any:
    return value


def _encode_value(field: models.Field[Any, Any], names: Names) -> Callable[[Any], Any]:
    named = by_name(field)
    if named == "content type":
        return lambda pk: names.content_types[pk]
    if named == "permission":
        return lambda pk: names.permissions[pk]
    if field.is_relation:
        return _same
    if isinstance(field, models.DateTimeField):
        return utc_text
    if isinstance(field, models.DateField | models.TimeField):
        return lambda value: value.isoformat()
    if isinstance(field, models.DurationField):
        return lambda value: value.total_seconds()
    if isinstance(field, models.DecimalField | models.UUIDField):
        return str
    if isinstance(field, models.BinaryField):
        return lambda value: base64.b64encode(bytes(value)).decode()
    if isinstance(field, models.FileField):
        return lambda value: str(value)
    return _same


# --- Reading --------------------------------------------------------------------------------


class Lookups:
    """Content types and permissions of this install by name, read once."""

    def __init__(self) -> None:
        self.content_types = {
            f"{app}.{model}": pk
            for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")
        }
        self.permissions = {
            f"{app}.{code}": pk
            for pk, app, code in Permission.objects.values_list(
                "pk", "content_type__app_label", "codename"
            )
        }


def decoder(model: type[models.Model], lookups: Lookups) -> Callable[[dict[str, Any]], Any]:
    """A function turning a record into an unsaved row (raises FormatError on a bad value)."""
    fields = columns(model)
    keys = [key_of(f) for f in fields]
    convert = {key_of(f): _decode_value(f, lookups) for f in fields}
    expected = set(keys)

    def decode(record: dict[str, Any]) -> models.Model:
        if not isinstance(record, dict):
            raise FormatError("a record is not a JSON object")
        if set(record) != expected:
            missing, unknown = sorted(expected - set(record)), sorted(set(record) - expected)
            raise FormatError(f"the record's fields differ (missing {missing}, unknown {unknown})")
        values: dict[str, Any] = {}
        for key in keys:
            value = record[key]
            try:
                values[key] = None if value is None else convert[key](value)
            except (ValueError, TypeError, KeyError, decimal.InvalidOperation) as error:
                raise FormatError(f"the field {key!r} holds {value!r} ({error})") from error
        return model(**values)

    return decode


def _decode_value(field: models.Field[Any, Any], lookups: Lookups) -> Callable[[Any], Any]:
    named = by_name(field)
    if named == "content type":
        return lambda name: lookups.content_types[name]
    if named == "permission":
        return lambda name: lookups.permissions[name]
    if field.is_relation:
        return _decode_value(field.target_field, lookups)  # type: ignore[attr-defined]
    if isinstance(field, models.DateTimeField):
        return _parse_datetime
    if isinstance(field, models.DateField):
        return lambda text: dt.date.fromisoformat(_text(text))
    if isinstance(field, models.TimeField):
        return lambda text: dt.time.fromisoformat(_text(text))
    if isinstance(field, models.DurationField):
        return lambda seconds: dt.timedelta(seconds=_number(seconds))
    if isinstance(field, models.DecimalField):
        return lambda text: decimal.Decimal(_text(text))
    if isinstance(field, models.UUIDField):
        return lambda text: uuid.UUID(_text(text))
    if isinstance(field, models.BinaryField):
        return lambda text: base64.b64decode(_text(text), validate=True)
    if isinstance(field, models.BooleanField):
        return _boolean
    if isinstance(field, models.IntegerField | models.AutoField):
        return _integer
    if isinstance(field, models.FloatField):
        return _number
    if isinstance(field, models.JSONField):
        return _same
    if isinstance(field, models.CharField | models.TextField | models.FileField):
        return _text
    return field.to_python


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def _parse_datetime(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(_text(value))
    if moment.tzinfo is None:
        raise ValueError("a date and time without its offset from UTC")
    return moment.astimezone(dt.UTC)


def file_names(model: type[models.Model]) -> list[str]:
    return [key_of(f) for f in columns(model) if is_file(f)]


def referenced_files(records: Iterable[dict[str, Any]], keys: list[str]) -> set[str]:
    return {r[k] for r in records for k in keys if r.get(k)}
