"""In Chromium: the creator starts an export and downloads it; a page left open on an export
under way turns into the download link by itself (htmx polling), with no reload."""

import json
import zipfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from exports.models import ExportJob
from exports.services import exports_dir
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EXPORTS_DIR = str(tmp_path / "exports")


def test_the_creator_exports_and_watches_an_export_finish(
    browser: Browser, live_server, network, creator, tmp_path
):
    page = browser.new_context(accept_downloads=True).new_page()
    sign_in(page, live_server.url, creator)
    page.goto(f"{live_server.url}/manage/")
    page.get_by_role("link", name="Export the network").click()
    page.get_by_role("button", name="Export the whole network").click()
    expect(page.get_by_text("The export has started")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download").click()
    saved = tmp_path / "downloaded.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as zf:
        assert json.loads(zf.read("manifest.json"))["network"] == "Riverbend Alumni"

    # An export the worker is still making: the page follows it.
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.NETWORK,
        requested_by=creator,
        state=ExportJob.State.RUNNING,
        done=10,
        total=40,
    )
    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    expect(page.get_by_text("10 of 40 records and files written")).to_be_visible()
    Path(exports_dir(), "late.zip").write_bytes(saved.read_bytes())
    ExportJob.objects.filter(pk=job.pk).update(
        state=ExportJob.State.DONE,
        done=40,
        file_name="late.zip",
        size=saved.stat().st_size,
        finished_at=timezone.now(),
    )
    expect(page.get_by_role("link", name="Download")).to_be_visible(timeout=15_000)
