"""The creator's /manage/export/ and a member's /settings/data/: made in the background (the tests'
task queue runs the job at once), progress, download through a view that checks who asks, and
deletion after a confirmation. A member's archive holds their rows and nobody else's secrets."""

import zipfile
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from comments.services import add_comment
from conftest import client_for, make_post, page_queries, png_upload
from exports.models import ExportJob
from exports.services import OWN_DATA_PER_DAY, exports_dir
from friends.services import accept, send_request
from lib.sections import render_sections
from members.models import ActionLog
from members.services import set_photo
from messaging.services import delete_for, start_thread
from tests.datafixtures import assert_same_queries

from .helpers import contents


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EXPORTS_DIR = str(tmp_path / "exports")


def archive_of(response) -> Path:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    path = Path(exports_dir()) / "downloaded.zip"
    path.write_bytes(b"".join(response.streaming_content))
    return path


# --- The whole network --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_creator_exports_the_network_and_downloads_it(creator, member, settings):
    make_post(member, title="Reunion in Lahore")
    client = client_for(creator)
    page = client.get("/manage/export/")
    assert "Export the whole network" in page.text
    assert "No export yet." in page.text

    started = client.post("/manage/export/")

    job = ExportJob.objects.get()
    assert started.status_code == 302 and started["Location"] == job.get_absolute_url()
    assert job.state == ExportJob.State.DONE and job.total == job.done > 0
    shown = client.get(job.get_absolute_url())
    assert "Ready" in shown.text and f"/exports/{job.pk}/download/" in shown.text
    manifest, records, _files = contents(archive_of(client.get(f"/exports/{job.pk}/download/")))
    assert manifest["scope"] == "network"
    assert [p["title"] for p in records["blogs.post"].values()] == ["Reunion in Lahore"]
    # Kept outside the uploads, readable by the server's user only, and logged.
    path = Path(exports_dir()) / job.file_name
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert path.stat().st_mode & 0o077 == 0
    assert ActionLog.objects.filter(action="export-network", actor=creator).exists()
    assert "Ready" in client.get("/manage/export/").text


@pytest.mark.django_db
def test_asking_again_while_one_runs_shows_the_one_under_way(creator):
    running = ExportJob.objects.create(
        kind=ExportJob.Kind.NETWORK, requested_by=creator, state=ExportJob.State.RUNNING
    )
    response = client_for(creator).post("/manage/export/")
    assert response["Location"] == running.get_absolute_url()
    assert ExportJob.objects.count() == 1


@pytest.mark.django_db
def test_the_progress_polls_with_htmx_and_reloads_without_it(creator):
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.NETWORK,
        requested_by=creator,
        state=ExportJob.State.RUNNING,
        done=250,
        total=1000,
    )
    client = client_for(creator)
    fragment = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<div class="export-progress"')
    assert f'hx-get="{job.get_absolute_url()}"' in fragment.text
    assert "250 of 1000" in fragment.text
    page = client.get(job.get_absolute_url())
    assert '<meta http-equiv="refresh" content="5">' in page.text
    # A worker that died: said so, and no more polling.
    ExportJob.objects.filter(pk=job.pk).update(
        updated_at=timezone.now() - timezone.timedelta(hours=1)
    )
    stalled = client.get(job.get_absolute_url())
    assert "has not moved for a while" in stalled.text
    assert "hx-get" not in stalled.text and "refresh" not in stalled.text


@pytest.mark.django_db
def test_administrators_and_members_do_not_export_the_network(creator, admin_member, member):
    job = ExportJob.objects.create(kind=ExportJob.Kind.NETWORK, requested_by=creator)
    for who in (admin_member, member):
        client = client_for(who)
        assert client.get("/manage/export/").status_code == 403
        assert client.post("/manage/export/").status_code == 403
        for url in (
            job.get_absolute_url(),
            f"/exports/{job.pk}/download/",
            f"/exports/{job.pk}/delete/",
        ):
            assert client.get(url).status_code == 404
    assert ExportJob.objects.count() == 1
    assert client_for(creator).get("/manage/").status_code == 200
    nav = client_for(creator).get("/manage/").text
    assert 'href="/manage/export/"' in nav
    assert 'href="/manage/export/"' not in client_for(admin_member).get("/manage/").text


@pytest.mark.django_db
def test_deleting_an_export_asks_first_then_removes_its_archive(
    creator, django_capture_on_commit_callbacks
):
    client = client_for(creator)
    client.post("/manage/export/")
    job = ExportJob.objects.get()
    path = Path(exports_dir()) / job.file_name
    assert path.is_file()
    confirm = client.get(f"/exports/{job.pk}/delete/")
    assert "Delete the export?" in confirm.text
    assert ExportJob.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/exports/{job.pk}/delete/")
    assert done["Location"] == "/manage/export/"
    assert not ExportJob.objects.exists()
    assert not path.exists()
    assert ActionLog.objects.filter(action="delete-export").exists()


@pytest.mark.django_db
def test_the_export_list_costs_the_same_queries_with_many_exports(creator):
    def make(n: int) -> None:
        ExportJob.objects.bulk_create(
            ExportJob(kind=ExportJob.Kind.NETWORK, requested_by=creator, state=state)
            for i in range(n)
            for state in [[ExportJob.State.DONE, ExportJob.State.FAILED][i % 2]]
        )

    client = client_for(creator)
    make(5)
    few = {"list": page_queries(client, "/manage/export/")}
    make(45)
    many = {"list": page_queries(client, "/manage/export/")}
    assert_same_queries(few, many)


# --- A member's own data ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_member_downloads_their_own_data_and_nobody_elses(member, other_member, creator):
    set_photo(member, png_upload(64, 48))
    mine = make_post(member, title="My reunion notes")
    draft = make_post(member, title="Half written", publish=False)
    theirs = make_post(other_member, title="Charlotte's post")
    add_comment(theirs, member, "Lovely evening")
    add_comment(mine, other_member, "Thanks for writing it")
    send_request(by=member, to=other_member)
    accept(by=other_member, sender=member)
    start_thread(by=other_member, recipients=[member], subject="Hello", body="Coming in June?")
    gone = start_thread(by=other_member, recipients=[member], subject="Old", body="Deleted one")
    delete_for(by=member, thread=gone.thread)

    client = client_for(member)
    page = client.get("/settings/data/")
    assert "Make the archive" in page.text
    assert client.post("/settings/data/")["Location"] == "/settings/data/"
    job = ExportJob.objects.get(requested_by=member)
    assert job.kind == ExportJob.Kind.MEMBER and job.state == ExportJob.State.DONE
    page = client.get("/settings/data/")
    assert f"/exports/{job.pk}/download/" in page.text

    response = client.get(f"/exports/{job.pk}/download/")
    path = archive_of(response)
    manifest, records, files = contents(path)
    assert manifest["scope"] == "member" and manifest["about"]["member_id"] == member.pk
    assert {p["title"] for p in records["blogs.post"].values()} == {
        "My reunion notes",
        "Half written",
    }
    assert draft.pk in records["blogs.post"] and theirs.pk not in records["blogs.post"]
    assert [c["body"] for c in records["comments.comment"].values()] == ["Lovely evening"]
    # What they deleted for themselves is not theirs to take any more.
    assert [m["body"] for m in records["messaging.message"].values()] == ["Coming in June?"]
    assert [t["subject"] for t in records["messaging.thread"].values()] == ["Hello"]
    assert len(records["friends.friendship"]) == 1
    people = records["members.member"]
    assert people[member.pk]["email"] == "bilal@example.org"
    assert people[member.pk]["password"] == ""
    assert people[other_member.pk]["display_name"] == "Charlotte Reyes"
    assert people[other_member.pk]["email"] in ("", None)
    assert creator.pk not in people
    raw = path.read_bytes()
    assert b"charlotte@example.org" not in raw and b"argon2" not in raw
    with zipfile.ZipFile(path) as zf:
        everything = b"".join(zf.read(n) for n in zf.namelist())
    assert b"charlotte@example.org" not in everything
    assert b"argon2" not in everything and b"pbkdf2" not in everything
    member.refresh_from_db()
    assert set(files) == {f"media/{member.photo.name}", f"media/{member.photo_thumb.name}"}

    # Nobody else opens it: not the other member, not the creator.
    for who in (other_member, creator):
        assert client_for(who).get(f"/exports/{job.pk}/download/").status_code == 404
        assert client_for(who).get(job.get_absolute_url()).status_code == 404
    assert Client().get(f"/exports/{job.pk}/download/").status_code == 302  # sign in first


@pytest.mark.django_db
def test_a_new_archive_replaces_the_old_and_asking_is_limited(
    member, django_capture_on_commit_callbacks
):
    client = client_for(member)
    client.post("/settings/data/")
    first = ExportJob.objects.get()
    old = Path(exports_dir()) / first.file_name
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/settings/data/")
    second = ExportJob.objects.get()
    assert second.pk != first.pk and not old.exists()
    for _ in range(OWN_DATA_PER_DAY - 2):
        client.post("/settings/data/")
    refused = client.post("/settings/data/", follow=True)
    assert "please try again tomorrow" in refused.text
    assert ExportJob.objects.count() == 1


@pytest.mark.django_db
def test_the_settings_page_section_links_to_the_download(member):
    request = RequestFactory().get("/settings/profile/")
    request.user = member
    html = "".join(render_sections("settings", request, member))
    assert 'href="/settings/data/"' in html
    assert "Download your data" in html


@pytest.mark.django_db
def test_a_removed_member_takes_their_archives_along(member, django_capture_on_commit_callbacks):
    from members.services import remove_member

    client_for(member).post("/settings/data/")
    path = Path(exports_dir()) / ExportJob.objects.get().file_name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        remove_member(member)
    assert not ExportJob.objects.exists()
    assert not path.exists()


def test_archives_are_never_kept_among_the_uploads(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.EXPORTS_DIR = str(Path(settings.MEDIA_ROOT) / "exports")
    with pytest.raises(ImproperlyConfigured, match="must not be inside MEDIA_ROOT"):
        exports_dir()


@pytest.mark.django_db
def test_an_archive_gone_from_the_disk_is_no_longer_offered(creator):
    client = client_for(creator)
    client.post("/manage/export/")
    job = ExportJob.objects.get()
    (Path(exports_dir()) / job.file_name).unlink()
    for url in ("/manage/export/", job.get_absolute_url()):
        page = client.get(url)
        assert "no longer on the server" in page.text
        assert f"/exports/{job.pk}/download/" not in page.text
    assert client.get(f"/exports/{job.pk}/download/").status_code == 404
