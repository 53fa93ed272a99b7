"""An event's page and the lists, for each persona: who sees a public event, an invited-only
one, a hidden one; who may add, edit, delete and hide; times in the network's time zone."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_member, png_upload
from events.models import Event
from events.services import answer, invite
from members.models import Member

from .helpers import KARACHI, make_all_day_event, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(network):
    return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)


def test_visitors_see_a_public_event_its_guests_and_the_join_gate_on_comments(
    network, member, other_member
):
    event = make_event(member, "Reunion dinner in Lahore", location="Alhamra Hall")
    page = Client().get(event.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Reunion dinner in Lahore" in html
    assert "Alhamra Hall" in html
    assert "<strong>old friends</strong>" in html
    assert "Join to answer" in html
    assert "You need to be a member of" in html  # the comments' join gate
    listing = Client().get(reverse("events:upcoming")).content.decode()
    assert "Reunion dinner in Lahore" in listing


def test_an_event_at_six_in_karachi_shows_as_six_pm(network, member):
    start = dt.datetime(2026, 12, 5, 18, 0, tzinfo=KARACHI)
    event = make_event(member, "Mushaira", start=start, hours=3)
    assert event.start_at.astimezone(dt.UTC).hour == 13  # stored in UTC
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026, 6 p.m. – 9 p.m." in html
    assert "Asia/Karachi" in html


def test_an_all_day_event_shows_its_dates_only(network, member):
    event = make_all_day_event(member, "Sports day", dt.date(2026, 12, 5), dt.date(2026, 12, 6))
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026 – Sunday, December 6, 2026 (all day)" in html


def test_a_member_adds_an_event_with_times_in_the_networks_zone_and_an_image(network, member):
    response = client_for(member).post(
        reverse("events:create"),
        {
            "title": "Alumni iftar",
            "description": "Bring *family*. <script>alert(1)</script>",
            "start_date": "2026-12-05",
            "start_time": "18:00",
            "end_time": "21:30",
            "location": "Karachi Gymkhana",
            "website": "https://example.org/iftar",
            "privacy": "public",
            "attendee_limit": "40",
            "image": png_upload(2400, 1600, "poster.png"),
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    assert event.organiser == member
    assert event.start_at == dt.datetime(2026, 12, 5, 13, 0, tzinfo=dt.UTC)
    assert event.end_at == dt.datetime(2026, 12, 5, 16, 30, tzinfo=dt.UTC)
    assert "<script>" not in event.description_html
    assert "<em>family</em>" in event.description_html
    assert event.attendee_limit == 40
    assert event.image.name.endswith(".jpg")
    assert event.image.width == 1200


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"start_time": "18:00", "end_time": "17:00"}, "The event must end after it starts."),
        ({"start_time": ""}, "Please give a start time"),
        ({"website": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"start_date": "not a date"}, "Enter a valid date."),
    ],
)
def test_a_refused_event_form_answers_400_keeping_what_was_typed(network, member, fields, error):
    data = {
        "title": "Cricket match",
        "start_date": "2026-12-05",
        "start_time": "18:00",
        "privacy": "public",
        **fields,
    }
    response = client_for(member).post(reverse("events:create"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert 'value="Cricket match"' in html
    assert not Event.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused(network, member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(member).post(
        reverse("events:create"),
        {
            "title": "Picnic",
            "start_date": "2026-12-05",
            "start_time": "10:00",
            "privacy": "public",
            "image": SimpleUploadedFile("a.png", b"not a picture", content_type="image/png"),
        },
    )
    assert response.status_code == 400
    assert "not an image we can read" in response.content.decode()


def test_unconfirmed_and_visitors_cannot_add_events(network, unconfirmed):
    assert client_for(unconfirmed).get(reverse("events:create")).status_code == 302
    response = Client().get(reverse("events:create"))
    assert response.status_code == 302 and "/signin/" in response["Location"]


def test_invited_only_events_show_to_the_invited_the_organiser_and_moderators_only(
    network, member, other_member, moderator, admin_member
):
    event = make_event(member, "Committee meeting", invited_only=True)
    invite(event, [other_member], by=member)
    outsider = make_member("Nobody Invited", "nobody@example.org")
    for who, sees in [
        (member, True),
        (other_member, True),
        (moderator, True),
        (admin_member, True),
        (outsider, False),
    ]:
        client = client_for(who)
        status = client.get(event.get_absolute_url()).status_code
        listing = client.get(reverse("events:upcoming")).content.decode()
        assert (status == 200) is sees, who
        assert ("Committee meeting" in listing) is sees, who
    assert Client().get(event.get_absolute_url()).status_code == 404
    assert "Committee meeting" not in Client().get(reverse("events:upcoming")).content.decode()
    # The suspended invitee reads like a visitor.
    Member.objects.filter(pk=other_member.pk).update(is_active=False)
    assert client_for(other_member).get(event.get_absolute_url()).status_code == 404


def test_the_organiser_edits_and_deletes_after_confirming_others_may_not(
    network, member, other_member
):
    event = make_event(member, "Alumni dinner")
    assert client_for(other_member).get(reverse("events:edit", args=[event.pk])).status_code == 403
    assert (
        client_for(other_member).post(reverse("events:delete", args=[event.pk])).status_code == 403
    )
    organiser = client_for(member)
    page = organiser.get(reverse("events:edit", args=[event.pk]))
    assert 'value="Alumni dinner"' in page.content.decode()
    confirm = organiser.get(reverse("events:delete", args=[event.pk]))
    assert "This cannot be undone." in confirm.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()
    organiser.post(reverse("events:delete", args=[event.pk]))
    assert not Event.objects.filter(pk=event.pk).exists()


def test_moderators_hide_an_event_and_only_the_organiser_and_moderators_see_it(
    network, member, other_member, moderator
):
    event = make_event(member, "Heated debate night")
    assert client_for(member).get(reverse("events:hide", args=[event.pk])).status_code == 403
    client_for(moderator).post(reverse("events:hide", args=[event.pk]))
    event.refresh_from_db()
    assert event.is_hidden
    assert client_for(other_member).get(event.get_absolute_url()).status_code == 404
    assert Client().get(event.get_absolute_url()).status_code == 404
    assert "hidden this event" in client_for(member).get(event.get_absolute_url()).content.decode()
    client_for(moderator).post(reverse("events:unhide", args=[event.pk]))
    assert Client().get(event.get_absolute_url()).status_code == 200


def test_moderators_delete_others_events(network, member, moderator):
    event = make_event(member)
    client_for(moderator).post(reverse("events:delete", args=[event.pk]))
    assert not Event.objects.exists()


def test_past_and_upcoming_lists_are_in_their_orders(network, member):
    now = timezone.now()
    make_event(member, "Next week", start=now + dt.timedelta(days=7))
    make_event(member, "Tomorrow", start=now + dt.timedelta(days=1))
    make_event(member, "Last month", start=now - dt.timedelta(days=30))
    make_event(member, "Last week", start=now - dt.timedelta(days=7))
    upcoming = Client().get(reverse("events:upcoming")).content.decode()
    assert upcoming.index("Tomorrow") < upcoming.index("Next week")
    assert "Last week" not in upcoming
    past = Client().get(reverse("events:past")).content.decode()
    assert past.index("Last week") < past.index("Last month")
    assert "Tomorrow" not in past


def test_my_events_lists_what_i_organise_and_attend(network, member, other_member):
    from events.services import answer

    mine = make_event(member, "My own picnic")
    theirs = make_event(other_member, "Their concert")
    make_event(other_member, "Something else")
    answer(theirs, "maybe", by=member)
    html = client_for(member).get(reverse("events:mine")).content.decode()
    assert "My own picnic" in html and "Their concert" in html
    assert "Something else" not in html
    del mine


def test_the_navigation_links_to_events(network):
    assert f'href="{reverse("events:upcoming")}"' in Client().get("/").content.decode()


def test_invitation_by_name_is_two_steps_and_tells_the_invitee(network, member, other_member):
    from notifications.models import Notification

    event = make_event(member, "Committee meeting", invited_only=True)
    client = client_for(member)
    url = reverse("events:invite", args=[event.pk])
    step_one = client.get(url, {"names": "Charlotte Reyes, @nobody-here"})
    assert "No member is called “@nobody-here”." in step_one.content.decode()
    assert 'name="handles"' not in step_one.content.decode()
    step_two = client.get(url, {"names": "Charlotte Reyes"})
    assert "Invite 1 member" in step_two.content.decode()
    assert f'name="handles" value="{other_member.handle}"' in step_two.content.decode()
    assert not event.invitations.exists()
    refused = client.post(url, {"handles": "nobody-here"})
    assert refused.status_code == 400
    assert not event.invitations.exists()
    client.post(url, {"handles": other_member.handle})
    assert list(event.invitations.values_list("member", flat=True)) == [other_member.pk]
    [note] = Notification.objects.filter(recipient=other_member, kind="event-invitation")
    assert note.title == "Committee meeting"
    assert client_for(other_member).get(event.get_absolute_url()).status_code == 200


def test_the_list_shows_a_new_answer_and_a_new_event_at_the_next_request(
    network, member, other_member, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the list's entries are still kept, as a part of the page
    event = make_event(member, "Reunion dinner in Lahore")
    visitor = Client()
    assert "0 attending" in visitor.get(reverse("events:upcoming")).content.decode()
    answer(event, "yes", by=other_member)
    make_event(member, "Picnic at Lake Saiful Muluk")
    listing = visitor.get(reverse("events:upcoming")).content.decode()
    assert "1 attending" in listing and "Picnic at Lake Saiful Muluk" in listing
