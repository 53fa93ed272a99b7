"""manage.py import_feed over our own small RSS and Atom feeds: from files, and from a real
HTTP server on 127.0.0.1 (let through lib/fetch.py by settings.FETCH_ALLOWED_HOSTS, the only
way past its refusal of local addresses)."""

import datetime as dt
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image

from blogs.models import Post
from imports.feed_records import source_key
from imports.models import ImportedRecord
from members.models import Member
from network.models import Network
from search.models import Entry

pytestmark = pytest.mark.django_db

URDU_TITLE = "برسات کی پہلی شام"
URDU_TEXT = "آج شام چھت پر بیٹھ کر بادل گنتے رہے۔"


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: list[str] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def serve(self, path: str, body: bytes, *, kind: str = "application/rss+xml") -> str:
        self.routes[path] = (200, kind, body)
        return self.url(path)


class _Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        status, kind, body = self.server.routes.get(self.path, (404, "text/plain", b"gone"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server(settings: Any, tmp_path: Path) -> Iterator[Server]:
    settings.MEDIA_ROOT = tmp_path / "media"
    running = Server()
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    settings.FETCH_ALLOWED_HOSTS = {f"127.0.0.1:{running.server_address[1]}"}
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()


def png(color: str = "teal", size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


def rss(items: str, *, generator: str = "", link: str = "https://old.example.org/") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Bilal's Old Blog</title><link>{link}</link>"
        f"<description>Notes</description>{generator}{items}</channel></rss>"
    ).encode()


def item(
    guid: str, title: str, *, date: str = "Sat, 20 Apr 2013 21:00:54 +0500", body: str = "",
    summary: str = "", link: str = "", categories: tuple[str, ...] = (),
) -> str:  # fmt: skip
    parts = [f"<title>{title}</title>", f'<guid isPermaLink="false">{guid}</guid>']
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    if link:
        parts.append(f"<link>{link}</link>")
    parts += [f"<category><![CDATA[{c}]]></category>" for c in categories]
    if summary:
        parts.append(f"<description>{summary}</description>")
    if body:
        parts.append(f"<content:encoded><![CDATA[{body}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def run(feed: str, member: Member, *args: str) -> str:
    out = io.StringIO()
    call_command(
        "import_feed", feed, "--member", member.handle, "--quiet", *args,
        stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


def write(tmp_path: Path, body: bytes, name: str = "feed.xml") -> str:
    path = tmp_path / name
    path.write_bytes(body)
    return str(path)


def test_rss_file_into_the_members_blog(
    network: Network, member: Member, server: Server, tmp_path: Path
) -> None:
    picture = server.serve("/pics/kite.png", png(), kind="image/png")
    body = (
        f'<p dir="rtl">{URDU_TEXT}</p><script>alert("x")</script>'
        f'<p onclick="steal()" style="color:red">Kites <img src="{picture}" alt="kite"></p>'
        '<p><a href="/2013/04/older/">the older post</a></p><iframe src="https://evil.example"></iframe>'
    )
    feed = rss(
        item("https://old.example.org/?p=1", URDU_TITLE, body=body,
             link="https://old.example.org/2013/04/rain/", categories=("Karachi", "شاعری")) +
        item("post-2", "Tom &amp;amp;amp; Jerry &amp;amp; &lt;b&gt;live&lt;/b&gt;",
             summary="&lt;p&gt;Only a summary.&lt;/p&gt;", date="2014-05-06T07:08:09Z")
    )  # fmt: skip
    out = run(write(tmp_path, feed), member)

    assert "blog posts: 2 imported" in out
    rain = Post.objects.get(title=URDU_TITLE)
    assert rain.author == member and rain.is_published
    # The date readers saw, in UTC (21:00:54 at +05:00).
    assert rain.published_at == dt.datetime(2013, 4, 20, 16, 0, 54, tzinfo=dt.UTC)
    assert URDU_TEXT in rain.body_html and URDU_TEXT in rain.body
    for gone in ("<script", "alert", "onclick", "style=", "<iframe", "evil.example"):
        assert gone not in rain.body_html
    # The relative link points at the old site, not at this one.
    assert 'href="https://old.example.org/2013/04/older/"' in rain.body_html
    # The picture is a copy here.
    assert picture not in rain.body_html and "/media/imports/feeds/" in rain.body_html
    stored = list((tmp_path / "media" / "imports" / "feeds").iterdir())
    assert len(stored) == 1
    assert sorted(t.name for t in rain.tags.all()) == ["Karachi", "شاعری"]
    link = rain.related_links.get()
    assert link.url == "https://old.example.org/2013/04/rain/"
    assert "Bilal's Old Blog" in link.source
    tom = Post.objects.get(source_id="post-2")
    # The HTML title unescaped exactly once: the "&amp;" its author wrote as text stays.
    assert tom.title == "Tom &amp; Jerry & live"
    assert "Only a summary." in tom.body_html
    assert tom.published_at == dt.datetime(2014, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    # A reader sees them on the site, and search finds them.
    page = Client().get(rain.get_absolute_url())
    assert page.status_code == 200
    assert URDU_TEXT in page.content.decode() and "alert(" not in page.content.decode()
    assert Entry.objects.filter(kind="post", object_id=rain.pk).exists()


def test_run_twice_brings_nothing_twice(
    network: Network, member: Member, server: Server, tmp_path: Path
) -> None:
    picture = server.serve("/p.png", png(), kind="image/png")
    feed = write(tmp_path, rss(item("a", "One", body=f'<img src="{picture}">') + item("b", "Two")))
    run(feed, member)
    first = set(Post.objects.values_list("pk", "title"))
    again = run(feed, member)
    assert set(Post.objects.values_list("pk", "title")) == first
    assert "skipped ×2: already imported" in again
    assert ImportedRecord.objects.filter(kind="post").count() == 2
    assert server.hits.count("/p.png") == 1  # not fetched again for a post already here


def test_atom_over_http_follows_next_pages(
    network: Network, member: Member, server: Server
) -> None:
    def atom(entries: str, next_path: str = "") -> bytes:
        following = f'<link rel="next" href="{server.url(next_path)}"/>' if next_path else ""
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom Notes</title><id>urn:notes</id>"
            f'<link rel="alternate" href="https://notes.example.net/"/>{following}{entries}</feed>'
        ).encode()

    first = atom(
        '<entry><id>tag:notes,2020:1</id><title type="html">Tom &amp;amp; Jerry</title>'
        "<published>2020-01-02T03:04:05+05:00</published><updated>2021-01-01T00:00:00Z</updated>"
        '<content type="html">&lt;p&gt;Hello&lt;/p&gt;</content>'
        '<category term="urdu" label="اردو"/><link href="https://notes.example.net/1"/></entry>',
        "/atom?page=2",
    )
    second = atom(
        '<entry><id>tag:notes,2020:2</id><title type="text">A &amp;amp; B</title>'
        '<updated>2021-02-03T04:05:06Z</updated><content type="xhtml">'
        '<div xmlns="http://www.w3.org/1999/xhtml"><p>x<b>y</b></p></div></content></entry>',
    )
    url = server.serve("/atom", first, kind="application/atom+xml")
    server.serve("/atom?page=2", second, kind="application/atom+xml")
    out = run(url, member)

    assert "(2 pages)" in out
    one = Post.objects.get(source_id="tag:notes,2020:1")
    assert one.title == "Tom & Jerry"  # HTML: unescaped once
    assert one.published_at == dt.datetime(2020, 1, 1, 22, 4, 5, tzinfo=dt.UTC)
    assert [t.name for t in one.tags.all()] == ["اردو"]
    two = Post.objects.get(source_id="tag:notes,2020:2")
    assert two.title == "A &amp; B"  # plain text: kept as written
    assert two.published_at == dt.datetime(2021, 2, 3, 4, 5, 6, tzinfo=dt.UTC)  # updated
    assert "<b>y</b>" in two.body_html
    assert one.source == two.source == source_key("feed", "https://notes.example.net/")


def test_wordpress_feed_pages_until_there_are_no_more(
    network: Network, member: Member, server: Server
) -> None:
    generator = "<generator>https://wordpress.org/?v=6.4</generator>"
    url = server.serve("/feed/", rss(item("p1", "Page one post"), generator=generator))
    server.serve("/feed/?paged=2", rss(item("p2", "Page two post"), generator=generator))
    run(url, member)
    assert set(Post.objects.values_list("title", flat=True)) == {"Page one post", "Page two post"}
    assert "/feed/?paged=3" in server.hits  # asked, answered 404: the end

    # A limit on the pages followed.
    Post.objects.all().delete()
    ImportedRecord.objects.all().delete()
    out = run(url, member, "--max-pages", "1")
    assert list(Post.objects.values_list("title", flat=True)) == ["Page one post"]
    assert "stopped after 1 pages" in out


def test_pictures_copied_refused_or_kept_as_links(
    network: Network, member: Member, server: Server, tmp_path: Path
) -> None:
    shared = server.serve("/shared.png", png("navy", (3000, 1500)), kind="image/png")
    fake = server.serve("/fake.png", b"<html>not a picture</html>", kind="image/png")
    first = (
        f'<p><img src="{shared}" alt="the harbour"></p>'
        '<p><img src="http://10.0.0.7/admin.png" alt="inside"></p>'
        '<p><img src="http://169.254.169.254/latest/meta-data/" alt="metadata"></p>'
        f'<p><img src="{server.url("/missing.png")}" alt="lost one"></p>'
        f'<p><img src="{fake}"></p>'
    )
    feed = rss(item("1", "Pictures", body=first) + item("2", "Again", body=f'<img src="{shared}">'))
    out = run(write(tmp_path, feed), member)

    post = Post.objects.get(title="Pictures")
    html = post.body_html
    # Copied (once for both posts), re-encoded and bounded in size.
    copies = list((tmp_path / "media" / "imports" / "feeds").iterdir())
    assert len(copies) == 1 and server.hits.count("/shared.png") == 1
    with Image.open(copies[0]) as copy:
        assert max(copy.size) == 2000
    assert html.count("/media/imports/feeds/") == 1
    assert "/media/imports/feeds/" in Post.objects.get(title="Again").body_html
    # Refused addresses: left out, with a marker; never linked.
    assert "10.0.0.7" not in html and "169.254.169.254" not in html
    assert html.count("picture left out: its address is not allowed") == 2
    # Gone or no picture: a plain link to where it was.
    assert f'<a href="{server.url("/missing.png")}"' in html and "picture: lost one" in html
    assert f'<a href="{fake}"' in html
    assert "/missing.png" in server.hits  # tried
    assert "refused" in out and "kept as a link" in out and "pictures: 2 imported" in out


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Sat, 20 Apr 2013 21:00:54 +0500", dt.datetime(2013, 4, 20, 16, 0, 54, tzinfo=dt.UTC)),
        ("Mon, 06 Jan 2014 09:30:00 GMT", dt.datetime(2014, 1, 6, 9, 30, tzinfo=dt.UTC)),
        ("2015-07-08T23:45:00-04:00", dt.datetime(2015, 7, 9, 3, 45, tzinfo=dt.UTC)),
        ("2016-02-29", dt.datetime(2016, 2, 29, tzinfo=dt.UTC)),
        ("Tue, 1 Mar 2016 8:05:00 PST", dt.datetime(2016, 3, 1, 16, 5, tzinfo=dt.UTC)),
    ],
)
def test_dates_in_several_forms(
    network: Network, member: Member, tmp_path: Path, written: str, expected: dt.datetime
) -> None:
    run(write(tmp_path, rss(item("d", "Dated", date=written))), member)
    assert Post.objects.get().published_at == expected


def test_no_date_or_an_unreadable_one_takes_the_imports_date(
    network: Network, member: Member, tmp_path: Path
) -> None:
    feed = rss(item("a", "Undated", date="") + item("b", "Nonsense", date="yesterday-ish"))
    before = dt.datetime.now(dt.UTC)
    out = run(write(tmp_path, feed), member)
    for post in Post.objects.all():
        assert post.published_at is not None and post.published_at >= before
    assert "repaired ×2: no date the feed could give" in out


def test_dry_run_writes_nothing(
    network: Network, member: Member, server: Server, tmp_path: Path
) -> None:
    picture = server.serve("/p.png", png(), kind="image/png")
    out = run(write(tmp_path, rss(item("a", "One", body=f'<img src="{picture}">'))), member,
              "--dry-run")  # fmt: skip
    assert out.startswith("Feed") and "Dry run: nothing was written." in out
    assert "blog posts: 1 imported" in out
    assert not Post.objects.exists() and not ImportedRecord.objects.exists()
    assert not (tmp_path / "media" / "imports").exists()
    assert "/p.png" not in server.hits  # no picture fetched either
    assert "not fetched in a dry run" in out


def test_broken_feeds_are_refused_with_a_clear_error(
    network: Network, member: Member, server: Server, tmp_path: Path
) -> None:
    cases = {
        "page.html": (b"<html><body><p>Just a page</p></body></html>", "not an RSS or Atom feed"),
        "cut.xml": (rss(item("a", "One"))[:-30], "not well-formed XML (line 1, column"),
        "empty.xml": (b"", "not an RSS or Atom feed"),
    }
    for name, (body, message) in cases.items():
        with pytest.raises(CommandError, match=message.replace("(", r"\(")):
            run(write(tmp_path, body, name), member)
    with pytest.raises(CommandError, match="neither a file nor an http"):
        run(str(tmp_path / "nothing-here.xml"), member)
    with pytest.raises(CommandError, match="private or local network"):
        run("http://10.1.2.3/feed/", member)
    with pytest.raises(CommandError, match="HTTP 404"):
        run(server.url("/no-feed/"), member)
    with pytest.raises(CommandError, match="No member"):
        call_command("import_feed", write(tmp_path, rss("")), "--member", "nobody",
                     stdout=io.StringIO())  # fmt: skip
    assert not Post.objects.exists()


def test_html_entities_in_a_feed_are_read_as_html(
    network: Network, member: Member, tmp_path: Path
) -> None:
    run(write(tmp_path, rss(item("a", "Tea&nbsp;time"))), member)
    assert Post.objects.get().title == "Tea time"  # one line: the space is a space


def test_a_billion_laughs_feed_is_refused(network: Network, member: Member, tmp_path: Path) -> None:
    laughs = "".join(
        f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10 if n else "ha"}">' for n in range(10)
    )
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss version="2.0"><channel>'
        "<title>x</title><item><title>&l9;</title><guid>1</guid></item></channel></rss>"
    )
    for encoding in ("utf-8", "utf-16"):
        path = write(tmp_path, feed.replace('"1.0"?', f'"1.0" encoding="{encoding}"?', 1)
                     .encode(encoding))  # fmt: skip
        with pytest.raises(CommandError, match="declares XML entities"):
            run(path, member)
    assert not Post.objects.exists()


def test_a_former_member_takes_no_posts(network: Network, member: Member, tmp_path: Path) -> None:
    Member.objects.filter(pk=member.pk).update(left_at=dt.datetime.now(dt.UTC))
    with pytest.raises(CommandError, match="has left"):
        run(write(tmp_path, rss(item("a", "One"))), member)


def test_pictures_are_fetched_outside_any_transaction(
    network: Network, member: Member, server: Server, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """SQLite's write lock is taken when a transaction opens: waiting on another server inside
    one would hold up every write of the site."""
    from django.db import connection

    from lib import fetch

    outside = len(connection.atomic_blocks)  # the test's own transaction
    depths: list[int] = []
    real = fetch.fetch

    def watched(*args: Any, **kwargs: Any) -> Any:
        depths.append(len(connection.atomic_blocks))
        return real(*args, **kwargs)

    monkeypatch.setattr(fetch, "fetch", watched)
    pictures = [server.serve(f"/{n}.png", png(), kind="image/png") for n in range(3)]
    feed = rss("".join(item(str(n), f"Post {n}", body=f'<img src="{p}">')
                       for n, p in enumerate(pictures)))  # fmt: skip
    run(write(tmp_path, feed), member)
    assert depths == [outside] * 3
    assert Post.objects.count() == 3
