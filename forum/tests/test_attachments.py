"""Attachments: checked by their content, limited in size and number, downloaded never as
HTML."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import client_for
from forum import attachments
from forum.models import Attachment, Discussion
from forum.tests.helpers import docx, make_category, pdf, png

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(creator):
    return make_category(creator)


def start(member, category, *files):
    return client_for(member).post(
        reverse("forum:start"),
        {
            "category": category.pk,
            "title": "Photos",
            "body": "From the dinner.",
            "new_files": files,
        },
    )


def test_a_real_png_and_documents_are_kept_and_served_with_their_disposition(member, category):
    response = start(member, category, png("dinner.png"), pdf(), docx())
    assert response.status_code == 302
    discussion = Discussion.objects.get()
    picture, document, word = discussion.attachments.order_by("id")
    assert picture.kind == "image" and picture.content_type == "image/png"
    page = Client().get(discussion.get_absolute_url()).content.decode()
    assert picture.get_absolute_url() in page and "minutes.pdf" in page

    shown = Client().get(picture.get_absolute_url())
    assert shown["Content-Type"] == "image/png"
    assert shown["Content-Disposition"].startswith("inline")
    downloaded = Client().get(document.get_absolute_url())
    assert downloaded["Content-Type"] == "application/pdf"
    assert downloaded["Content-Disposition"].startswith("attachment")
    assert 'filename="minutes.pdf"' in downloaded["Content-Disposition"]
    assert downloaded["X-Content-Type-Options"] == "nosniff"
    assert b"".join(downloaded.streaming_content).startswith(b"%PDF-")
    assert word.extension == "docx"


def test_a_fake_png_is_refused_with_a_message_and_the_text_kept(member, category):
    fake = SimpleUploadedFile("dinner.png", b"<html>not a picture</html>", "image/png")
    response = start(member, category, fake)
    assert response.status_code == 400
    page = response.content.decode()
    assert "is not a picture we can read" in page
    assert "From the dinner." in page
    assert not Discussion.objects.exists()


def test_html_and_unknown_types_are_refused(member, category):
    for name, data in [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"<!DOCTYPE html><html></html>"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("report.pdf", b"<html>pretending</html>"),
    ]:
        response = start(member, category, SimpleUploadedFile(name, data, "text/plain"))
        assert response.status_code == 400, name
        assert "is not a file the forum takes" in response.content.decode(), name
    assert not Attachment.objects.exists()


def test_a_too_large_file_is_refused(member, category, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_BYTES", 1000)
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000, "application/pdf")
    response = start(member, category, big)
    assert response.status_code == 400
    assert "the largest allowed is" in response.content.decode()


def test_at_most_five_files(member, category):
    response = start(member, category, *[png(f"p{i}.png") for i in range(6)])
    assert response.status_code == 400
    assert "at most 5 attachments" in response.content.decode()


def test_a_hidden_discussions_files_are_not_served_to_others(
    member, other_member, creator, category
):
    from forum import services

    start(member, category, pdf())
    discussion = Discussion.objects.get()
    services.set_hidden(discussion, True, by=creator)
    url = discussion.attachments.get().get_absolute_url()
    assert Client().get(url).status_code == 404
    assert client_for(other_member).get(url).status_code == 404
    assert client_for(member).get(url).status_code == 200


def test_the_author_removes_an_attachment_when_editing(member, category):
    start(member, category, pdf(), png())
    discussion = Discussion.objects.get()
    going = discussion.attachments.get(kind="document")
    response = client_for(member).post(
        reverse("forum:edit", args=[discussion.pk]),
        {"category": category.pk, "title": "Photos", "body": "Fewer files", "remove": [going.pk]},
    )
    assert response.status_code == 302
    assert list(discussion.attachments.values_list("kind", flat=True)) == ["image"]
