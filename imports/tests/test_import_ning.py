"""manage.py import_ning over a small hand-made archive, checked record by record."""

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from blogs.models import Post
from comments.models import Comment
from events.models import Event
from forum.models import Discussion
from groups.models import Group
from imports.models import ImportedRecord
from imports.ning import importer
from members.models import Member
from network.models import Network
from pages.models import Page
from photos.models import Photo
from profiles.models import Answer, Question
from videos.models import Video
from walls.models import Wall

from .archives import URDU_BODY, URDU_TITLE, make_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_archive(tmp_path / "archive")


def run(folder: Path, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_ning", str(folder), *args, stdout=out, stderr=err)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "members": Member.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "answers": Answer.objects.count(),
        "questions": Question.objects.count(),
        "records": ImportedRecord.objects.count(),
        "walls": Wall.objects.count(),
    }


def test_members_one_per_email_with_levels_states_and_no_password(
    network: Network, archive: Path
) -> None:
    run(archive)
    owner = Member.objects.get(source_id="2x0owner")
    # The network already has its creator (who set it up): the Ning owner is an administrator.
    assert owner.role == Member.Role.ADMIN
    assert owner.display_name == "Bilal & Co"  # unescaped once
    assert owner.email == "bilal@example.net"
    assert not owner.has_usable_password()
    assert owner.date_joined.isoformat() == "2009-03-01T10:00:00+00:00"
    zara = Member.objects.get(email="zara@example.net")
    assert zara.role == Member.Role.ADMIN
    assert zara.display_name == "Zara Ilyas"  # the older account's name
    # Both Ning accounts find the one member.
    keys = ImportedRecord.objects.filter(kind="member", object_id=zara.pk)
    assert sorted(keys.values_list("original_id", flat=True)) == ["3y1zara", "4z2zara-again"]
    omar = Member.objects.get(email="omar@example.net")
    assert omar.role == Member.Role.MODERATOR
    assert not omar.is_active and omar.suspended_at is not None
    pari = Member.objects.get(email="pari@example.net")
    assert pari.awaiting_approval and pari.is_active
    left = Member.objects.get(source_id="7left")
    assert left.is_former and left.email is None and "Lateef" not in left.display_name
    assert not left.profile_answers.exists() and not left.photo
    assert not Member.objects.filter(email__iexact="lateef@example.net").exists()
    # An email that is no address: imported, without it, and cannot sign in.
    badr = Member.objects.get(source_id="8bad")
    assert badr.email is None and not badr.is_active and badr.display_name == "Badr Noemail"


def test_the_network_must_exist_first(archive: Path) -> None:
    with pytest.raises(CommandError, match="Create the network first"):
        run(archive)
    assert not Member.objects.exists()


def test_the_creator_with_the_owners_email_gets_the_owners_content(
    network: Network, archive: Path
) -> None:
    creator = network.creator
    creator.email = "bilal@example.net"
    creator.save()
    run(archive)
    creator.refresh_from_db()
    assert creator.role == Member.Role.CREATOR and creator.has_usable_password()
    assert creator.display_name == "Nadia Qureshi"  # their account is kept as it is
    assert Post.objects.get(source_id="blog:2x0owner:BlogEntry:100").author == creator
    assert Wall.objects.get(member=creator).comment_count == 2


def test_profile_answers_extra_fields_and_photo(network: Network, archive: Path) -> None:
    output = run(archive)
    owner = Member.objects.get(source_id="2x0owner")
    answers = {a.question.label: a.value for a in owner.profile_answers.select_related("question")}
    assert answers == {
        "Favourite tea?": "Kashmiri chai",
        "Location": "Multan",
        "Gender": "Male",
        "Birthday": "1975-06-02",
        "favouriteBand": "The Sparrows",
    }
    assert Question.objects.get(label="Birthday").visibility == "admins"
    zara = Member.objects.get(email="zara@example.net")
    # The merged second account's answer is kept.
    assert zara.profile_answers.get().value == "Green"
    assert owner.photo and owner.photo_thumb
    # A damaged photo and a missing one: the members are imported, the photos reported.
    assert not Member.objects.get(email="omar@example.net").photo
    assert "photo damaged: left out" in output
    assert "photo missing from the archive: left out" in output


def test_blog_posts_published_and_drafts_sanitised(network: Network, archive: Path) -> None:
    run(archive)
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    assert kites.title == "Kites & string: f(x) = [a]{b} }{"
    assert kites.status == Post.Status.PUBLISHED
    assert kites.author.email == "zara@example.net"
    assert kites.published_at is not None
    assert kites.published_at.isoformat() == "2011-04-02T09:30:00+00:00"  # the date readers saw
    assert kites.created_at.isoformat() == "2011-04-01T09:00:00+00:00"
    assert "Paper kites — [a]{b} }{" in kites.body_html
    for unsafe in ("<script", "onerror", "style=", "<font"):
        assert unsafe not in kites.body_html
    draft = Post.objects.get(source_id="blog:2x0owner:BlogEntry:300")
    assert draft.status == Post.Status.DRAFT and draft.published_at is None
    assert draft.title == "A draft &amp; its notes"
    # An old video player becomes a link to the video; another embed is dropped.
    watch = "https://www.youtube.com/watch?v=abcDEF12345"
    assert f'<a href="{watch}" rel="nofollow noopener ugc">{watch}</a>' in draft.body_html
    assert "flash.example.com" not in draft.body_html
    urdu = Post.objects.get(source_id="blog:2x0owner:BlogEntry:100")
    assert urdu.title.encode() == URDU_TITLE.encode()
    assert "آج شام چھت پر بیٹھ کر بادل گنتے رہے۔" in urdu.body_html
    assert URDU_BODY.startswith("<p>")


def test_comments_in_order_by_their_authors_with_a_former_member(
    network: Network, archive: Path
) -> None:
    run(archive)
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    comments = list(Comment.objects.filter(object_id=kites.pk, content_type__model="post"))
    assert [c.body for c in comments] == [
        "First\nline two",
        "Same instant, written second",
        "Second 😀",
        "Third, by a deleted account",
    ]
    assert [c.created_at.day for c in comments] == [3, 3, 4, 5]
    assert comments[0].author.source_id == "2x0owner"
    assert comments[2].author.email == "zara@example.net"
    gone = comments[3].author
    assert gone.is_former and not gone.is_active and not gone.has_usable_password()
    assert kites.comment_count == 4


def test_wall_comments(network: Network, archive: Path) -> None:
    run(archive)
    owner = Member.objects.get(source_id="2x0owner")
    wall = Wall.objects.get(member=owner)
    comments = list(Comment.objects.filter(object_id=wall.pk, content_type__model="wall"))
    assert [c.body for c in comments] == ["First wall note", "Second wall note 🍵"]
    assert {c.author.email for c in comments} == {"zara@example.net"}
    assert wall.comment_count == 2


def test_the_pages_show_the_import(network: Network, archive: Path, client: Client) -> None:
    run(archive)
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    page = client.get(kites.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kites &amp; string" in text
    assert "Second 😀" in text
    draft = Post.objects.get(source_id="blog:2x0owner:BlogEntry:300")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_report_counts_and_damage(network: Network, archive: Path) -> None:
    output = run(archive)
    assert "members: 6 imported" in output  # seven records, two of them one person
    assert "blog posts: 3 imported" in output
    assert "blog comments: 4 imported" in output
    assert "wall comments: 2 imported" in output
    assert "former members (authors without a member record): 1 imported" in output
    assert "accounts merged (same email)" in output
    assert "damaged: ning-blogs-local.json" in output
    assert "skipped ×1: unreadable in the file (damaged)" in output
    assert "JSON repaired" in output


def test_second_run_changes_nothing(network: Network, archive: Path) -> None:
    run(archive)
    first = counts()
    output = run(archive)
    assert counts() == first
    assert "members: 0 imported" in output
    assert "blog posts: 0 imported" in output
    assert "already imported" in output


def test_interrupted_run_goes_on(network: Network, archive: Path) -> None:
    """A run that stopped after the members: the next one brings the rest, nothing twice."""
    run(archive)
    whole = counts()
    Post.objects.filter(source_id__startswith="blog:").delete()
    ImportedRecord.objects.filter(kind="blog").delete()
    ImportedRecord.objects.filter(kind="comment", original_id__startswith="blog:").delete()
    Comment.objects.filter(source_id__startswith="blog:").delete()
    run(archive)
    assert counts() == whole


def test_dry_run_writes_nothing(network: Network, archive: Path, settings: Any) -> None:
    before = counts()
    output = run(archive, "--dry-run")
    assert counts() == before
    assert "Dry run: nothing was written." in output
    assert "blog posts: 3 imported" in output
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_not_an_archive(tmp_path: Path, db: None) -> None:
    with pytest.raises(CommandError):
        run(tmp_path)
    with pytest.raises(CommandError):
        run(tmp_path / "nowhere")


def test_groups_privacy_members_invitations_requests_wall(network: Network, archive: Path) -> None:
    run(archive)
    kites = Group.objects.get(name="Kite Makers")
    assert kites.is_private and kites.joining == Group.Joining.REQUEST
    assert kites.description_html == '<p dir="auto">Paper, bamboo &amp; glue</p>'
    assert kites.creator is not None and kites.creator.email == "zara@example.net"
    roles = {m.member.email: m.role for m in kites.memberships.select_related("member")}
    assert roles == {"zara@example.net": "admin", "bilal@example.net": "member"}
    assert kites.member_count == 2
    assert [i.member.email for i in kites.invitations.all()] == ["omar@example.net"]
    assert [r.member.email for r in kites.join_requests.all()] == ["pari@example.net"]
    assert kites.icon
    assert kites.comment_count == 1
    kitchen = Group.objects.get(name="Open Kitchen")
    assert not kitchen.is_private and kitchen.joining == Group.Joining.OPEN
    assert not kitchen.icon


def test_discussions_categories_and_group_discussions(network: Network, archive: Path) -> None:
    output = run(archive)
    glue = Discussion.objects.get(title="Best glue?")
    assert glue.group is not None and glue.group.name == "Kite Makers"
    assert glue.category is None
    replies = list(Comment.objects.filter(object_id=glue.pk, content_type__model="discussion"))
    assert [r.body.split("\n")[0] for r in replies] == ["Rice", "Fish, always"]
    glue.refresh_from_db()
    assert glue.comment_count == 2
    assert glue.last_reply_by is not None and glue.last_reply_by.email == "zara@example.net"
    assert glue.last_activity_at.isoformat() == "2010-07-06T12:00:00+00:00"
    mangoes = Discussion.objects.get(title="Monsoon & mangoes")
    assert mangoes.category is not None and mangoes.category.name == "Food & Drink"
    assert mangoes.category.discussion_count == 1
    hello = Discussion.objects.get(title="Introductions")
    assert hello.category is not None and hello.category.name == "General"
    [attached] = mangoes.attachments.all()
    assert attached.name == "list.txt"
    assert attached.file.read() == b"Langra\nChaunsa\n"
    assert "file missing from the archive: marked" in output
    assert "file damaged or of a kind the forum refuses: marked" in output
    mangoes.refresh_from_db()
    assert "[file missing: gone.pdf]" in mangoes.body_html
    assert "[file not kept: run.exe]" in mangoes.body_html


def test_events_with_answers_from_either_key(network: Network, archive: Path) -> None:
    output = run(archive)
    festival = Event.objects.get(title="Kite Festival")
    assert festival.start_at.isoformat() == "2011-02-05T09:00:00+00:00"
    assert festival.end_at.isoformat() == "2011-02-05T17:00:00+00:00"
    assert festival.location == "Old Fort, Multan"
    assert festival.website == "https://kites.example.org/"
    assert festival.organiser_name == "The Kite Makers"
    assert festival.privacy == Event.Privacy.PUBLIC
    assert "Ask Zara" in festival.description_html
    answers = {r.member.email: r.answer for r in festival.rsvps.select_related("member")}
    assert answers == {"zara@example.net": "yes", "omar@example.net": "maybe"}
    assert festival.attending_count == 1
    dinner = Event.objects.get(title="Committee dinner")
    assert dinner.all_day and dinner.privacy == Event.Privacy.INVITED
    assert dinner.website == ""
    assert dinner.end_at > dinner.start_at
    answers = {r.member.source_id: r.answer for r in dinner.rsvps.select_related("member")}
    assert answers == {"2x0owner": "yes", "6pend": "no", "former:9gone": "yes"}
    assert dinner.attending_count == 2
    # A private event: who answered was invited, and still sees it.
    invited = {i.member.source_id for i in dinner.invitations.select_related("member")}
    assert invited == {"2x0owner", "6pend", "former:9gone"}
    assert not Event.objects.filter(title="No date").exists()
    assert "skipped ×1: no start date" in output


def test_pictures_inside_posts_copied_or_marked(network: Network, archive: Path) -> None:
    output = run(archive)
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    html = kites.body_html
    stored = re.findall(r'src="(/[^"]*imports/ning/sky[^"]*)"', html)
    assert len(stored) == 2 and stored[0] == stored[1]  # one copy for the two references
    assert "api.ning.com" not in html
    assert html.count("[picture missing:") == 3  # "x", Ning's server, the truncated file
    assert "picture missing: cut.png" in html
    assert 'src="https://pictures.example.org/fine.png"' in html
    assert "picture missing or damaged: marked in the text" in output


def test_photos_videos_pages_notes_music(network: Network, archive: Path) -> None:
    output = run(archive)
    photo = Photo.objects.get(source_id="photo:2x0owner:Photo:41")
    assert photo.caption == "Kites at dusk — From the roof"
    assert photo.image and photo.thumb and photo.width == 40
    assert photo.owner.email == "zara@example.net"
    assert photo.comment_count == 1
    assert Photo.objects.count() == 1
    assert "skipped ×1: picture missing from the archive" in output
    assert "skipped ×1: picture damaged or not a picture" in output
    youtube = Video.objects.get(title="Old embed")
    assert (youtube.provider, youtube.video_id) == ("youtube", "abcDEF12345")
    assert youtube.comment_count == 1
    vimeo = Video.objects.get(title="Vimeo one")
    assert (vimeo.provider, vimeo.video_id) == ("vimeo", "123456")
    assert not Video.objects.filter(title="Uploaded").exists()
    assert "an uploaded video file" in output
    about = Page.objects.get(title="About & Rules")
    assert about.published and about.body_html == '<p dir="auto">Be kind</p>'
    assert Page.objects.filter(title="Admin").exists()
    assert "field 'visibility' not imported" in output
    assert "music: 3 imported" in output


def test_cached_pages_and_search_show_the_import(
    network: Network, archive: Path, client: Client
) -> None:
    """Pages cached for visitors before the import show it after (invalidated once at the
    end), and the search index is rebuilt with what came in."""
    for url in ("/", "/blog/", "/forum/"):
        assert client.get(url).status_code == 200
    run(archive)
    assert "Kites &amp; string" in client.get("/blog/").content.decode()
    assert "Monsoon &amp; mangoes" in client.get("/forum/latest/").content.decode()
    assert "Kites &amp; string" in client.get("/").content.decode()
    found = client.get("/search/", {"q": "kites"}).content.decode()
    assert "&amp; string: f(x)" in found


def test_records_of_the_wrong_shape_are_reported_not_fatal(
    network: Network, tmp_path: Path
) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    odd: list[object] = [
        {"contributorName": ["x"], "email": 5},
        {"contributorName": "ok1", "email": "ok1@example.net", "profileQuestions": ["a"],
         "comments": {"not": "a list"}, "createdDate": 12345, "fullName": None},
    ]  # fmt: skip
    (folder / "ning-members-local.json").write_text(json.dumps(odd), encoding="utf-8")
    blogs: list[object] = [
        "a string",
        {"id": 7, "title": ["list"], "description": {"x": 1}, "comments": [1, "two", None],
         "contributorName": "ok1", "publishStatus": None, "createdDate": "yesterday"},
    ]  # fmt: skip
    (folder / "ning-blogs-local.json").write_text(json.dumps(blogs), encoding="utf-8")
    output = run(folder)
    assert "members: 1 imported" in output
    assert "skipped ×1: no contributorName" in output
    assert "blog posts: 1 imported" in output
    assert "value that is not a record ×1" in output
    assert "skipped ×3: not a record" in output  # the blog's comments 1, "two", None
    post = Post.objects.get(source_id="blog:7")
    assert post.status == Post.Status.DRAFT


def test_a_run_stopped_halfway_is_finished_by_the_next(
    network: Network, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped (Ctrl-C) during the blog posts: what was committed stays, the next run brings
    the rest and nothing twice."""
    monkeypatch.setattr(importer, "BATCH", 1)
    real = importer.NingImport.import_post
    calls = []

    def stop_at_the_second(self: importer.NingImport, record: dict[str, Any]) -> None:
        calls.append(record)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(self, record)

    monkeypatch.setattr(importer.NingImport, "import_post", stop_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        run(archive)
    assert Post.objects.count() == 1
    assert not Discussion.objects.exists()
    monkeypatch.setattr(importer.NingImport, "import_post", real)
    output = run(archive)
    assert "blog posts: 2 imported" in output
    # Three blog posts, three uploaded videos and two members' music as posts.
    assert Post.objects.count() == 8
    # 4 on posts, 2 + 1 on walls, 2 replies, photo, 2 videos, 2 on an event.
    assert Comment.objects.count() == 14
    originals = ImportedRecord.objects.values_list("kind", "original_id")
    assert len(set(originals)) == len(originals)


def test_an_old_player_in_a_published_post_becomes_the_platforms_player(
    network: Network, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "embeds"
    folder.mkdir()
    people = [
        {
            "contributorName": "3y1zara",
            "fullName": "Zara Ilyas",
            "state": "active",
            "email": "zara@example.net",
            "createdDate": "2010-01-01T10:00:00.000Z",
        }
    ]
    posts = [{
        "id": "2x0owner:BlogEntry:700", "contributorName": "3y1zara", "title": "Monsoon film",
        "description": '<p>Watch:</p><object><param name="movie" '
                       'value="http://www.youtube.com/v/abcDEF12345&hl=en"></object>',
        "createdDate": "2012-07-01T10:00:00.000Z", "publishStatus": "publish",
    }]  # fmt: skip
    (folder / "ning-members-local.json").write_text(json.dumps(people), encoding="utf-8")
    (folder / "ning-blogs-local.json").write_text(json.dumps(posts), encoding="utf-8")
    run(folder)
    video = Video.objects.get()
    assert (video.provider, video.video_id) == ("youtube", "abcDEF12345")
    assert video.owner.email == "zara@example.net"
    post = Post.objects.get(source_id="blog:2x0owner:BlogEntry:700")
    assert f'href="{video.get_absolute_url()}"' in post.body_html
    # The video's page plays it (the platform's player), and a second run makes no other.
    page = Client().get(video.get_absolute_url()).content.decode()
    assert "youtube-nocookie.com/embed/abcDEF12345" in page
    run(folder)
    assert Video.objects.count() == 1
