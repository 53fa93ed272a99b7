"""network/feeds.py: what is kept of another site's feed — plain titles, http(s) links only,
UTC dates, at most 20 entries — whatever the feed holds."""

import time

import pytest

from network.feeds import NotAFeed, parse_feed

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Riverside Journal</title>
  <link href="https://river.example.org/"/>
  <updated>2026-11-30T08:00:00Z</updated>
  <entry><title type="html">&lt;em&gt;Floods&lt;/em&gt; are over</title>
    <link href="/posts/floods"/><updated>2026-11-30T08:00:00+02:00</updated><id>urn:x:1</id></entry>
  <entry><title>Data link</title><link href="data:text/html,&lt;script&gt;"/>
    <id>urn:x:2</id></entry>
  <entry><title>   </title><link href="https://river.example.org/untitled"/><id>urn:x:3</id></entry>
  <entry><title></title><id>urn:x:4</id></entry>
</feed>"""


def test_an_atom_feed_with_relative_and_hostile_links():
    items = parse_feed(ATOM, url="https://river.example.org/feed.atom")
    assert items == [
        {
            "title": "Floods are over",
            "link": "https://river.example.org/posts/floods",  # resolved against the feed
            "date": "2026-11-30T06:00:00+00:00",
        },
        {"title": "Data link", "link": "", "date": ""},
        # No title: the link stands for it; neither: left out.
        {
            "title": "https://river.example.org/untitled",
            "link": "https://river.example.org/untitled",
            "date": "",
        },
    ]


def test_at_most_twenty_entries_and_long_titles_cut():
    entries = "".join(
        f"<item><title>{'Long ' * 100}{i}</title><link>https://e.org/{i}</link></item>"
        for i in range(30)
    )
    body = f'<rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'.encode()
    items = parse_feed(body, url="https://e.org/rss")
    assert len(items) == 20
    assert len(items[0]["title"]) == 300 and items[0]["title"].endswith("…")


def test_control_characters_and_direction_overrides_are_dropped_from_titles():
    body = (
        '<rss version="2.0"><channel><title>T</title><item><title>Sale\u202e 50% '
        "\u0007off</title><link>https://e.org/</link></item></channel></rss>"
    ).encode()
    assert parse_feed(body, url="https://e.org/rss")[0]["title"] == "Sale 50% off"


def test_an_entity_expansion_bomb_is_not_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
        )
        + b']><rss version="2.0"><channel><title>T</title><item><title>&i;</title>'
        b"<link>https://e.org/</link></item></channel></rss>"
    )
    started = time.monotonic()
    try:
        items = parse_feed(bomb, url="https://e.org/rss")
    except NotAFeed:
        items = []
    assert time.monotonic() - started < 5
    assert all(len(item["title"]) <= 300 for item in items)


@pytest.mark.parametrize("body", [b"", b"<html><body>Hello</body></html>", b"\x00\xff" * 50])
def test_what_is_not_a_feed_is_refused(body):
    with pytest.raises(NotAFeed):
        parse_feed(body, url="https://e.org/rss")


def test_bytes_are_never_taken_for_a_file_name():
    with pytest.raises(NotAFeed):
        parse_feed(b"/etc/hostname", url="https://e.org/rss")
