"""Real pictures for the photos tests, made with Pillow."""

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from photos import services
from photos.models import Album, Photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_bytes(width: int = 64, height: int = 48, colour: str = "teal", *, gps: bool = False,
               orientation: int | None = None) -> bytes:  # fmt: skip
    image = Image.new("RGB", (width, height), colour)
    exif = Image.Exif()
    exif[0x010F] = "Test Camera Co"  # Make
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if gps:
        ifd = exif.get_ifd(GPS_IFD)
        ifd[1] = "N"
        ifd[2] = (33.0, 41.0, 2.5)
        ifd[3] = "E"
        ifd[4] = (73.0, 3.0, 1.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def jpeg(name: str = "photo.jpg", **kwargs: Any) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def png(name: str = "shape.png", width: int = 50, height: int = 50) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (200, 40, 40, 128)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def text_as_jpg(name: str = "notes.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"Dear diary, this is not a picture.\n", content_type="image/jpeg"
    )


def add_photo(owner: Any, *, album: Album | None = None, colour: str = "teal") -> Photo:
    result = services.add_photos(owner, [jpeg(colour=colour)], album=album)
    assert result.photos, result.refused
    return result.photos[0]


def exif_of(data: bytes) -> Image.Exif:
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif()
