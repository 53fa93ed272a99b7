"""manage.py import_wxr over our own small WordPress exports, checked record by record."""

import datetime as dt
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image

from blogs.models import Post
from comments.models import Comment
from conftest import make_member
from imports import invitations
from imports.models import ImportedRecord
from members.models import Member
from network.models import Network
from pages.models import Page

pytestmark = pytest.mark.django_db

URDU_TITLE = "برسات کی پہلی شام"
URDU_TEXT = "آج شام چھت پر بیٹھ کر بادل گنتے رہے۔"
SITE = "https://harbour.example.org"


def cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def author(login: str, email: str, name: str, author_id: int) -> str:
    return (
        f"<wp:author><wp:author_id>{author_id}</wp:author_id>"
        f"<wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_email>{cdata(email)}</wp:author_email>"
        f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
        "<wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name>"
        "</wp:author>"
    )


def comment(
    comment_id: int, text: str, *, name: str = "Rafiq Reader", email: str = "rafiq@example.com",
    date: str = "2019-03-01 10:00:00", approved: str = "1", parent: int = 0, user_id: int = 0,
    kind: str = "comment",
) -> str:  # fmt: skip
    return (
        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
        f"<wp:comment_author>{cdata(name)}</wp:comment_author>"
        f"<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>"
        "<wp:comment_author_url>https://rafiq.example.com/</wp:comment_author_url>"
        "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
        f"<wp:comment_date>{date}</wp:comment_date><wp:comment_date_gmt>{date}</wp:comment_date_gmt>"
        f"<wp:comment_content>{cdata(text)}</wp:comment_content>"
        f"<wp:comment_approved>{cdata(approved)}</wp:comment_approved>"
        f"<wp:comment_type>{cdata(kind)}</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent>"
        f"<wp:comment_user_id>{user_id}</wp:comment_user_id></wp:comment>"
    )


def post(
    post_id: int, title: str, body: str, *, creator: str = "ayesha", status: str = "publish",
    kind: str = "post", date_gmt: str = "2018-06-15 08:30:00", comments: str = "",
    categories: tuple[tuple[str, str, str], ...] = (), password: str = "", name: str = "",
    excerpt: str = "", extra: str = "",
) -> str:  # fmt: skip
    cats = "".join(
        f'<category domain="{d}" nicename="{n}">{cdata(label)}</category>'
        for d, n, label in categories
    )
    return (
        f"<item><title>{escape(title)}</title><link>{SITE}/?p={post_id}</link>"
        "<pubDate>Fri, 15 Jun 2018 08:30:00 +0000</pubDate>"
        f"<dc:creator>{cdata(creator)}</dc:creator>"
        f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid><description></description>'
        f"<content:encoded>{cdata(body)}</content:encoded>"
        f"<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date_gmt}</wp:post_date>"
        f"<wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>"
        f"<wp:post_name>{cdata(name)}</wp:post_name><wp:status>{cdata(status)}</wp:status>"
        f"<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>"
        f"<wp:post_type>{cdata(kind)}</wp:post_type>"
        f"<wp:post_password>{cdata(password)}</wp:post_password>"
        f"<wp:is_sticky>0</wp:is_sticky>{cats}{extra}{comments}</item>"
    )


def wxr(*parts: str, version: str = "1.2") -> bytes:
    ns = f"http://wordpress.org/export/{version}/"
    return (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        f'<rss version="2.0" xmlns:excerpt="{ns}excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">'
        f"<channel><title>Harbour Notes</title><link>{SITE}</link>"
        f"<description>Notes</description><language>en-US</language>"
        f"<wp:wxr_version>{version}</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>"
        f"<wp:base_blog_url>{SITE}</wp:base_blog_url>" + "".join(parts) + "</channel></rss>"
    ).encode()


AUTHORS = (
    author("ayesha", "Ayesha@Example.ORG", "Ayesha Siddiqui", 1)
    + author("omar", "omar@example.net", "Omar &amp; Sons", 2)
    + author("ghost", "", "Ghost Writer", 3)
)
RAIN_BODY = (
    f"{URDU_TEXT}\nدوسری سطر\n\nSecond paragraph <strong>bold</strong>."
    '<script>alert("x")</script><p onmouseover="x()">Hover</p>\n\n'
    '[caption id="attachment_9" align="alignnone" width="300"]'
    f'<img src="{SITE}/wp-content/uploads/2018/06/kite.png" alt="kite"> A kite[/caption]\n\n'
    '[gallery ids="9,10"]'
)
RAIN_COMMENTS = (
    comment(11, "First!\nWell said.", date="2018-06-16 09:00:00")
    + comment(12, "Thanks, Rafiq", name="Ayesha Siddiqui", email="ayesha@example.org",
              user_id=1, parent=11, date="2018-06-16 10:00:00")
    + comment(13, "A reply to the reply", name="Zainab", email="", parent=12,
              date="2018-06-16 11:00:00")
    + comment(14, "Buy pills", name="Spammer", approved="spam")
    + comment(15, "Waiting", name="Newcomer", approved="0")
    + comment(16, "", name="", kind="pingback")
    + comment(17, "Anonymous words", name="", email="", date="2018-06-17 09:00:00")
    + comment(18, "Again from Rafiq", date="2018-06-18 09:00:00")
)  # fmt: skip
EXPORT = wxr(
    AUTHORS,
    post(1, URDU_TITLE, RAIN_BODY, comments=RAIN_COMMENTS, excerpt="The <em>rain</em> came.",
         categories=(("category", "uncategorized", "Uncategorized"),
                     ("category", "karachi", "Karachi"), ("post_tag", "rain", "بارش"),
                     ("post_format", "post-format-aside", "Aside"))),
    post(2, "Tom &amp; Jerry", "Draft text", creator="omar", status="draft"),
    post(3, "Secret", "Members only", status="private"),
    post(4, "Locked", "With a password", password="hunter2"),
    post(5, "Binned", "Gone", status="trash"),
    post(6, "By someone unlisted", "Text", creator="departed"),
    post(7, "About us", "<p>We are a harbour club.</p>", kind="page", name="about",
         comments=comment(71, "Nice page")),
    post(8, "Old plans", "Plans", kind="page", status="draft", name="new"),
    post(9, "kite.png", "", kind="attachment",
         extra=f"<wp:attachment_url>{SITE}/wp-content/uploads/2018/06/kite.png</wp:attachment_url>"),
    post(10, "Menu", "", kind="nav_menu_item"),
)  # fmt: skip


def run(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import_wxr", str(path), "--quiet", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def export(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "harbour.wordpress.xml"
    path.write_bytes(EXPORT)
    return path


def test_authors_become_members_matched_by_email(network: Network, export: Path) -> None:
    here = make_member("Ayesha S.", "ayesha@example.org")
    run(export)
    # Matched whatever the case of the email: the member here is kept as she is.
    here.refresh_from_db()
    assert here.display_name == "Ayesha S." and here.has_usable_password()
    assert ImportedRecord.objects.get(kind="member", original_id="ayesha").object_id == here.pk
    omar = Member.objects.get(email="omar@example.net")
    assert omar.display_name == "Omar & Sons"  # unescaped once
    assert not omar.has_usable_password() and omar.is_active and omar.email_confirmed
    assert omar in invitations.waiting()  # invited to choose a password when the admin says
    ghost = Member.objects.get(display_name="Ghost Writer")
    assert ghost.email is None and not ghost.is_active
    # A user the export does not list, named by their login.
    departed = Post.objects.get(title="By someone unlisted").author
    assert departed.display_name == "departed" and not departed.is_active


def test_posts_statuses_text_dates_and_tags(network: Network, export: Path) -> None:
    ayesha = make_member("Ayesha S.", "ayesha@example.org")
    out = run(export)
    rain = Post.objects.get(title=URDU_TITLE)
    assert rain.author == ayesha and rain.is_published
    assert rain.published_at == dt.datetime(2018, 6, 15, 8, 30, tzinfo=dt.UTC)
    html = rain.body_html
    # WordPress's paragraphs and line breaks, the sanitiser's cleaning.
    assert f'<p dir="auto">{URDU_TEXT}<br>' in html and "دوسری سطر" in html
    assert "<strong>bold</strong>" in html
    for gone in ("<script", "alert(", "onmouseover", "[caption", "[/caption]", "[gallery"):
        assert gone not in html
    # The caption's picture stays where it was (no --fetch-media), with its words.
    assert f'src="{SITE}/wp-content/uploads/2018/06/kite.png"' in html and "A kite" in html
    assert rain.excerpt == "The rain came."
    assert sorted(t.name for t in rain.tags.all()) == ["Karachi", "بارش"]
    statuses = dict(Post.objects.values_list("title", "status"))
    assert statuses["Tom & Jerry"] == Post.Status.DRAFT
    assert statuses["Secret"] == statuses["Locked"] == Post.Status.DRAFT
    assert "Binned" not in statuses
    assert Post.objects.get(title="Secret").published_at is None
    assert "a [gallery] shortcode left out" in out
    assert "private on WordPress: a draft here" in out
    assert "password-protected on WordPress: a draft here" in out
    # Readers see the published post; nobody but its author sees the drafts.
    page = Client().get(rain.get_absolute_url())
    assert page.status_code == 200 and URDU_TEXT in page.content.decode()
    assert Client().get(Post.objects.get(title="Secret").get_absolute_url()).status_code == 404


def test_approved_comments_threaded_one_level_by_their_authors(
    network: Network, export: Path
) -> None:
    ayesha = make_member("Ayesha S.", "ayesha@example.org")
    out = run(export)
    rain = Post.objects.get(title=URDU_TITLE)
    comments = list(Comment.objects.filter(object_id=rain.pk).order_by("created_at"))
    assert [c.body for c in comments] == [
        "First!\nWell said.", "Thanks, Rafiq", "A reply to the reply", "Anonymous words",
        "Again from Rafiq",
    ]  # fmt: skip
    first, thanks, deeper, anonymous, again = comments
    assert first.parent is None and thanks.parent == first and deeper.parent == first
    assert thanks.author == ayesha  # a WordPress user: their member
    # A reader who commented keeps their name (one placeholder for both comments of theirs).
    assert first.author.display_name == "Rafiq Reader" and again.author == first.author
    assert not first.author.is_active and first.author.email is None
    assert not first.author.has_usable_password()
    assert deeper.author.display_name == "Zainab"
    assert anonymous.author.is_former  # no name at all: a former member
    assert first.created_at == dt.datetime(2018, 6, 16, 9, tzinfo=dt.UTC)
    rain.refresh_from_db()
    assert rain.comment_count == 5
    for reason in ("skipped ×1: spam", "waiting for approval on WordPress", "a pingback",
                   "a reply to a reply: under the first comment",
                   "on a page (pages take no comments here)"):  # fmt: skip
        assert reason in out
    page = Client().get(rain.get_absolute_url()).content.decode()
    assert "Rafiq Reader" in page and "Buy pills" not in page


def test_pages_attachments_and_other_items(network: Network, export: Path) -> None:
    out = run(export)
    about = Page.objects.get(title="About us")
    assert about.slug == "about" and about.published and not about.in_navigation
    assert "harbour club" in about.body_html
    plans = Page.objects.get(title="Old plans")
    assert not plans.published and plans.slug == "new-page"  # "new" is reserved
    assert "attachments: 0 imported, 0 repairs, 1 skipped" in out
    assert "WordPress 'nav_menu_item' items not imported" in out
    assert Client().get(about.get_absolute_url()).status_code == 200


def test_run_twice_the_same_network_and_new_comments_come_in(
    network: Network, export: Path
) -> None:
    run(export)
    counts = (Member.objects.count(), Post.objects.count(), Comment.objects.count(),
              Page.objects.count())  # fmt: skip
    again = run(export)
    assert (Member.objects.count(), Post.objects.count(), Comment.objects.count(),
            Page.objects.count()) == counts  # fmt: skip
    assert "skipped ×5: already imported" in again  # the five posts (one was binned)
    # A later export: a comment approved since, replying to one already here.
    export.write_bytes(
        EXPORT.replace(
            comment(15, "Waiting", name="Newcomer", approved="0").encode(),
            comment(15, "Waiting no more", name="Newcomer", parent=11,
                    date="2018-06-19 09:00:00").encode(),
        )
    )  # fmt: skip
    run(export)
    added = Comment.objects.get(body="Waiting no more")
    assert added.parent == Comment.objects.get(body="First!\nWell said.")
    assert Comment.objects.count() == counts[2] + 1
    assert Post.objects.get(title=URDU_TITLE).comment_count == 6


def test_dry_run_writes_nothing(network: Network, export: Path) -> None:
    members = Member.objects.count()
    out = run(export, "--dry-run")
    assert "Dry run: nothing was written." in out and "blog posts: 5 imported" in out
    assert Member.objects.count() == members
    assert not Post.objects.exists() and not Comment.objects.exists()
    assert not ImportedRecord.objects.exists()


def test_wxr_1_1_reads_the_same(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "old.xml"
    path.write_bytes(wxr(AUTHORS, post(1, "Older export", "Text\n\nMore"), version="1.1"))
    run(path)
    assert Post.objects.get().body_html.count("<p") == 2


class _Pictures(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        out = io.BytesIO()
        Image.new("RGB", (30, 20), "olive").save(out, format="PNG")
        body = out.getvalue() if self.path.endswith(".png") else b"gone"
        self.send_response(200 if self.path.endswith(".png") else 404)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def picture_server(settings: Any) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pictures)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.FETCH_ALLOWED_HOSTS = {f"127.0.0.1:{server.server_address[1]}"}
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_media_copies_pictures_through_the_guarded_fetcher(
    network: Network, tmp_path: Path, settings: Any, picture_server: str
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    body = (
        f'<img src="{picture_server}/uploads/kite.png"> <img src="http://192.168.1.5/x.png">'
        f'<img src="{picture_server}/uploads/missing.jpg" alt="lost">'
    )
    path = tmp_path / "media.xml"
    path.write_bytes(wxr(AUTHORS, post(1, "Pictures", body)))
    plain = run(path)
    assert picture_server in Post.objects.get().body_html  # without the option: left there
    assert "/media/imports/wxr/" not in plain
    Post.objects.all().delete()
    ImportedRecord.objects.filter(kind="post").delete()
    out = run(path, "--fetch-media")
    html = Post.objects.get().body_html
    assert "/media/imports/wxr/" in html and f"{picture_server}/uploads/kite.png" not in html
    assert "192.168.1.5" not in html and "picture left out" in html
    assert f'<a href="{picture_server}/uploads/missing.jpg"' in html
    assert "pictures: 1 imported" in out
    assert len(list((tmp_path / "media" / "imports" / "wxr").iterdir())) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            "<rss><channel><title>&lol3;</title></channel></rss>",
            "declares a document type",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><title>&x;</title></channel></rss>",
            "declares a document type",
        ),
        ("<rss><channel><title>cut", "not well-formed XML"),
        ("<html><body>hello</body></html>", "not a WordPress export"),
        (
            '<rss version="2.0"><channel><title>Plain RSS</title></channel></rss>',
            "not a WordPress export",
        ),
    ],
)
def test_hostile_or_broken_files_are_refused(
    network: Network, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        run(path)
    assert not Post.objects.exists()


def test_a_record_that_fails_is_reported_and_the_rest_imported(
    network: Network, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from imports import wxr as importer

    real = importer.render_body  # type: ignore[attr-defined]

    def render(post: Post) -> None:
        if post.title == "Broken":
            raise ValueError("cannot render this one")
        real(post)

    monkeypatch.setattr(importer, "render_body", render)
    path = tmp_path / "three.xml"
    # Odd but readable: an author login longer than any WordPress allows, a date that is none.
    path.write_bytes(
        wxr(AUTHORS, post(1, "Fine", "Text", creator="x" * 400),
            post(2, "Broken", "Text", comments=comment(21, "Lost with it")),
            post(3, "Also fine", "More", date_gmt="2018-13-45 99:99:99"))
    )  # fmt: skip
    out = run(path)
    assert set(Post.objects.values_list("title", flat=True)) == {"Fine", "Also fine"}
    assert not Comment.objects.exists()  # the broken post's comment went with it
    assert "skipped ×1: damaged record (ValueError)" in out
    assert "cannot render this one" in out
    # The undated post has the RSS date.
    assert Post.objects.get(title="Also fine").published_at == dt.datetime(
        2018, 6, 15, 8, 30, tzinfo=dt.UTC
    )
    # The next run imports the broken one once it can be.
    monkeypatch.setattr(importer, "render_body", real)
    run(path)
    assert Post.objects.filter(title="Broken").count() == 1
    assert Comment.objects.get().body == "Lost with it"
