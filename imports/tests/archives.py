"""Small hand-made Ning archives for the tests, written the way the Archiver writes them
(parentheses, missing commas, batches, escapes), with our own text."""

import io
import json
from pathlib import Path
from typing import Any

from PIL import Image

URDU_TITLE = "برسات کی پہلی شام"
URDU_BODY = "<p>آج شام چھت پر بیٹھ کر بادل گنتے رہے۔</p>"


def dump(records: list[dict[str, Any]], *, quirky: bool = True) -> str:
    """Records as the Archiver would write them: with `quirky`, wrapped in parentheses,
    escaped PHP-style (`\\/`, \\uXXXX, surrogate pairs), the second record glued to the
    first without a comma, the rest in a second batch, and an extra `]` at the end."""
    parts = [json.dumps(r, ensure_ascii=True).replace("/", "\\/") for r in records]
    if not quirky or len(parts) < 3:
        return "([" + "".join(parts) + "])" if quirky else "[" + ",".join(parts) + "]"
    return "([" + parts[0] + parts[1] + "]\n[" + ",".join(parts[2:]) + "]])"


def png(path: Path, color: str = "teal") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, format="PNG")
    path.write_bytes(out.getvalue())


MEMBERS: list[dict[str, Any]] = [
    {
        "contributorName": "2x0owner",
        "fullName": "Bilal &amp; Co",
        "email": "Bilal@Example.net",
        "createdDate": "2009-03-01T10:00:00.000Z",
        "level": "Owner",
        "state": "active",
        "location": "Multan",
        "gender": "m",
        "birthdate": "1975-06-02",
        "profilePhoto": "members/owner.png?width=184&crop=1%3A1",
        "profileQuestions": {"Favourite tea?": "<p>Kashmiri <b>chai</b></p>"},
        "favouriteBand": "The Sparrows",
        "comments": [
            {
                "contributorName": "3y1zara",
                "description": "Second wall note \ud83c\udf75",
                "createdDate": "2010-05-02T08:00:00.000Z",
            },
            {
                "contributorName": "3y1zara",
                "description": "<p>First wall note</p>",
                "createdDate": "2010-05-01T08:00:00.000Z",
            },
        ],
    },
    {
        "contributorName": "3y1zara",
        "fullName": "Zara Ilyas",
        "email": "zara@example.net",
        "createdDate": "2010-01-01T10:00:00.000Z",
        "level": "administrator",
        "state": "active",
    },
    {
        "contributorName": "4z2zara-again",
        "fullName": "Zara I.",
        "email": "ZARA@example.NET",
        "createdDate": "2011-01-01T10:00:00.000Z",
        "state": "active",
        "profileQuestions": {"Favourite tea?": "Green"},
    },
    {
        "contributorName": "5mod",
        "fullName": "Omar Mod",
        "email": "omar@example.net",
        "createdDate": "2010-02-01T10:00:00.000Z",
        "level": "moderator",
        "state": "suspended",
        "profilePhoto": "members/broken.png",
    },
    {
        "contributorName": "6pend",
        "fullName": "Pari Pending",
        "email": "pari@example.net",
        "createdDate": "2012-02-01T10:00:00.000Z",
        "state": "pending",
        "profilePhoto": "members/missing.png",
    },
    {
        "contributorName": "7left",
        "fullName": "Lateef Left",
        "email": "lateef@example.net",
        "createdDate": "2010-02-01T10:00:00.000Z",
        "state": "left",
    },
]

BLOGS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:BlogEntry:300",
        "contributorName": "3y1zara",
        "title": "A draft &amp;amp; its notes",
        "description": "<p>Not ready</p>",
        "createdDate": "2012-01-01T10:00:00.000Z",
        "publishStatus": "draft",
    },
    {
        "id": "2x0owner:BlogEntry:200",
        "contributorName": "3y1zara",
        "title": "Kites &amp; string: f(x) = [a]{b} }{",
        "description": (
            '<p style="color:red">Paper <font>kites</font> &#8212; [a]{b} }{</p>'
            '<script>alert(1)</script><img src="x" onerror="alert(2)">'
        ),
        "createdDate": "2011-04-01T09:00:00.000Z",
        "publishTime": "2011-04-02T09:30:00.000Z",
        "updatedDate": "2011-04-03T09:00:00.000Z",
        "publishStatus": "publish",
        "comments": [
            {
                "id": "c3",
                "contributorName": "9gone",
                "description": "Third, by a deleted account",
                "createdDate": "2011-04-05T10:00:00.000Z",
            },
            {
                "id": "c2",
                "contributorName": "4z2zara-again",
                "description": "Second \ud83d\ude00",
                "createdDate": "2011-04-04T10:00:00.000Z",
            },
            {
                "id": "c1",
                "contributorName": "2x0owner",
                "description": "<p>First<br/>line two</p>",
                "createdDate": "2011-04-03T10:00:00.000Z",
            },
        ],
    },
    {
        "id": "2x0owner:BlogEntry:100",
        "contributorName": "2x0owner",
        "title": URDU_TITLE,
        "description": URDU_BODY,
        "createdDate": "2010-06-01T09:00:00.000Z",
        "publishStatus": "publish",
    },
]


def make_archive(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    png(folder / "members" / "owner.png")
    (folder / "members" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    (folder / "ning-members-local.json").write_text(dump(MEMBERS), encoding="utf-8")
    (folder / "ning-members.json").write_text("[]", encoding="utf-8")
    blogs_text = dump(BLOGS)
    # A damaged record between good ones: reported, the others imported.
    blogs_text = blogs_text.replace("]])", ',\n{"id": "broken", "title": @@@}\n]])')
    (folder / "ning-blogs-local.json").write_text(blogs_text, encoding="utf-8")
    return folder
