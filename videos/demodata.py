"""The demo network's videos (loaddemo): two links, shown in their providers' players."""

import datetime as dt

from lib.datagen import DemoContext
from members.models import Member

from . import services
from .models import Video

LINKS = [
    (
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "Big Buck Bunny (our film night pick)",
        "The short we watched on the lawn at the last reunion.",
    ),
    (
        "https://vimeo.com/1084537",
        "Big Buck Bunny on Vimeo",
        "The same film, for those who asked for another player.",
    ),
]


def load(ctx: DemoContext) -> None:
    members: list[Member] = [m for m in ctx.made["members"].values() if m.email_confirmed]
    if not members:
        return
    made = []
    for i, (url, title, description) in enumerate(LINKS):
        owner = members[(i + 2) % len(members)]
        video = services.save_video(
            Video(), by=owner, url=url, title=title, description=description
        )
        when = ctx.now - dt.timedelta(days=ctx.rng.uniform(1, 30))
        Video.objects.filter(pk=video.pk).update(created_at=when)
        ctx.saw(owner.pk, when)
        made.append(video)
    ctx.made["videos"] = {video.title: video for video in made}
    ctx.count("videos", len(made))
