"""Uploaded pictures (member photos, the network's logo): checked, then re-encoded.

No uploaded file is stored as sent. It is decoded, turned upright by its EXIF orientation, bounded
in size and encoded again, so what is served is a plain picture: no camera or GPS metadata, no
second file hidden in it (a GIF that is also a script), and a name and type that are ours.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000


def validate_picture(upload: UploadedFile[bytes] | None) -> None:
    """Refuses files over MAX_UPLOAD_BYTES, and decompression bombs: small files that unpack
    into huge pictures. For a forms.ImageField's value, which has already opened it."""
    if upload is None:
        return
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("That picture is %(size)s; the largest allowed is %(max)s."),
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
        )
    image: Image.Image | None = getattr(upload, "image", None)
    if image is not None and image.width * image.height > MAX_PIXELS:
        raise ValidationError(_("That picture has too many pixels; please resize it."))


def reencoded(
    upload: UploadedFile[bytes], *, size: int, keep_transparency: bool = False
) -> tuple[ContentFile[bytes], str]:
    """The picture as a new file at most `size` pixels wide and high, and its extension: PNG
    where transparency is kept and the picture has any, else JPEG. Only the first frame of an
    animation is kept. `upload` has passed `validate_picture`."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
    image.thumbnail((size, size))
    # Nothing of the original but its pixels: no comment, EXIF, XMP or colour profile is
    # written again (Pillow would carry a GIF's comment into the JPEG).
    image.info = {}
    out = io.BytesIO()
    if keep_transparency and (image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info):
        image.convert("RGBA").save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(out.getvalue()), extension
