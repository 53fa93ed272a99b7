"""Which pasted addresses make a video, and the player address built from them alone."""

import pytest
from django.core.exceptions import ValidationError

from videos import providers
from videos.providers import PEERTUBE, VIMEO, YOUTUBE, VideoRef, parse

YT = "dQw4w9WgXcQ"
UUID = "9c9de5e8-0a1e-484a-b099-e80766180a6d"
SHORT = "kkGMgK9ZtnKfYAgnEtQxbv"

GOOD = [
    (f"https://www.youtube.com/watch?v={YT}", VideoRef(YOUTUBE, YT)),
    (f"https://youtube.com/watch?v={YT}&t=42s", VideoRef(YOUTUBE, YT)),
    (f"http://m.youtube.com/watch?feature=share&v={YT}", VideoRef(YOUTUBE, YT)),
    (f"https://youtu.be/{YT}", VideoRef(YOUTUBE, YT)),
    (f"https://youtu.be/{YT}?si=abc", VideoRef(YOUTUBE, YT)),
    (f"https://www.youtube.com/shorts/{YT}", VideoRef(YOUTUBE, YT)),
    (f"https://www.youtube.com/embed/{YT}", VideoRef(YOUTUBE, YT)),
    (f"  https://www.youtube.com/watch?v={YT}  ", VideoRef(YOUTUBE, YT)),
    ("https://vimeo.com/76979871", VideoRef(VIMEO, "76979871")),
    ("https://www.vimeo.com/76979871", VideoRef(VIMEO, "76979871")),
    ("https://player.vimeo.com/video/76979871", VideoRef(VIMEO, "76979871")),
    (f"https://framatube.org/w/{SHORT}", VideoRef(PEERTUBE, SHORT, "framatube.org")),
    (f"https://video.example.net/videos/watch/{UUID}", VideoRef(PEERTUBE, UUID, "video.example.net")),  # noqa: E501
    (f"https://Tube.Example.ORG/videos/embed/{UUID}", VideoRef(PEERTUBE, UUID, "tube.example.org")),
    (f"https://xn--mnchen-3ya.example/w/{UUID}", VideoRef(PEERTUBE, UUID, "xn--mnchen-3ya.example")),  # noqa: E501
]  # fmt: skip

BAD = [
    "",
    "not a link",
    f"javascript:alert(1)//https://www.youtube.com/watch?v={YT}",
    f"data:text/html,<iframe src=https://youtu.be/{YT}>",
    f"ftp://www.youtube.com/watch?v={YT}",
    f"//www.youtube.com/watch?v={YT}",
    f"https://www.youtube.com.evil.example/watch?v={YT}",
    f"https://evil-youtube.com/watch?v={YT}",
    f"https://youtube.com.evil.example/w/{SHORT}",  # lookalike as a "PeerTube" server
    "https://notvimeo.com/76979871",
    f"https://youtu.be.evil.example/{YT}",
    f"https://www.youtube.com@evil.example/watch?v={YT}",
    f"https://user:pw@www.youtube.com/watch?v={YT}",
    f"https://www.youtube.com:8443/watch?v={YT}",
    f'https://www.youtube.com/watch?v={YT[:10]}"',
    "https://www.youtube.com/watch?v=dQw4w9WgXc'",
    f"https://www.youtube.com/watch?v={YT}x",
    f"https://www.youtube.com/watch?v={YT}&v=aaaaaaaaaaa",
    "https://www.youtube.com/watch?v=<script>xx",
    f"https://www.youtube.com/embed/{YT}/../../evil",
    f"https://youtu.be/{YT}/extra",
    "https://vimeo.com/0",
    "https://vimeo.com/12ab",
    "https://vimeo.com/channels/staffpicks/123",
    "https://vimeo.com/1234567890123",
    f"http://framatube.org/w/{SHORT}",  # PeerTube players only over https
    f"https://127.0.0.1/videos/watch/{UUID}",
    f"https://[::1]/videos/watch/{UUID}",
    f"https://localhost/videos/watch/{UUID}",
    f"https://tube.example/videos/watch/{UUID.upper()}",
    "https://tube.example/videos/watch/not-a-uuid",
    'https://tube.example/w/abc"onload="x',
    f"https://tube.example/w/{SHORT}0",  # 0 is not base58
    f"https://tube..example/w/{SHORT}",
    f"https://-tube.example/w/{SHORT}",
    f"https://tube.example./w/{SHORT}",
    f"https://tube_example.org/w/{SHORT}",
    f"https://münchen.example/w/{UUID}",
    f"https://www.youtube.com/watch?v={YT}\n<script>",
    f"https://www.youtube.com/watch?v={YT}\\@evil.example",
    "https://www.youtube.com/watch?v=" + YT + " onmouseover=x",
    "https://" + "a" * 600 + ".example/w/" + SHORT,
]


@pytest.mark.parametrize(("url", "expected"), GOOD)
def test_good_addresses(url, expected):
    assert parse(url) == expected


@pytest.mark.parametrize("url", BAD)
def test_hostile_or_unknown_addresses_are_refused(url):
    with pytest.raises(ValidationError):
        parse(url)


def test_players_are_built_from_the_id_alone():
    assert parse(f"https://youtu.be/{YT}").embed_url == (
        f"https://www.youtube-nocookie.com/embed/{YT}"
    )
    assert (
        parse("https://vimeo.com/76979871").embed_url == "https://player.vimeo.com/video/76979871"
    )
    assert parse(f"https://framatube.org/w/{SHORT}").embed_url == (
        f"https://framatube.org/videos/embed/{SHORT}"
    )


def test_a_stored_row_with_a_bad_id_gets_no_player():
    assert providers.embed_url(YOUTUBE, 'x" onload="y') == ""
    assert providers.embed_url(PEERTUBE, UUID, "evil.example/x") == ""
    assert providers.embed_url("other", YT) == ""
