"""An uploaded file checked and turned into the two sizes a photo is stored in.

Pillow at upload time rather than sorl-thumbnail at view time: sorl needs its own app and table
(not installed), and would make the first visitor of a page wait for the resizing and write to
the storage during a GET. Here each upload is decoded once, checked, turned upright by its EXIF
orientation and encoded again without any metadata (no GPS position, camera or comment), as a
large size and a square thumbnail. The original is not kept.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

# At most this many files in one upload, bytes in a file, pixels in a picture.
MAX_FILES = 20
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
# The large size fits in LARGE × LARGE; the thumbnail is THUMB × THUMB, cropped to a square.
LARGE = 1600
THUMB = 320
QUALITY = 85


class NotAPhoto(ValueError):
    """Why an uploaded file cannot be a photo (a sentence naming the file)."""


@dataclass(frozen=True)
class Sizes:
    large: ContentFile[bytes]
    thumb: ContentFile[bytes]
    name: str  # a new random name: nothing of the uploaded name is kept
    width: int  # of the large size
    height: int


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()


def prepare(upload: UploadedFile[bytes]) -> Sizes:
    """The photo's two sizes, or NotAPhoto saying what is wrong with the file."""
    name = upload.name or "?"
    if upload.size is not None and upload.size > MAX_BYTES:
        raise NotAPhoto(
            _("“%(name)s” is %(size)s; the largest photo allowed is %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_BYTES)}
        )
    if not upload.size:
        raise NotAPhoto(_("“%(name)s” is empty.") % {"name": name})
    not_image = NotAPhoto(
        _("“%(name)s” is not a picture (JPEG, PNG, GIF or WebP).") % {"name": name}
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                if probe.format not in ("JPEG", "PNG", "GIF", "WEBP"):
                    raise not_image
                if probe.width * probe.height > MAX_PIXELS:
                    raise NotAPhoto(
                        _("“%(name)s” has too many pixels; please resize it.") % {"name": name}
                    )
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as original:
                original.load()
                image = ImageOps.exif_transpose(original)
    except NotAPhoto:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning) as error:
        raise not_image from error
    # Only the pixels: no EXIF (GPS position, camera), XMP, comment or colour profile.
    image.info = {}
    image = image.convert("RGB")
    large = image.copy()
    large.thumbnail((LARGE, LARGE))
    thumb = ImageOps.fit(image, (THUMB, THUMB))
    return Sizes(
        large=ContentFile(_jpeg(large)),
        thumb=ContentFile(_jpeg(thumb)),
        name=f"{uuid.uuid4().hex}.jpg",
        width=large.width,
        height=large.height,
    )
