"""Writing an export archive (a zip file) and reading one back, checked.

    manifest.json               format, versions, network, date, counts, every file's size and
                                SHA-256
    data/<app>.<model>.json     one kind's records: a JSON array, one record a line, by id
    media/<storage name>        the uploaded files

Everything is streamed: rows are read from the database in chunks and written as they come,
files are copied in pieces, and the reader hashes and parses a file without holding it whole.
"""

import hashlib
import json
import os
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone

from .kinds import FormatError, Names, encoder, file_names, key_of, label_of, utc_text
from .schema import check_record, schema_for

FORMAT = "anjuman-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data/"
MEDIA = "media/"
_CHUNK = 1024 * 1024
_ROWS = 1000
_MANIFEST_MAX_BYTES = 50 * 1024 * 1024

type Progress = Callable[[int, int], None]


def anjuman_version() -> str:
    try:
        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def media_storage() -> Storage:
    return storages["default"]


def all_media(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file in the media storage, by storage name, folders in name order."""
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:  # no upload yet: MEDIA_ROOT was never made
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(dirs):
        yield from all_media(storage, f"{folder}/{sub}" if folder else sub)


# --- What goes in ---------------------------------------------------------------------------

type Redact = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class Part:
    """One kind's rows in an export: which rows, and what is taken out of each record."""

    model: type[models.Model]
    rows: models.QuerySet[Any]
    redact: Redact | None = None


@dataclass
class Selection:
    scope: str  # "network" or "member"
    parts: list[Part]
    media: Callable[[set[str]], list[str]]  # given the files the records name: what to copy
    about: dict[str, Any] = field(default_factory=dict)  # e.g. {"member_id": 12}


@dataclass
class Manifest:
    scope: str
    network: str
    created_at: str
    counts: dict[str, int]
    files: list[dict[str, Any]]
    anjuman_version: str
    about: dict[str, Any] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        data = {
            "format": self.format,
            "format_version": self.format_version,
            "anjuman_version": self.anjuman_version,
            "scope": self.scope,
            "network": self.network,
            "created_at": self.created_at,
            "about": self.about,
            "counts": self.counts,
            "left_out": self.left_out,
            "files": self.files,
        }
        return json.dumps(data, indent=2, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        try:
            raw = json.loads(data)
        except ValueError as error:
            raise FormatError(f"manifest.json is not JSON ({error})") from error
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise FormatError("this is not an Anjuman export (manifest.json is not ours)")
        if raw.get("format_version") != FORMAT_VERSION:
            raise FormatError(
                f"this export has format version {raw.get('format_version')!r}; this Anjuman "
                f"reads version {FORMAT_VERSION}"
            )
        try:
            files = [
                {"path": str(f["path"]), "size": int(f["size"]), "sha256": str(f["sha256"])}
                for f in raw["files"]
            ]
            return cls(
                scope=str(raw["scope"]),
                network=str(raw["network"]),
                created_at=str(raw["created_at"]),
                counts={str(k): int(v) for k, v in raw["counts"].items()},
                files=files,
                anjuman_version=str(raw["anjuman_version"]),
                about=dict(raw.get("about") or {}),
                left_out=dict(raw.get("left_out") or {}),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise FormatError(f"manifest.json is damaged ({error!r} missing or wrong)") from error


# --- Writing --------------------------------------------------------------------------------


class _Hashing:
    """Writes through to a zip entry, counting and hashing what passes."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.hash.update(data)
        self.size += len(data)


def count_work(selection: Selection) -> int:
    """Rows to write (files are added to the total when they are known)."""
    return sum(part.rows.count() for part in selection.parts)


def write_archive(
    destination: Path, selection: Selection, *, network_name: str, progress: Progress | None = None
) -> Manifest:
    """Writes the archive to `destination` (through a partial file, readable by its owner
    only: it holds email addresses, private messages and, for a whole network, password
    hashes)."""
    from .kinds import LEFT_OUT

    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial")
    names = Names()
    total = count_work(selection)
    done = 0
    manifest = Manifest(
        scope=selection.scope,
        network=network_name,
        created_at=utc_text(timezone.now().replace(microsecond=0)),
        counts={},
        files=[],
        anjuman_version=anjuman_version(),
        about=selection.about,
        left_out=dict(LEFT_OUT) if selection.scope == "network" else {},
    )
    named_files: set[str] = set()
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            for part in selection.parts:
                label = label_of(part.model)
                path = f"{DATA}{label}.json"
                file_keys = file_names(part.model)
                encode = encoder(part.model, names)
                keys = [key_of(f) for f in part.model._meta.concrete_fields]
                count = 0
                with zf.open(path, "w", force_zip64=True) as entry:
                    out = _Hashing(entry)
                    out.write(b"[")
                    rows = part.rows.order_by("pk").values_list(*keys)
                    for row in rows.iterator(chunk_size=_ROWS):
                        record = encode(row)
                        if part.redact is not None:
                            record = part.redact(record)
                        named_files.update(record[k] for k in file_keys if record.get(k))
                        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
                        out.write(("\n" if count == 0 else ",\n").encode() + line.encode())
                        count += 1
                        done += 1
                        if progress is not None and done % _ROWS == 0:
                            progress(done, total)
                    out.write(b"\n]\n")
                manifest.counts[label] = count
                manifest.files.append(
                    {"path": path, "size": out.size, "sha256": out.hash.hexdigest()}
                )
            storage = media_storage()
            media = selection.media(named_files)
            total = done + len(media)
            for name in media:
                path = MEDIA + name
                with storage.open(name, "rb") as source, zf.open(path, "w", force_zip64=True) as e:
                    out = _Hashing(e)
                    while chunk := source.read(_CHUNK):
                        out.write(chunk)
                manifest.files.append(
                    {"path": path, "size": out.size, "sha256": out.hash.hexdigest()}
                )
                done += 1
                if progress is not None:
                    progress(done, total)
            zf.writestr(MANIFEST, manifest.to_json())
            raw.flush()
            os.fsync(raw.fileno())
        partial.replace(destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(total, total)
    return manifest


# --- Reading --------------------------------------------------------------------------------


def safe_media_name(path: str) -> str:
    """The storage name of an archive's `media/…` entry; refuses names that leave the folder."""
    name = path.removeprefix(MEDIA)
    pure = PurePosixPath(name)
    if (
        not name
        or pure.is_absolute()
        or any(part in ("..", ".", "") for part in name.split("/"))
        or "\\" in name
        or "\x00" in name
    ):
        raise FormatError(f"the archive holds a file with an unsafe name: {path!r}")
    return name


class Archive:
    """An export archive opened for reading: its manifest, and its files checked against it."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise FormatError(f"there is no file at {path}")
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as error:
            raise FormatError(f"{path} is not a readable zip archive ({error})") from error
        self.path = path
        try:
            info = self.zip.getinfo(MANIFEST)
        except KeyError as error:
            raise FormatError("the archive has no manifest.json") from error
        if info.file_size > _MANIFEST_MAX_BYTES:
            raise FormatError("manifest.json is too large to be ours")
        self.manifest = Manifest.from_json(self._read_all(MANIFEST))
        self.listed = {f["path"]: f for f in self.manifest.files}
        present = set(self.zip.namelist()) - {MANIFEST}
        for name in sorted(present - set(self.listed)):
            raise FormatError(f"the archive holds {name}, which its manifest does not list")
        for name in sorted(set(self.listed) - present):
            raise FormatError(f"the archive is missing {name} (its manifest lists it)")
        for name, listed in self.listed.items():
            if name in present and self.zip.getinfo(name).file_size != listed["size"]:
                raise FormatError(f"{name} is damaged: its size is not the manifest's")
            if name.startswith(MEDIA):
                safe_media_name(name)
            elif not (name.startswith(DATA) and name.endswith(".json") and "/" not in name[5:]):
                raise FormatError(f"the archive holds {name}, which an export never writes")

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_all(self, name: str) -> bytes:
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise FormatError(f"{name} cannot be read from the archive ({error})") from error

    def kinds(self) -> list[str]:
        return [p[len(DATA) : -len(".json")] for p in self.listed if p.startswith(DATA)]

    def media(self) -> list[str]:
        return [p for p in self.listed if p.startswith(MEDIA)]

    def open(self, name: str) -> IO[bytes]:
        try:
            return self.zip.open(name)
        except (zipfile.BadZipFile, OSError) as error:
            raise FormatError(f"{name} cannot be read from the archive ({error})") from error

    def check_sums(self, progress: Progress | None = None) -> None:
        """Every file's size and SHA-256 as the manifest says (read in pieces)."""
        total = len(self.listed)
        for number, (name, listed) in enumerate(sorted(self.listed.items()), 1):
            digest, size = hashlib.sha256(), 0
            try:
                with self.zip.open(name) as f:
                    while chunk := f.read(_CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise FormatError(f"{name} cannot be read from the archive ({error})") from error
            if size != listed["size"] or digest.hexdigest() != listed["sha256"]:
                raise FormatError(f"{name} is damaged: its checksum is not the manifest's")
            if progress is not None:
                progress(number, total)

    def records(self, label: str) -> Iterator[dict[str, Any]]:
        """The kind's records, one at a time (any JSON array is read; one record a line, as
        exports write them, without holding the file)."""
        name = f"{DATA}{label}.json"
        if name not in self.listed:
            return
        with self.open(name) as raw:
            first = raw.readline()
            if first.strip() != b"[":
                rest = raw.read()
                yield from _whole(name, first + rest)
                return
            number = 0
            for line in raw:
                text = line.strip()
                if text in (b"]", b""):
                    continue
                number += 1
                try:
                    record = json.loads(text.removesuffix(b","))
                except ValueError as error:
                    if number == 1:  # not one record a line: another program's JSON
                        break
                    raise FormatError(f"{name}, record {number}: not JSON ({error})") from error
                yield record
            else:
                return
        with self.open(name) as raw:
            yield from _whole(name, raw.read())

    def check_schema(self, model: type[models.Model]) -> int:
        """Every record of the model's kind checked against its schema; returns how many."""
        label = label_of(model)
        items = schema_for(model)["items"]
        count = 0
        for count, record in enumerate(self.records(label), 1):
            problem = check_record(record, items)
            if problem:
                raise FormatError(f"data/{label}.json, record {count}: {problem}")
        listed = self.manifest.counts.get(label)
        if listed is not None and listed != count:
            raise FormatError(
                f"data/{label}.json holds {count} records; the manifest says {listed}"
            )
        return count


def _whole(name: str, data: bytes) -> Iterator[dict[str, Any]]:
    try:
        records = json.loads(data)
    except ValueError as error:
        raise FormatError(f"{name} is not JSON ({error})") from error
    if not isinstance(records, list):
        raise FormatError(f"{name} is not a JSON array")
    yield from records
