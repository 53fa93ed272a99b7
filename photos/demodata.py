"""The demo network's photos (loaddemo): an album of drawings by one member, a few loose ones
by others — colourful shapes drawn with Pillow (photos/artwork.py), stored as uploads are."""

import datetime as dt

from lib.datagen import DemoContext
from members.models import Member

from . import artwork, services
from .models import Album, Photo

ALBUM_PHOTOS = 5
CAPTIONS = [
    "The banyan tree by the old canteen",
    "Evening light on the main lawn",
    "Our table at the reunion dinner",
    "Kites over the hostel roof",
    "The library steps after the rain",
    "Chai at the corner stall",
    "The cricket ground from the pavilion",
]


def load(ctx: DemoContext) -> None:
    members: list[Member] = [m for m in ctx.made["members"].values() if m.email_confirmed]
    if not members:
        return
    first = members[1] if len(members) > 1 else members[0]
    album = services.save_album(
        Album(), by=first, title="Reunion Evening", description="Drawn from memory."
    )
    files = [artwork.upload(ctx.rng, f"reunion-{i}.jpg") for i in range(ALBUM_PHOTOS)]
    made = services.add_photos(first, files, album=album).photos
    for member in members[2:4]:
        made += services.add_photos(member, [artwork.upload(ctx.rng, "snap.jpg")]).photos
    for i, photo in enumerate(made):
        when = ctx.now - dt.timedelta(days=ctx.rng.uniform(1, 60), hours=i)
        Photo.objects.filter(pk=photo.pk).update(
            caption=CAPTIONS[i % len(CAPTIONS)], created_at=when
        )
        ctx.saw(photo.owner_id, when)
    ctx.made["photos"] = {str(photo.pk): photo for photo in made}
    ctx.count("photos", len(made))
