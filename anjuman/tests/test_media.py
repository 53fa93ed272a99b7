"""Uploads behind nginx on a private network: Anjuman decides, nginx sends
(MEDIA_ACCEL_REDIRECT, docs/deploy.md)."""

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from anjuman.urls import media


def test_an_upload_is_handed_to_nginx_by_its_internal_address(settings) -> None:
    settings.MEDIA_ACCEL_REDIRECT = True
    response = media(RequestFactory().get("/media/photos/ab c.jpg"), "photos/ab c.jpg")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/photos/ab%20c.jpg"
    assert "Content-Type" not in response  # nginx names the file's own
    assert isinstance(response, HttpResponse) and response.content == b""


@pytest.mark.parametrize("path", ["../secrets.txt", "photos/../../etc/passwd", "photos//x.jpg"])
def test_a_path_that_climbs_out_is_not_found(settings, path: str) -> None:
    settings.MEDIA_ACCEL_REDIRECT = True
    with pytest.raises(Http404):
        media(RequestFactory().get("/media/x"), path)
