"""Sharing's part of the access matrix (tests/test_access_matrix.py).

robots.txt, the sitemap and oEmbed answer everyone alike (they are what a visitor sees, for
other sites' crawlers and servers), to GET and HEAD only. oEmbed without a `url` has nothing
to describe: 404 (its answers for posts are in sharing/tests/test_robots_oembed.py)."""

from typing import Any

from tests.test_access_matrix import row

READ_ONLY = row((200, 405))

MATRIX = {
    "sharing:robots": READ_ONLY,
    "sharing:sitemap": READ_ONLY,
    "sharing:sitemap_section": READ_ONLY,
    "sharing:oembed": row((404, 405)),
}

KWARGS: dict[str, Any] = {
    "sharing:sitemap_section": lambda w: {"section": "posts"},
}
