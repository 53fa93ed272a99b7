"""Reading an export archive back in tests: its manifest, its records by kind and id, its files."""

import json
import zipfile
from pathlib import Path
from typing import Any


def contents(
    path: Path,
) -> tuple[dict[str, Any], dict[str, dict[Any, dict[str, Any]]], dict[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        records: dict[str, dict[Any, dict[str, Any]]] = {}
        files: dict[str, bytes] = {}
        for name in zf.namelist():
            if name.startswith("data/"):
                rows = json.loads(zf.read(name))
                label = name.removeprefix("data/").removesuffix(".json")
                records[label] = {_key(r): r for r in rows}
            elif name.startswith("media/"):
                files[name] = zf.read(name)
    return manifest, records, files


def _key(record: dict[str, Any]) -> Any:
    if "id" in record:
        return record["id"]
    return tuple(sorted((k, str(v)) for k, v in record.items() if k.endswith("_id")))


def differences(
    a: dict[str, dict[Any, dict[str, Any]]], b: dict[str, dict[Any, dict[str, Any]]]
) -> list[str]:
    """Every kind, record and field that differs between two archives' records (at most 20)."""
    found: list[str] = []
    for label in sorted(set(a) | set(b)):
        left, right = a.get(label, {}), b.get(label, {})
        for key in sorted(set(left) ^ set(right), key=str):
            found.append(f"{label} {key}: in one archive only")
        for key in sorted(set(left) & set(right), key=str):
            for field in sorted(set(left[key]) | set(right[key])):
                if left[key].get(field) != right[key].get(field):
                    found.append(
                        f"{label} {key} {field}: {left[key].get(field)!r} != "
                        f"{right[key].get(field)!r}"
                    )
    return found[:20]
