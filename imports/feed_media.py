"""Pictures inside imported HTML (a feed's posts, a WordPress export's), copied into this
site's storage through lib/fetch.py — the one guarded fetcher: http(s) only, no address on
the server's own networks, a size limit, a time limit.

Each copy is a new picture: decoded, bounded in pixels and size and encoded again
(lib/pictures.reencoded), so no metadata and nothing hidden in the file comes with it. Stored
under a name made from its original address, so a picture shown by several posts, or met
again by a second run, is stored once.

A dry run fetches no picture (it would wait on other servers while holding the one
transaction it rolls back): it checks each address as far as that can be done without the
network, and counts the rest as not fetched.

A picture that cannot be copied never stops the post (decided here, told in the report):

- its address is refused (a private or local network, not http(s), credentials in it): the
  picture is left out and a visible marker stands in its place — a link to such an address
  would only point readers at their own networks;
- it could not be fetched or is no picture (gone, too large, too slow, damaged): it becomes a
  plain link to where it was, so readers can still open it, and this site never shows a
  picture served from elsewhere without having checked it.
"""

import hashlib
import html
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image

from lib import fetch
from lib.markup import sanitize_html
from lib.pictures import MAX_PIXELS, reencoded

from .ning.report import Report

# The largest side of a stored copy: as large as a post shows, no larger.
MAX_SIDE = 2000
TIMEOUT = 20.0

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r'\bsrc="([^"]*)"')
_ALT = re.compile(r'\balt="([^"]*)"')
_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")', re.IGNORECASE)


@dataclass(frozen=True)
class Copy:
    url: str | None  # where the copy is served here; None: not copied
    reason: str = ""  # why not
    refused: bool = False  # the address itself was refused
    dry: bool = False  # a dry run: not fetched


class Pictures:
    """Copies pictures for one import run; `folder` names where they go in the storage."""

    def __init__(self, report: Report, *, folder: str, dry_run: bool) -> None:
        self.report = report
        self.folder = folder
        self.dry_run = dry_run
        self._copies: dict[str, Copy] = {}

    def copy(self, address: str) -> Copy:
        if address not in self._copies:
            self._copies[address] = self._copy(address)
        return self._copies[address]

    def _copy(self, address: str) -> Copy:
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        for extension in ("jpg", "png"):
            name = f"imports/{self.folder}/{digest}.{extension}"
            if not self.dry_run and default_storage.exists(name):
                return Copy(str(default_storage.url(name)))
        try:
            fetch.check_url(address)
            if self.dry_run:
                return Copy(None, dry=True)
            fetched = fetch.fetch(
                address, timeout=TIMEOUT, max_bytes=settings.MAX_UPLOAD_BYTES, accept="image/*"
            )
        except (fetch.BadURL, fetch.RefusedAddress) as error:
            return Copy(None, str(error), refused=True)
        except fetch.FetchError as error:
            return Copy(None, str(error))
        try:
            with Image.open(io.BytesIO(fetched.body)) as image:
                if image.width * image.height > MAX_PIXELS:
                    return Copy(None, _("The picture has too many pixels."))
                image.load()
            content, extension = reencoded(
                SimpleUploadedFile("picture", fetched.body), size=MAX_SIDE, keep_transparency=True
            )
        except Exception:
            return Copy(None, _("This is not a picture, or it is damaged."))
        name = f"imports/{self.folder}/{digest}.{extension}"
        stored = default_storage.save(name, content)
        return Copy(str(default_storage.url(stored)))


def absolute(address: str, base: str) -> str:
    """`address` made absolute against `base` (the feed's or the site's address); "" if it
    is not an http(s) address then."""
    try:
        joined = urljoin(base, address.strip()) if base else address.strip()
        parts = urlsplit(joined)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return joined


def _marker(text: str) -> str:
    return f"<em>[{html.escape(text)}]</em>"


def prepare_html(
    value: str, *, base: str, kind: str, report: Report, pictures: Pictures | None
) -> str:
    """Imported HTML as this site keeps it: through the site's sanitiser; relative links and
    picture addresses made absolute against `base`; with `pictures`, every picture copied
    here (see the module for what happens when one cannot be); without, left pointing where
    it was."""
    clean = sanitize_html(value)

    def link(match: re.Match[str]) -> str:
        href = html.unescape(match.group(2))
        if href.startswith(("#", "mailto:")):
            return match.group(0)
        made = absolute(href, base)
        return match.group(1) + html.escape(made) + match.group(3) if made else match.group(0)

    clean = _HREF.sub(link, clean)

    def picture(match: re.Match[str]) -> str:
        tag = match.group(0)
        found = _SRC.search(tag)
        if found is None:
            return ""  # a picture without an address shows nothing
        address = absolute(html.unescape(found.group(1)), base)
        alt = html.unescape(m.group(1)) if (m := _ALT.search(tag)) else ""
        if not address:
            report.skipped("pictures", "no usable address (relative, with nothing to resolve it)")
            return _marker(_("picture left out"))
        if pictures is None:
            return tag.replace(found.group(0), f'src="{html.escape(address)}"')
        copy = pictures.copy(address)
        if copy.dry:
            report.skipped("pictures", "not fetched in a dry run (a real run copies it)")
            return tag
        if copy.url is not None:
            report.imported("pictures")
            return tag.replace(found.group(0), f'src="{html.escape(copy.url)}"')
        if copy.refused:
            report.skipped("pictures", f"address refused, left out: {copy.reason}")
            return _marker(_("picture left out: its address is not allowed"))
        report.skipped("pictures", f"not copied, kept as a link: {copy.reason}")
        name = alt or address.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or address
        label = _("picture: %(name)s") % {"name": name}
        return f'<a href="{html.escape(address)}">{html.escape(label)}</a>'

    return sanitize_html(_IMG.sub(picture, clean))
