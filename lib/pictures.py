"""Checks for uploaded pictures (member photos, the network's logo)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

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
