"""Colourful pictures drawn with Pillow, for the demo and the benchmark data (no downloaded
images): overlapping circles, rectangles and triangles on a coloured ground."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

PALETTE = [
    (230, 57, 70), (241, 250, 238), (168, 218, 220), (69, 123, 157), (29, 53, 87),
    (244, 162, 97), (42, 157, 143), (233, 196, 106), (231, 111, 81), (131, 56, 236),
]  # fmt: skip


def drawing(rng: random.Random, width: int = 1200, height: int = 800) -> bytes:
    image = Image.new("RGB", (width, height), rng.choice(PALETTE))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(6, 14)):
        colour = rng.choice(PALETTE)
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randint(width // 12, width // 3)
        shape = rng.choice(("circle", "box", "triangle"))
        if shape == "circle":
            draw.ellipse((x - size, y - size, x + size, y + size), fill=colour)
        elif shape == "box":
            draw.rectangle((x, y, x + size, y + size // 2), fill=colour)
        else:
            draw.polygon([(x, y), (x + size, y), (x + size // 2, y - size)], fill=colour)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def upload(rng: random.Random, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, drawing(rng), content_type="image/jpeg")
