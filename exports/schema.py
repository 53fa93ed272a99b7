"""A JSON Schema (draft 2020-12) per kind, made from the models: what `data/<kind>.json` holds.

The files under exports/schema/ are made by `manage.py export_schema` and committed; a test fails
when a model changed and they were not made again. `check_record` is the same schema checked in
plain Python (the `jsonschema` package is a development tool only), for `import_network`."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.db import models

from .kinds import by_name, columns, exported_models, is_file, key_of, label_of

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = Path(__file__).resolve().parent / "schema"
REGENERATE = ".venv/bin/python manage.py export_schema"


def field_schema(field: models.Field[Any, Any]) -> dict[str, Any]:
    named = by_name(field)
    spec: dict[str, Any]
    if named == "content type":
        spec = {"type": "string", "description": "a content type, as app_label.model"}
    elif named == "permission":
        spec = {"type": "string", "description": "a permission, as app_label.codename"}
    elif field.is_relation:
        assert field.related_model is not None
        target = field.related_model._meta.label_lower
        spec = {**_value_schema(field.target_field), "description": f"id of a {target}"}  # type: ignore[attr-defined]
    else:
        spec = _value_schema(field)
        if field.choices and not isinstance(field, models.BooleanField):
            spec["enum"] = [value for value, _label in field.flatchoices]
            if field.blank and "" not in spec["enum"] and spec.get("type") == "string":
                spec["enum"].append("")  # a choice left empty
    if field.null:
        if "type" in spec:
            spec["type"] = [spec["type"], "null"]
        if "enum" in spec:
            spec["enum"] = [*spec["enum"], None]
    return spec


def _value_schema(field: models.Field[Any, Any]) -> dict[str, Any]:
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, models.TimeField):
        return {"type": "string", "format": "time"}
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, models.IntegerField | models.AutoField):
        return {"type": "integer"}
    if isinstance(field, models.FloatField | models.DurationField):
        return {"type": "number"}
    if isinstance(field, models.DecimalField):
        return {"type": "string", "description": "a decimal number"}
    if isinstance(field, models.UUIDField):
        return {"type": "string", "format": "uuid"}
    if isinstance(field, models.BinaryField):
        return {"type": "string", "contentEncoding": "base64"}
    if isinstance(field, models.JSONField):
        return {}
    if is_file(field):
        return {
            "type": "string",
            "maxLength": field.max_length,
            "description": "the file's storage name: media/<name> in the archive, or empty",
        }
    spec: dict[str, Any] = {"type": "string"}
    if isinstance(field, models.CharField) and field.max_length:
        spec["maxLength"] = field.max_length
    return spec


def schema_for(model: type[models.Model]) -> dict[str, Any]:
    label = label_of(model)
    fields = columns(model)
    return {
        "$schema": DRAFT,
        "$id": f"urn:anjuman:export:{label}",
        "title": label,
        "description": f"data/{label}.json: every row of {model._meta.db_table}, by id",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {key_of(f): field_schema(f) for f in fields},
            "required": [key_of(f) for f in fields],
            "additionalProperties": False,
        },
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    return {label_of(m): schema_for(m) for m in exported_models()}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path = FOLDER) -> list[Path]:
    """Writes one file per kind, and removes those of kinds that are gone."""
    folder.mkdir(parents=True, exist_ok=True)
    schemas = all_schemas()
    written = []
    for label, schema in schemas.items():
        path = folder / f"{label}.json"
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    for old in folder.glob("*.json"):
        if old.stem not in schemas:
            old.unlink()
    return written


# --- The same schema, checked in Python -------------------------------------------------------

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def check_record(record: Any, items: dict[str, Any]) -> str | None:
    """What is wrong with `record` under a kind's `items` schema, or None. Knows the keywords
    schema_for writes: type, required, additionalProperties, maxLength, enum, format."""
    if not isinstance(record, dict):
        return "not a JSON object"
    properties: dict[str, Any] = items["properties"]
    missing = [k for k in items["required"] if k not in record]
    if missing:
        return f"missing {', '.join(missing)}"
    unknown = [k for k in record if k not in properties]
    if unknown:
        return f"unknown fields {', '.join(unknown)}"
    for key, spec in properties.items():
        problem = _check_value(record[key], spec)
        if problem:
            return f"{key}: {problem}"
    return None


def _check_value(value: Any, spec: dict[str, Any]) -> str | None:
    types = spec.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        fits = any(
            isinstance(value, _TYPES[name])
            and not (name in ("integer", "number") and isinstance(value, bool))
            for name in names
        )
        if not fits:
            return f"{value!r} is not {' or '.join(names)}"
    if "enum" in spec and value not in spec["enum"]:
        return f"{value!r} is not one of {spec['enum']}"
    if isinstance(value, str):
        if "maxLength" in spec and len(value) > spec["maxLength"]:
            return f"longer than {spec['maxLength']} characters"
        kind = spec.get("format")
        try:
            if kind == "date-time":
                moment = dt.datetime.fromisoformat(value)
                if moment.tzinfo is None:
                    return f"{value!r} has no offset from UTC"
            elif kind == "date":
                dt.date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a {kind}"
    return None
