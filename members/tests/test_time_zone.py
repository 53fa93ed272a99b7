"""A member's own time zone, chosen on their profile settings (blank: the network's)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import client_for
from members import services

pytestmark = pytest.mark.django_db


def settings_page(member) -> str:
    response = client_for(member).get(reverse("members:edit_profile"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_settings_offer_the_zones_with_the_networks_as_the_default(member):
    html = settings_page(member)
    assert "Your time zone" in html
    assert "Event times are shown in the network's time zone, Asia/Karachi." in html
    assert '<option value="" selected>The network&#x27;s time zone (Asia/Karachi)</option>' in html
    assert '<optgroup label="Europe">' in html
    assert '<option value="Europe/London">Europe/London</option>' in html
    assert '<option value="America/Los_Angeles">America/Los Angeles</option>' in html
    assert '<option value="UTC">UTC</option>' in html


def test_a_chosen_zone_is_saved_and_shown_when_they_come_back(member):
    response = client_for(member).post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal Ahmed", "about": "", "time_zone": "Europe/London"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.time_zone == "Europe/London"
    assert '<option value="Europe/London" selected>' in settings_page(member)


def test_choosing_the_blank_goes_back_to_the_networks_zone(member):
    member.time_zone = "Europe/London"
    member.save()
    client_for(member).post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal Ahmed", "about": "", "time_zone": ""},
    )
    member.refresh_from_db()
    assert member.time_zone == ""


@pytest.mark.parametrize("typed", ["Mars/Olympus", "US/Eastern", "localtime", "x" * 300])
def test_an_unknown_zone_is_refused_and_what_was_typed_stays(member, typed):
    member.time_zone = "Asia/Tokyo"
    member.save()
    response = client_for(member).post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal A. Renamed", "about": "typed text stays", "time_zone": typed},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "is not a time zone we know. Please choose one from the list." in html
    assert "Bilal A. Renamed" in html
    assert "typed text stays" in html
    member.refresh_from_db()
    assert (member.display_name, member.time_zone) == ("Bilal Ahmed", "Asia/Tokyo")


def test_the_service_refuses_an_unknown_zone_too(member):
    with pytest.raises(ValidationError):
        services.update_profile(
            member, display_name="Bilal Ahmed", about="", photo=None, time_zone="Mars/Olympus"
        )
    member.refresh_from_db()
    assert member.time_zone == ""


def test_saving_the_profile_elsewhere_keeps_the_zone(member):
    member.time_zone = "Europe/London"
    member.save()
    services.update_profile(member, display_name="Bilal A.", about="", photo=None)
    member.refresh_from_db()
    assert member.time_zone == "Europe/London"


def test_a_member_who_leaves_loses_their_zone_with_the_rest(member):
    member.time_zone = "Europe/London"
    member.save()
    services.leave(member, keep_content=True)
    member.refresh_from_db()
    assert member.time_zone == ""
