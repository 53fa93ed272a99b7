"""Videos for the benchmark network (manage.py generatedata): 1,000 links at scale 1, spread
over YouTube, Vimeo and PeerTube, made by a quarter of the contributors."""

import datetime as dt
import string
from collections.abc import Iterator

from django.urls import reverse

from lib.datagen import Context, Made

from .models import Video

VIDEOS = 1_000
_YT = string.ascii_letters + string.digits + "-_"


def generate(ctx: Context) -> None:
    contributors = ctx.made.get("contributors") or ctx.made["members"]
    owners = contributors[: max(1, len(contributors) // 4)]
    rng = ctx.rng
    total = ctx.scaled(VIDEOS)
    span = (ctx.now - ctx.start).total_seconds()

    def rows() -> Iterator[Video]:
        for i in range(total):
            kind = i % 3
            if kind == 0:
                vid = "".join(rng.choice(_YT) for _ in range(11))
                provider, host, url = "youtube", "", f"https://www.youtube.com/watch?v={vid}"
            elif kind == 1:
                vid = str(rng.randint(10_000, 999_999_999))
                provider, host, url = "vimeo", "", f"https://vimeo.com/{vid}"
            else:
                vid = "9c9de5e8-0a1e-484a-b099-%012x" % rng.getrandbits(48)  # noqa: UP031
                provider, host = "peertube", "tube.example.org"
                url = f"https://{host}/videos/watch/{vid}"
            yield Video(
                owner_id=rng.choice(owners).pk,
                provider=provider,
                video_id=vid,
                host=host,
                url=url,
                title=f"Video {i + 1}",
                description="A video from our gathering." if i % 2 else "",
                created_at=ctx.start + dt.timedelta(seconds=span * (i + 1) / (total + 1)),
            )

    ids = ctx.bulk_create("videos", Video, rows(), total=total)
    ctx.made["videos"] = [Made(pk, ctx.start, None) for pk in ids]
    ctx.manifest.setdefault("counts", {})["videos"] = total
    ctx.manifest["videos"] = {
        "list_path": reverse("videos:list"),
        "video_path": reverse("videos:video", args=[ids[-1]]),
        "count": total,
    }
