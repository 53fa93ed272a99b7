"""What a discussion may carry: pictures and a few kinds of document, each checked by its
content, not by the name or type the browser sent.

- Pictures (PNG, JPEG, GIF, WebP) are decoded by Pillow, turned upright, bounded in size and
  encoded again (lib.pictures.reencoded): no camera or GPS metadata, nothing hidden after the
  pixels. A file named .png that Pillow cannot read is refused.
- Documents: PDF (its signature), plain text (UTF-8, no NUL byte, no HTML), and the Office
  Open XML and OpenDocument formats (a zip archive with the format's own parts).
- Anything else — HTML, scripts, SVG (a picture that may carry a script), archives — is refused.

Downloads are served by forum.views.attachment with Content-Disposition and the type we
decided, never as HTML (and `X-Content-Type-Options: nosniff`, set for every response).
"""

import io
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from lib.pictures import MAX_PIXELS, reencoded

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
PICTURE_SIDE = 2560
NAME_CHARS = 150

PICTURE_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
_PICTURE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "webp"}
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# The part of the archive each zipped format must have.
_ZIP_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_OPENDOCUMENT = {"odt": DOCUMENT_TYPES["odt"], "ods": DOCUMENT_TYPES["ods"]}


@dataclass
class Checked:
    """An upload that passed: what to store and how to serve it."""

    content: ContentFile[bytes]
    name: str
    kind: str  # Attachment.Kind
    content_type: str
    extension: str


def allowed_extensions() -> str:
    return ", ".join(sorted({*_PICTURE_EXTENSIONS, *DOCUMENT_TYPES}))


def _clean_name(name: str, extension: str) -> str:
    stem = PurePath(name or "file").stem
    stem = "".join(c for c in stem if c.isprintable() and c not in '/\\"<>:|?*').strip(" .")
    return f"{(stem or 'file')[:NAME_CHARS]}.{extension}"


def _refuse(name: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is not a file the forum takes. Allowed: %(types)s."),
        params={"name": name, "types": allowed_extensions()},
    )


def check(upload: UploadedFile[bytes]) -> Checked:
    """The upload ready to store, or a ValidationError that says why it is refused."""
    name = str(upload.name or "file")
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; the largest allowed is %(max)s."),
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(MAX_BYTES),
            },
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty."), params={"name": name})
    extension = PurePath(name).suffix.lower().lstrip(".")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if extension in _PICTURE_EXTENSIONS:
        return _picture(upload, name)
    if extension == "pdf":
        if not head.startswith(b"%PDF-"):
            raise _refuse(name)
        return _document(upload, name, extension)
    if extension == "txt":
        data = upload.read()
        upload.seek(0)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _refuse(name) from None
        lowered = text[:4096].lower()
        if "\x00" in text or "<html" in lowered or "<script" in lowered or "<!doctype" in lowered:
            raise _refuse(name)
        return _document(upload, name, extension)
    if extension in _ZIP_PARTS or extension in _OPENDOCUMENT:
        if not _office_file(upload, extension):
            raise _refuse(name)
        return _document(upload, name, extension)
    raise _refuse(name)


def _picture(upload: UploadedFile[bytes], name: str) -> Checked:
    try:
        with Image.open(upload) as image:
            fmt = image.format
            too_big = image.width * image.height > MAX_PIXELS
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("“%(name)s” is not a picture we can read."), params={"name": name}
        ) from None
    if fmt not in PICTURE_FORMATS:
        raise _refuse(name)
    if too_big:
        raise ValidationError(
            _("“%(name)s” has too many pixels; please resize it."), params={"name": name}
        )
    content, extension = _reencoded(upload, lossless=fmt != "JPEG")
    content_type = "image/png" if extension == "png" else "image/jpeg"
    return Checked(content, _clean_name(name, extension), "image", content_type, extension)


def _reencoded(upload: UploadedFile[bytes], *, lossless: bool) -> tuple[ContentFile[bytes], str]:
    """The picture's pixels alone, upright, at most PICTURE_SIDE wide and high: a PNG stays a
    PNG (screenshots stay sharp; GIF and WebP become PNG, first frame only), a JPEG a JPEG."""
    if not lossless:
        return reencoded(upload, size=PICTURE_SIDE)
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
        image.thumbnail((PICTURE_SIDE, PICTURE_SIDE))
        image.info = {}
        has_alpha = image.mode in ("RGBA", "LA", "PA", "P") and (
            image.mode != "P" or "transparency" in original.info
        )
        out = io.BytesIO()
        image.convert("RGBA" if has_alpha else "RGB").save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue()), "png"


def _document(upload: UploadedFile[bytes], name: str, extension: str) -> Checked:
    upload.seek(0)
    content = ContentFile(upload.read())
    return Checked(
        content, _clean_name(name, extension), "document", DOCUMENT_TYPES[extension], extension
    )


def _office_file(upload: UploadedFile[bytes], extension: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            names = archive.namelist()
            if extension in _OPENDOCUMENT:
                return "mimetype" in names and (
                    archive.read("mimetype").decode(errors="replace").strip()
                    == _OPENDOCUMENT[extension]
                )
            return "[Content_Types].xml" in names and any(
                n.startswith(_ZIP_PARTS[extension]) for n in names
            )
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return False
    finally:
        upload.seek(0)


def new_token() -> str:
    return secrets.token_hex(16)
