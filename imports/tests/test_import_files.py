"""What Ning members attached and uploaded comes too: blog posts' and replies' files, uploaded
videos and music (as blog posts linking to stored copies), comments on events — each missing
or damaged file marked where it was and reported."""

import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from blogs.models import Post
from comments.models import Comment
from events.models import Event
from forum.models import Discussion
from imports.ning.importer import _audio_or_video
from members.models import Member
from network.models import Network

from .archives import make_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def run(folder: Path) -> str:
    out = io.StringIO()
    call_command("import_ning", str(folder), "--quiet", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def stored(media: Path, url: str) -> bytes:
    return (media / url.removeprefix("/media/")).read_bytes()


def test_blog_post_files_stored_linked_or_marked(
    network: Network, tmp_path: Path, media: Path
) -> None:
    output = run(make_archive(tmp_path / "archive"))
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    html = kites.body_html
    [link] = re.findall(r'<a href="(/media/imports/ning/files/[^"]+/plan\.pdf)"', html)
    assert stored(media, link).startswith(b"%PDF-1.4")
    assert "[file missing: gone.doc]" in html
    assert "[file not kept: evil.html]" in html
    assert "<script" not in html
    assert "Attached files:" in html and "plan.pdf" in kites.body
    draft = Post.objects.get(source_id="blog:2x0owner:BlogEntry:300")
    assert "[file missing: notes.pdf]" in draft.body_html
    assert "blog posts (files): 1 imported" in output
    assert "repaired ×2: file missing from the archive: marked" in output


def test_reply_files_become_the_discussions_attachments(
    network: Network, tmp_path: Path, media: Path, client: Client
) -> None:
    run(make_archive(tmp_path / "archive"))
    glue = Discussion.objects.get(title="Best glue?")
    [picture] = glue.attachments.all()
    assert picture.name == "glue.png" and picture.is_image
    assert picture.created_at.isoformat() == "2010-07-06T12:00:00+00:00"  # the reply's date
    reply = Comment.objects.get(source_id="discussion:2x0owner:Topic:21/r2")
    assert picture.get_absolute_url() in reply.body
    assert "[file missing: no-such.png]" in reply.body
    # The address is a link on the page.
    assert re.search(r'<a href="[^"]*' + re.escape(picture.get_absolute_url()), reply.body_html)
    # Served with the discussion's privacy: the group is private.
    assert client.get(picture.get_absolute_url()).status_code == 404
    client.force_login(Member.objects.get(email="zara@example.net"))
    response = client.get(picture.get_absolute_url())
    assert response.status_code == 200


def test_event_comments_in_order(network: Network, tmp_path: Path, media: Path) -> None:
    output = run(make_archive(tmp_path / "archive"))
    festival = Event.objects.get(title="Kite Festival")
    comments = list(Comment.objects.filter(object_id=festival.pk, content_type__model="event"))
    assert [(c.body, c.author.source_id) for c in comments] == [
        ("Can't wait", "3y1zara"),
        ("Bring string", "2x0owner"),
    ]
    assert festival.comment_count == 2
    assert "event comments: 2 imported" in output


def test_uploaded_videos_as_posts_with_the_file(
    network: Network, tmp_path: Path, media: Path, client: Client
) -> None:
    output = run(make_archive(tmp_path / "archive"))
    home = Post.objects.get(source_id="video:2x0owner:Video:53")
    assert home.title == "Uploaded" and home.author.source_id == "2x0owner"
    assert home.status == Post.Status.PUBLISHED
    assert home.published_at is not None and home.published_at.year == 2009
    assert "Our roof, 2009" in home.body_html
    [link] = re.findall(r'href="(/media/imports/ning/media/[^"]+/home\.mov)"', home.body_html)
    assert stored(media, link).startswith(b"\x00\x00\x00\x14ftyp")
    assert home.comment_count == 1
    lost = Post.objects.get(source_id="video:2x0owner:Video:54")
    assert "[file missing: lost.mov]" in lost.body_html
    broken = Post.objects.get(source_id="video:2x0owner:Video:55")
    assert "[file damaged: broken.mp4]" in broken.body_html
    assert "an uploaded video file: a blog post linking to its copy" in output
    page = client.get(home.get_absolute_url())
    assert page.status_code == 200 and "home.mov" in page.content.decode()


def test_music_one_post_per_member(network: Network, tmp_path: Path, media: Path) -> None:
    folder = make_archive(tmp_path / "archive")
    output = run(folder)
    owner = Member.objects.get(source_id="2x0owner")
    music = Post.objects.get(author=owner, source_id="music:2x0owner")
    assert music.title == "Music"
    assert "[file missing: song.mp3]" in music.body_html
    [link] = re.findall(r'href="(/media/imports/ning/media/[^"]+/raga\.mp3)"', music.body_html)
    assert "Rain Raga" in music.body_html
    assert stored(media, link).startswith(b"ID3")
    zara = Post.objects.get(source_id="music:3y1zara")
    assert "[file damaged: cut.mp3]" in zara.body_html
    assert "music: 3 imported" in output
    # Run again: nothing doubled.
    again = run(folder)
    assert "music: 0 imported" in again
    assert Post.objects.filter(source_id__startswith="music:").count() == 2
    music.refresh_from_db()
    assert len(re.findall(r'href="[^"]*raga\.mp3"', music.body_html)) == 1


def test_a_track_found_later_joins_the_members_music(
    network: Network, tmp_path: Path, media: Path
) -> None:
    folder = make_archive(tmp_path / "archive")
    run(folder)
    more = tmp_path / "more"
    (more / "music").mkdir(parents=True)
    (more / "music" / "late.ogg").write_bytes(b"OggS" + b"\x00" * 40)
    (more / "ning-music-local.json").write_text(
        '[{"id": "t9", "contributorName": "2x0owner", "title": "Late", '
        '"audioUrl": "music/late.ogg"}]',
        encoding="utf-8",
    )
    run(more)
    music = Post.objects.get(source_id="music:2x0owner")
    assert "raga.mp3" in music.body_html and "late.ogg" in music.body_html


def test_file_signatures() -> None:
    assert _audio_or_video(b"ID3\x04")
    assert _audio_or_video(b"\xff\xfb\x90\x00")
    assert _audio_or_video(b"RIFF\x00\x00\x00\x00WAVEfmt ")
    assert _audio_or_video(b"\x00\x00\x00\x18ftypmp42")
    assert not _audio_or_video(b"<html><script>")
    assert not _audio_or_video(b"")
