"""Video links: which provider, which video — read strictly from an address a member pasted.

Only three shapes are accepted, and only the provider, the video's id (and a PeerTube
server's host name) are kept from them. The player is an iframe built from those alone
(`embed_url`); no HTML or address a member typed is ever rendered as a player.

- YouTube: https://www.youtube.com/watch?v=ID, https://youtu.be/ID, /shorts/ID, /embed/ID
  (also m. and music-less www-less hosts), ID being 11 of [A-Za-z0-9_-].
- Vimeo: https://vimeo.com/NUMBER (and player.vimeo.com/video/NUMBER).
- PeerTube, on any server: https://HOST/w/ID (a short id) or https://HOST/videos/watch/UUID
  (or /videos/embed/UUID); HOST a plain DNS name (no port, no user, no IP address).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE = "youtube"
VIMEO = "vimeo"
PEERTUBE = "peertube"

MAX_URL_CHARS = 500

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[1-9][0-9]{0,11}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# PeerTube's short ids: base58 (no 0, O, I, l), 16 to 22 characters.
_SHORT_ID = re.compile(r"[1-9A-HJ-NP-Za-km-z]{16,22}")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TLD = re.compile(r"[a-z][a-z0-9-]{0,61}[a-z0-9]|xn--[a-z0-9-]{1,59}")

YOUTUBE_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com"})
YOUTU_BE = frozenset({"youtu.be", "www.youtu.be"})
VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com"})
VIMEO_PLAYER = "player.vimeo.com"

NOT_A_VIDEO = _(
    "That is not a video address we can show. Paste a YouTube, Vimeo or PeerTube video's "
    "address, e.g. https://www.youtube.com/watch?v=… or https://vimeo.com/123456."
)


@dataclass(frozen=True)
class VideoRef:
    provider: str
    video_id: str
    host: str = ""

    @property
    def embed_url(self) -> str:
        return embed_url(self.provider, self.video_id, self.host)

    @property
    def watch_url(self) -> str:
        """The video's own page, rebuilt from the id (what links show)."""
        if self.provider == YOUTUBE:
            return f"https://www.youtube.com/watch?v={self.video_id}"
        if self.provider == VIMEO:
            return f"https://vimeo.com/{self.video_id}"
        return (
            f"https://{self.host}/videos/watch/{self.video_id}"
            if _UUID.fullmatch(self.video_id)
            else f"https://{self.host}/w/{self.video_id}"
        )


def embed_url(provider: str, video_id: str, host: str = "") -> str:
    """The player's address, from a stored provider, id and host (each checked again)."""
    if provider == YOUTUBE and _YOUTUBE_ID.fullmatch(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if provider == VIMEO and _VIMEO_ID.fullmatch(video_id):
        return f"https://player.vimeo.com/video/{video_id}"
    if provider == PEERTUBE and is_host_name(host) and _peertube_id(video_id):
        return f"https://{host}/videos/embed/{video_id}"
    return ""


def is_host_name(host: str) -> bool:
    """A lower-case DNS name of at least two labels, its last one not numeric: no IP address,
    no port, no user, nothing but letters, digits, hyphens and dots."""
    if not host or len(host) > 253 or not host.isascii():
        return False
    labels = host.split(".")
    if len(labels) < 2:
        return False
    return all(_LABEL.fullmatch(label) for label in labels[:-1]) and bool(
        _TLD.fullmatch(labels[-1])
    )


def _looks_like_big_host(host: str) -> bool:
    """youtube.com.example.net and the like are not taken for PeerTube servers: a player
    framed from them would pass for YouTube's or Vimeo's."""
    return any(word in host for word in ("youtube", "youtu.be", "vimeo"))


def _peertube_id(value: str) -> bool:
    return bool(_UUID.fullmatch(value) or _SHORT_ID.fullmatch(value))


def parse(url: str) -> VideoRef:
    """The video an address shows, or ValidationError (NOT_A_VIDEO)."""
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS or not url.isascii() or not url.isprintable():
        raise ValidationError(NOT_A_VIDEO, code="invalid")
    if any(c in url for c in "\\\"'<> \t`"):
        raise ValidationError(NOT_A_VIDEO, code="invalid")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValidationError(NOT_A_VIDEO, code="invalid") from None
    if parts.scheme not in ("http", "https") or port is not None:
        raise ValidationError(NOT_A_VIDEO, code="invalid")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValidationError(NOT_A_VIDEO, code="invalid")
    host = (parts.hostname or "").lower()
    if parts.netloc.lower() != host:  # e.g. a trailing dot, or anything odd in the authority
        raise ValidationError(NOT_A_VIDEO, code="invalid")
    path = parts.path
    segments = path.split("/")
    found: VideoRef | None = None
    if host in YOUTUBE_HOSTS:
        found = _youtube(path, parts.query)
    elif host in YOUTU_BE:
        if len(segments) == 2 and _YOUTUBE_ID.fullmatch(segments[1]):
            found = VideoRef(YOUTUBE, segments[1])
    elif host in VIMEO_HOSTS:
        if len(segments) == 2 and _VIMEO_ID.fullmatch(segments[1]):
            found = VideoRef(VIMEO, segments[1])
    elif host == VIMEO_PLAYER:
        if len(segments) == 3 and segments[1] == "video" and _VIMEO_ID.fullmatch(segments[2]):
            found = VideoRef(VIMEO, segments[2])
    elif parts.scheme == "https" and is_host_name(host) and not _looks_like_big_host(host):
        found = _peertube(host, segments)
    if found is None:
        raise ValidationError(NOT_A_VIDEO, code="invalid")
    return found


def _youtube(path: str, query: str) -> VideoRef | None:
    if path == "/watch":
        values = parse_qs(query).get("v", [])
        if len(values) == 1 and _YOUTUBE_ID.fullmatch(values[0]):
            return VideoRef(YOUTUBE, values[0])
        return None
    segments = path.split("/")
    if (
        len(segments) == 3
        and segments[1] in ("shorts", "embed", "live")
        and _YOUTUBE_ID.fullmatch(segments[2])
    ):
        return VideoRef(YOUTUBE, segments[2])
    return None


def _peertube(host: str, segments: list[str]) -> VideoRef | None:
    # /w/ID
    if len(segments) == 3 and segments[1] == "w" and _peertube_id(segments[2]):
        return VideoRef(PEERTUBE, segments[2], host)
    # /videos/watch/UUID, /videos/embed/UUID
    if (
        len(segments) == 4
        and segments[1] == "videos"
        and segments[2] in ("watch", "embed")
        and _peertube_id(segments[3])
    ):
        return VideoRef(PEERTUBE, segments[3], host)
    return None
