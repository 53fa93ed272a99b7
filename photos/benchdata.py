"""Photos for the benchmark network (manage.py generatedata): 5,000 photos in 400 albums at
scale 1.

Making 5,000 real pictures would take minutes for nothing the pages measure: a few dozen real
files are drawn and stored (photos/artwork.py, through the upload service's sizes), and the
rows share them. Pages read names, not files, so a listing costs what it would with 5,000
different files. The bench photo (in an album, with neighbours) is named in the manifest.
"""

import datetime as dt
import random
from collections.abc import Iterator

from django.core.files.storage import default_storage
from django.urls import reverse

from lib.datagen import Context, Made

from . import artwork, images
from .models import Album, Photo

PHOTOS = 5_000
ALBUMS = 400
REAL_FILES = 24
# Share of photos in an album; the rest are loose among their owner's photos.
IN_ALBUM = 0.7


def _files(rng: random.Random) -> list[tuple[str, str, int, int]]:
    """(large name, thumbnail name, width, height) of REAL_FILES stored pictures."""
    found = []
    for i in range(REAL_FILES):
        upload = artwork.upload(rng, f"bench-{i}.jpg")
        sizes = images.prepare(upload)
        large = default_storage.save(f"photos/large/bench-{i}.jpg", sizes.large)
        thumb = default_storage.save(f"photos/thumbs/bench-{i}.jpg", sizes.thumb)
        found.append((large, thumb, images.LARGE, images.LARGE * 2 // 3))
    return found


def generate(ctx: Context) -> None:
    contributors = ctx.made.get("contributors") or ctx.made["members"]
    owners = contributors[: max(1, len(contributors) // 4)]
    rng = ctx.rng
    files = _files(rng)
    n_albums = ctx.scaled(ALBUMS)
    album_rows = [
        Album(
            owner_id=rng.choice(owners).pk,
            title=f"Album {i + 1}",
            created_at=ctx.start + dt.timedelta(days=rng.uniform(0, (ctx.now - ctx.start).days)),
        )
        for i in range(n_albums)
    ]
    album_ids = ctx.bulk_create("photo albums", Album, album_rows, total=n_albums)
    album_owner = {pk: album.owner_id for pk, album in zip(album_ids, album_rows, strict=True)}
    total = ctx.scaled(PHOTOS)
    span = (ctx.now - ctx.start).total_seconds()

    def rows() -> Iterator[Photo]:
        for i in range(total):
            large, thumb, width, height = files[i % len(files)]
            when = ctx.start + dt.timedelta(seconds=span * (i + 1) / (total + 1))
            if rng.random() < IN_ALBUM:
                album = rng.choice(album_ids)
                owner = album_owner[album]
            else:
                album, owner = None, rng.choice(owners).pk
            yield Photo(
                owner_id=owner,
                album_id=album,
                image=large,
                thumb=thumb,
                width=width,
                height=height,
                caption=f"Photo {i + 1}" if i % 3 else "",
                created_at=when,
            )

    ids = ctx.bulk_create("photos", Photo, rows(), total=total)
    ctx.made["photos"] = [Made(pk, ctx.start, None) for pk in ids]
    # The bench photo: one of the newest in an album, so it has a previous and a next.
    bench = Photo.objects.filter(album__isnull=False).order_by("-created_at", "-id").values("pk")[5]
    ctx.manifest.setdefault("counts", {})["photos"] = total
    ctx.manifest["photos"] = {
        "list_path": reverse("photos:list"),
        "photo_path": reverse("photos:photo", args=[bench["pk"]]),
        "count": total,
    }
