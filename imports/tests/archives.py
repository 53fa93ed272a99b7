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
        "contributorName": "8bad",
        "fullName": "Badr Noemail",
        "email": "not an address",
        "createdDate": "2012-02-01T10:00:00.000Z",
        "state": "active",
    },
    {
        "contributorName": "7left",
        "fullName": "Lateef Left",
        "email": "lateef@example.net",
        "createdDate": "2010-02-01T10:00:00.000Z",
        "state": "left",
        "location": "Somewhere private",
        "profilePhoto": "members/owner.png",
    },
]

BLOGS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:BlogEntry:300",
        "contributorName": "3y1zara",
        "title": "A draft &amp;amp; its notes",
        "description": (
            "<p>Not ready</p>"
            '<iframe width="400" src="https://www.youtube.com/embed/abcDEF12345"></iframe>'
            '<object><embed src="http://flash.example.com/game.swf"></embed></object>'
        ),
        "fileAttachments": [{"fileUrl": "blogs/notes.pdf"}],
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
            '<img src="blogs/sky.png?width=400" alt="sky"><img src="blogs/sky.png">'
            '<img src="http://api.ning.com/files/abc/gone.jpg"><img src="blogs/cut.png">'
            '<img src="https://pictures.example.org/fine.png">'
        ),
        "fileAttachments": [
            {"fileUrl": "blogs/plan.pdf?download=1"},
            "blogs/gone.doc",
            {"path": "blogs/evil.html"},
        ],
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
                "id": "c1b",
                "contributorName": "3y1zara",
                "description": "Same instant, written second",
                "createdDate": "2011-04-03T10:00:00.000Z",
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

GROUPS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:Group:10",
        "contributorName": "3y1zara",
        "title": "Kite Makers",
        "description": "<p>Paper, bamboo &amp; glue</p>",
        "createdDate": "2010-07-01T10:00:00.000Z",
        "groupPrivacy": "private",
        "allowInvitationRequests": "Y",
        "iconUrl": "groups/kite.png?xgip=0%3A0%3A100",
        "members": [
            {"contributorName": "3y1zara", "status": "admin"},
            {"contributorName": "2x0owner", "status": "member"},
            {"contributorName": "5mod", "status": "invited"},
            {"contributorName": "6pend", "status": "requested"},
            {"contributorName": "7left", "status": "banned"},
        ],
        "comments": [
            {
                "contributorName": "2x0owner",
                "description": "Wind tomorrow!",
                "createdDate": "2010-07-03T10:00:00.000Z",
            },
        ],
    },
    {
        "id": "2x0owner:Group:11",
        "contributorName": "2x0owner",
        "title": "Open Kitchen",
        "createdDate": "2010-08-01T10:00:00.000Z",
        "groupPrivacy": "public",
        "iconUrl": "groups/missing.png",
    },
]

DISCUSSIONS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:Topic:21",
        "contributorName": "2x0owner",
        "title": "Best glue?",
        "description": "<p>Rice paste or <i>fish</i> glue</p>",
        "createdDate": "2010-07-05T10:00:00.000Z",
        "groupId": "2x0owner:Group:10",
        "comments": [
            {
                "id": "r2",
                "contributorName": "3y1zara",
                "description": "Fish, always",
                "fileAttachments": [
                    {"fileUrl": "discussions/glue.png"},
                    "discussions/no-such.png",
                ],
                "createdDate": "2010-07-06T12:00:00.000Z",
            },
            {
                "id": "r1",
                "contributorName": "5mod",
                "description": "Rice",
                "createdDate": "2010-07-06T11:00:00.000Z",
            },
        ],
    },
    {
        "id": "2x0owner:Topic:20",
        "contributorName": "3y1zara",
        "title": "Monsoon &amp; mangoes",
        "description": "<p>Which kind is sweetest?</p>",
        "createdDate": "2010-06-05T10:00:00.000Z",
        "category": "Food &amp; Drink",
        "fileAttachments": [
            {"fileUrl": "discussions/list.txt?download=1"},
            "discussions/gone.pdf",
            {"path": "discussions/run.exe"},
        ],
    },
    {
        "id": "2x0owner:Topic:19",
        "contributorName": "3y1zara",
        "title": "Introductions",
        "description": "<p>Say hello</p>",
        "createdDate": "2010-06-01T10:00:00.000Z",
    },
]

EVENTS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:Event:31",
        "contributorName": "2x0owner",
        "title": "Kite Festival",
        "description": "<p>On the old fort's roof</p>",
        "createdDate": "2011-01-05T10:00:00.000Z",
        "startDate": "2011-02-05T09:00:00.000Z",
        "endDate": "2011-02-05T17:00:00.000Z",
        "allDay": False,
        "isPrivate": False,
        "location": "Old Fort",
        "city": "Multan",
        "street": "",
        "website": "https://kites.example.org/",
        "organizedBy": "The Kite Makers",
        "contactInfo": "Ask Zara",
        "extraKeyNobodyKnows": 5,
        "members": [
            {"contributorName": "3y1zara", "attendeeStatus": "attending"},
            {"contributorName": "5mod", "attendeeStatus": "maybe"},
        ],
        "comments": [
            {
                "id": "ec2",
                "contributorName": "2x0owner",
                "description": "Bring string",
                "createdDate": "2011-01-07T10:00:00.000Z",
            },
            {
                "id": "ec1",
                "contributorName": "3y1zara",
                "description": "<p>Can't wait</p>",
                "createdDate": "2011-01-06T10:00:00.000Z",
            },
        ],
    },
    {
        "id": "2x0owner:Event:32",
        "contributorName": "3y1zara",
        "title": "Committee dinner",
        "createdDate": "2011-03-05T10:00:00.000Z",
        "startDate": "2011-04-05T00:00:00.000Z",
        "endDate": "",
        "allDay": "true",
        "isPrivate": True,
        "website": "javascript:alert(1)",
        "attendees": [
            {"contributorName": "2x0owner", "attendeeStatus": "attending"},
            {"contributorName": "6pend", "attendeeStatus": "not_attending"},
            {"contributorName": "9gone", "attendeeStatus": "attending"},
        ],
    },
    {"id": "2x0owner:Event:33", "contributorName": "2x0owner", "title": "No date"},
]

PHOTOS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:Photo:41",
        "contributorName": "3y1zara",
        "title": "Kites at dusk",
        "description": "<p>From the roof</p>",
        "createdDate": "2011-02-05T18:00:00.000Z",
        "photoUrl": "photos/dusk.png?width=737",
        "comments": [
            {
                "id": "pc1",
                "contributorName": "2x0owner",
                "description": "Lovely",
                "createdDate": "2011-02-06T18:00:00.000Z",
            }
        ],
    },
    {
        "id": "2x0owner:Photo:42",
        "contributorName": "3y1zara",
        "title": "Lost",
        "photoUrl": "photos/lost.png",
    },
    {
        "id": "2x0owner:Photo:43",
        "contributorName": "3y1zara",
        "title": "Cut",
        "photoUrl": "photos/cut.png",
    },
]

VIDEOS: list[dict[str, Any]] = [
    {
        "id": "2x0owner:Video:51",
        "contributorName": "2x0owner",
        "title": "Old embed",
        "description": "Flying",
        "createdDate": "2009-05-01T10:00:00.000Z",
        "embedCode": '<object><param name="movie" value="http://www.youtube.com/v/abcDEF12345&hl=en">'
        '</param><embed src="http://www.youtube.com/v/abcDEF12345&hl=en"></embed></object>',
        "comments": [
            {
                "id": "vc1",
                "contributorName": "3y1zara",
                "description": "Ha!",
                "createdDate": "2009-05-02T10:00:00.000Z",
            }
        ],
    },
    {
        "id": "2x0owner:Video:52",
        "contributorName": "2x0owner",
        "title": "Vimeo one",
        "embedCode": '<object><param name="movie" value="http://vimeo.com/moogaloop.swf?'
        'clip_id=123456&server=vimeo.com"></object>',
    },
    {
        "id": "2x0owner:Video:53",
        "contributorName": "2x0owner",
        "title": "Uploaded",
        "description": "<p>Our roof, 2009</p>",
        "createdDate": "2009-06-01T10:00:00.000Z",
        "videoAttachmentUrl": "videos/home.mov?format=mov",
        "comments": [
            {
                "id": "vc2",
                "contributorName": "3y1zara",
                "description": "Home movies!",
                "createdDate": "2009-06-02T10:00:00.000Z",
            }
        ],
    },
    {
        "id": "2x0owner:Video:54",
        "contributorName": "3y1zara",
        "title": "Lost upload",
        "createdDate": "2009-07-01T10:00:00.000Z",
        "videoAttachmentUrl": "videos/lost.mov",
    },
    {
        "id": "2x0owner:Video:55",
        "contributorName": "3y1zara",
        "title": "Broken upload",
        "createdDate": "2009-07-02T10:00:00.000Z",
        "videoAttachmentUrl": "videos/broken.mp4",
    },
]

PAGES: list[dict[str, Any]] = [
    {
        "title": "About &amp; Rules",
        "description": "<p>Be kind</p>",
        "contributorName": "2x0owner",
        "createdDate": "2009-03-02T10:00:00.000Z",
    },
]
NOTES: list[dict[str, Any]] = [
    {
        "title": "Admin",
        "description": "<p>A note</p>",
        "contributorName": "2x0owner",
        "createdDate": "2009-03-03T10:00:00.000Z",
        "visibility": "all",
    },
]
MUSIC: list[dict[str, Any]] = [
    {"contributorName": "2x0owner", "audioUrl": "music/song.mp3"},
    {
        "id": "2x0owner:Track:2",
        "contributorName": "2x0owner",
        "title": "Rain Raga",
        "audioUrl": "music/raga.mp3?v=2",
        "createdDate": "2010-02-01T10:00:00.000Z",
    },
    {
        "id": "2x0owner:Track:3",
        "contributorName": "3y1zara",
        "title": "Cut tape",
        "audioUrl": "music/cut.mp3",
        "createdDate": "2010-03-01T10:00:00.000Z",
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
    png(folder / "blogs" / "sky.png", "skyblue")
    (folder / "blogs" / "cut.png").write_bytes((folder / "blogs" / "sky.png").read_bytes()[:30])
    png(folder / "photos" / "dusk.png", "purple")
    (folder / "photos" / "cut.png").write_bytes(b"GIF89a")
    for kind, records in (("photos", PHOTOS), ("videos", VIDEOS), ("pages", PAGES),
                          ("notes", NOTES), ("music", MUSIC)):  # fmt: skip
        (folder / f"ning-{kind}-local.json").write_text(dump(records), encoding="utf-8")
    png(folder / "groups" / "kite.png", "orange")
    (folder / "blogs" / "plan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")
    (folder / "blogs" / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    png(folder / "discussions" / "glue.png", "brown")
    (folder / "videos").mkdir()
    (folder / "videos" / "home.mov").write_bytes(b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 64)
    (folder / "videos" / "broken.mp4").write_bytes(b"hello")
    (folder / "music").mkdir()
    (folder / "music" / "raga.mp3").write_bytes(b"ID3\x03\x00\x00\x00" + b"\x00" * 64)
    (folder / "music" / "cut.mp3").write_bytes(b"")
    (folder / "discussions").mkdir(exist_ok=True)
    (folder / "discussions" / "list.txt").write_text("Langra\nChaunsa\n", encoding="utf-8")
    (folder / "discussions" / "run.exe").write_bytes(b"MZ\x90\x00")
    (folder / "ning-groups-local.json").write_text(dump(GROUPS), encoding="utf-8")
    (folder / "ning-discussions-local.json").write_text(dump(DISCUSSIONS), encoding="utf-8")
    # Only the remote twin: read all the same (its media would not be in the folder).
    (folder / "ning-events.json").write_text(dump(EVENTS), encoding="utf-8")
    return folder


def make_large_archive(folder: Path, *, members: int, posts: int, comments: int) -> Path:
    """A generated archive: `members` members, `posts` blog posts of theirs with `comments`
    comments each, written with the Archiver's quirks."""
    folder.mkdir(parents=True, exist_ok=True)
    people = [
        {
            "contributorName": f"gen{i}",
            "fullName": f"Member {i}",
            "email": f"gen{i}@example.net",
            "createdDate": f"2010-01-{1 + i % 28:02d}T10:00:00.000Z",
            "state": "active",
            "profileQuestions": {"Home town?": f"Town {i % 50}"},
        }
        for i in range(members)
    ]
    blogs = [
        {
            "id": f"gen:BlogEntry:{n}",
            "contributorName": f"gen{n % members}",
            "title": f"Post number {n} &amp; more",
            "description": f"<p>Body of post {n}, with <b>bold</b> text.</p>",
            "createdDate": f"2011-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00.000Z",
            "publishStatus": "publish",
            "comments": [
                {
                    "id": f"gen:Comment:{n}:{c}",
                    "contributorName": f"gen{(n + c + 1) % members}",
                    "description": f"Comment {c} on {n}",
                    "createdDate": f"2012-01-01T10:{c % 60:02d}:00.000Z",
                }
                for c in range(comments)
            ],
        }
        for n in range(posts)
    ]
    (folder / "ning-members-local.json").write_text(dump(people), encoding="utf-8")
    (folder / "ning-blogs-local.json").write_text(dump(blogs), encoding="utf-8")
    return folder


def make_archive_of_every_kind(folder: Path, records: int) -> tuple[Path, dict[str, int]]:
    """A generated archive of about `records` records of every kind the importer reads —
    members with walls, blog posts, discussions in categories and groups, groups with members,
    events with answers, photos, videos, music, pages and notes, comments on all of them —
    written with the Archiver's quirks. Returns the folder and how many of each it holds (a
    comment counts as a record)."""
    # Per "unit": 1 member, 1 wall comment, 1 post + 2 comments, 1 discussion + 2 replies,
    # 1 event + 1 comment, 1 photo + 1 comment, 1 video + 1 comment, 1 track; every 20th unit
    # a group (with 3 members and a wall comment), a page and a note.
    unit = 16
    n = max(20, records // unit)
    folder.mkdir(parents=True, exist_ok=True)
    png(folder / "photos" / "p.png", "green")

    def when(i: int, year: int = 2011) -> str:
        return f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00.000Z"

    def comments(prefix: str, i: int, k: int) -> list[dict[str, Any]]:
        return [
            {
                "id": f"{prefix}:Comment:{i}:{c}",
                "contributorName": f"m{(i + c + 1) % n}",
                "description": f"<p>Comment {c} on {prefix} {i} — تبصرہ</p>",
                "createdDate": when(i + c, 2012),
            }
            for c in range(k)
        ]

    people = [
        {
            "contributorName": f"m{i}",
            "fullName": f"Member {i}",
            "email": f"m{i}@example.net",
            "createdDate": when(i, 2010),
            "state": "active",
            "location": f"Town {i % 50}",
            "profileQuestions": {"Favourite tea?": f"Tea {i % 7}"},
            "comments": comments("wall", i, 1),
        }
        for i in range(n)
    ]
    groups = [
        {
            "id": f"gen:Group:{g}",
            "contributorName": f"m{g}",
            "title": f"Group {g}",
            "description": "<p>A group</p>",
            "createdDate": when(g, 2010),
            "groupPrivacy": "private" if g % 3 == 0 else "public",
            "members": [
                {"contributorName": f"m{(g + k) % n}", "status": "member"} for k in (1, 2, 3)
            ],
            "comments": comments("group", g, 1),
        }
        for g in range(0, n, 20)
    ]
    blogs = [
        {
            "id": f"gen:BlogEntry:{i}",
            "contributorName": f"m{i % n}",
            "title": f"Post {i} &amp; more",
            "description": f"<p>Body of post {i}, <b>bold</b>.</p>",
            "createdDate": when(i),
            "publishStatus": "publish",
            "comments": comments("blog", i, 2),
        }
        for i in range(n)
    ]
    discussions = [
        {
            "id": f"gen:Topic:{i}",
            "contributorName": f"m{i % n}",
            "title": f"Topic {i}",
            "description": f"<p>Question {i}?</p>",
            "createdDate": when(i),
            "category": f"Category {i % 8}",
            **({"groupId": f"gen:Group:{i - i % 20}"} if i % 10 == 0 else {}),
            "comments": comments("topic", i, 2),
        }
        for i in range(n)
    ]
    events = [
        {
            "id": f"gen:Event:{i}",
            "contributorName": f"m{i % n}",
            "title": f"Event {i}",
            "description": "<p>Come</p>",
            "createdDate": when(i),
            "startDate": when(i, 2013),
            "endDate": "",
            "members": [{"contributorName": f"m{(i + 1) % n}", "attendeeStatus": "attending"}],
            "comments": comments("event", i, 1),
        }
        for i in range(n)
    ]
    photos = [
        {
            "id": f"gen:Photo:{i}",
            "contributorName": f"m{i % n}",
            "title": f"Photo {i}",
            "createdDate": when(i),
            "photoUrl": "photos/p.png?width=737",
            "comments": comments("photo", i, 1),
        }
        for i in range(n)
    ]
    videos = [
        {
            "id": f"gen:Video:{i}",
            "contributorName": f"m{i % n}",
            "title": f"Video {i}",
            "createdDate": when(i),
            "embedCode": f'<iframe src="https://www.youtube.com/embed/{i:011d}"></iframe>',
            "comments": comments("video", i, 1),
        }
        for i in range(n)
    ]
    music = [
        {
            "id": f"gen:Track:{i}",
            "contributorName": f"m{i % n}",
            "title": f"Track {i}",
            "audioUrl": f"music/t{i}.mp3",
            "createdDate": when(i),
        }
        for i in range(n)
    ]
    pages = [
        {
            "title": f"Page {i}",
            "description": "<p>Text</p>",
            "contributorName": "m0",
            "createdDate": when(i),
        }
        for i in range(0, n, 20)
    ]
    files: dict[str, list[dict[str, Any]]] = {
        "members": people, "groups": groups, "blogs": blogs, "discussions": discussions,
        "events": events, "photos": photos, "videos": videos, "music": music, "pages": pages,
        "notes": pages,
    }  # fmt: skip
    counts: dict[str, int] = {}
    for kind, found in files.items():
        (folder / f"ning-{kind}-local.json").write_text(dump(found), encoding="utf-8")
        counts[kind] = len(found)
        counts[f"{kind} comments"] = sum(len(r.get("comments", [])) for r in found)
    return folder, counts
