"""/manage/members/: the administrators' list of members, its search and filters, its pages
and the CSV export."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_member, page_queries
from members.models import Badge, Member
from network.models import Network
from profiles.services import save_answers
from profiles.tests.helpers import ask

URL = reverse("roster:members")
EXPORT = reverse("roster:export")


def names(response: object) -> list[str]:
    page = response.context["page"]  # type: ignore[attr-defined]
    return [m.display_name for m in page]


@pytest.fixture
def people(network: Network) -> dict[str, Member]:
    now = timezone.now()
    found = {
        "ayesha": make_member("Ayesha Siddiqui", "ayesha@lahore.example"),
        "bilal": make_member("Bilal Ahmed", "bilal@example.org", role=Member.Role.MODERATOR),
        "pending": make_member("Parveen Waiting", "parveen@example.org", awaiting_approval=True),
        "suspended": make_member("Sami Suspended", "sami@example.org"),
    }
    Member.objects.filter(pk=found["suspended"].pk).update(is_active=False, suspended_at=now)
    Member.objects.filter(pk=found["ayesha"].pk).update(date_joined=now - dt.timedelta(days=400))
    return found


def test_admins_see_every_member_newest_first_with_role_and_state(
    admin_member: Member, people: dict[str, Member]
) -> None:
    response = client_for(admin_member).get(URL)
    assert response.status_code == 200
    listed = names(response)
    assert listed[0] == "Sami Suspended"  # the newest
    assert listed[-1] == "Ayesha Siddiqui"  # joined 400 days ago
    assert set(listed) >= {"Sami Suspended", "Parveen Waiting", "Nadia Qureshi"}
    html = response.content.decode()
    assert "Waiting for approval" in html and "Suspended" in html
    # Pending members are approved in access/'s queue, linked from here.
    assert "/manage/access/pending/" in html


def test_search_by_name_or_email(admin_member: Member, people: dict[str, Member]) -> None:
    client = client_for(admin_member)
    assert names(client.get(URL, {"q": "siddiq"})) == ["Ayesha Siddiqui"]
    assert names(client.get(URL, {"q": "LAHORE.example"})) == ["Ayesha Siddiqui"]
    assert names(client.get(URL, {"q": "nobody-like-this"})) == []


def test_filters_by_state_role_and_joining_dates(
    admin_member: Member, people: dict[str, Member]
) -> None:
    client = client_for(admin_member)
    assert names(client.get(URL, {"state": "pending"})) == ["Parveen Waiting"]
    assert names(client.get(URL, {"state": "suspended"})) == ["Sami Suspended"]
    assert names(client.get(URL, {"role": "moderator"})) == ["Bilal Ahmed"]
    assert names(client.get(URL, {"role": "creator"})) == ["Nadia Qureshi"]
    today = timezone.localdate()
    long_ago = (today - dt.timedelta(days=500)).isoformat()
    a_year_ago = (today - dt.timedelta(days=300)).isoformat()
    assert names(client.get(URL, {"joined_from": long_ago, "joined_to": a_year_ago})) == [
        "Ayesha Siddiqui"
    ]
    assert "Ayesha Siddiqui" not in names(client.get(URL, {"joined_from": a_year_ago}))


def test_filter_by_answered_question(
    creator: Member, admin_member: Member, people: dict[str, Member]
) -> None:
    city = ask(creator, "Which city do you live in?")
    other = ask(creator, "Graduation year")
    save_answers(people["ayesha"], {city.pk: "Lahore"})
    save_answers(people["bilal"], {city.pk: "Karachi", other.pk: "1998"})
    client = client_for(admin_member)
    assert set(names(client.get(URL, {"question": city.pk}))) == {
        "Ayesha Siddiqui",
        "Bilal Ahmed",
    }
    assert names(client.get(URL, {"question": str(city.pk), "answer": "lahore"})) == [
        "Ayesha Siddiqui"
    ]
    assert names(client.get(URL, {"question": other.pk})) == ["Bilal Ahmed"]


def test_wrong_filters_answer_400_with_the_errors_and_keep_what_was_typed(
    admin_member: Member,
) -> None:
    response = client_for(admin_member).get(
        URL, {"joined_from": "2026-13-45", "role": "emperor", "q": "Ayesha", "question": "x"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid date." in html
    assert 'value="Ayesha"' in html
    response = client_for(admin_member).get(
        URL, {"joined_from": "2026-05-01", "joined_to": "2026-04-01"}
    )
    assert response.status_code == 400
    assert "The end comes before the start." in response.content.decode()


def test_pages_keep_the_filters(admin_member: Member) -> None:
    for i in range(55):
        make_member(f"Member {i:02d}", f"m{i}@example.org", role=Member.Role.MODERATOR)
    client = client_for(admin_member)
    first = client.get(URL, {"role": "moderator"})
    assert len(names(first)) == 50
    assert "role=moderator&amp;page=2" in first.content.decode()
    second = client.get(URL, {"role": "moderator", "page": "2"})
    assert len(names(second)) == 5


def _many(n: int) -> None:
    volunteer = Badge.objects.create(name="Volunteer")
    for i in range(n):
        member = make_member(f"Member {i:02d}", f"many{i}@example.org")
        member.badges.add(volunteer)


@pytest.mark.parametrize("query", ["", "?role=member&q=member"])
def test_a_page_costs_the_same_queries_at_5_and_50_members(
    admin_member: Member, query: str
) -> None:
    client = client_for(admin_member)
    _many(5)
    five = page_queries(client, URL + query)
    _many_more = [make_member(f"More {i}", f"more{i}@example.org") for i in range(45)]
    volunteer = Badge.objects.get()
    for member in _many_more:
        member.badges.add(volunteer)
    fifty = page_queries(client, URL + query)
    assert five == fifty


def _rows(response: object) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.reader(io.StringIO(body)))


def test_csv_export_of_the_filtered_list(admin_member: Member, people: dict[str, Member]) -> None:
    people["bilal"].badges.add(Badge.objects.create(name="Volunteer"))
    response = client_for(admin_member).get(EXPORT, {"role": "moderator"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0] == ["Name", "Email", "Role", "Joined", "State", "Badges"]
    assert rows[1][:3] == ["Bilal Ahmed", "bilal@example.org", "Moderator"]
    assert rows[1][4:] == ["active", "Volunteer"]
    assert len(rows) == 2
    everyone = _rows(client_for(admin_member).get(EXPORT))
    states = {row[0]: row[4] for row in everyone[1:]}
    assert states["Sami Suspended"] == "suspended"
    assert states["Parveen Waiting"] == "waiting for approval"


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(admin_member: Member) -> None:
    make_member('=HYPERLINK("http://evil.example")', "formula@example.org")
    make_member("+1 Plus", "plus@example.org")
    make_member("@SUM(A1)", "at@example.org")
    make_member("-2 Minus", "minus@example.org")
    rows = _rows(client_for(admin_member).get(EXPORT))
    names = {row[0] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example")' in names
    assert {"'+1 Plus", "'@SUM(A1)", "'-2 Minus"} <= names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


def test_moderators_and_members_are_refused(member: Member) -> None:
    moderator = make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)
    for who in (member, moderator):
        assert client_for(who).get(URL).status_code == 403
        assert client_for(who).get(EXPORT).status_code == 403


def test_an_answer_without_a_question_finds_it_in_any_question(
    creator: Member, admin_member: Member, people: dict[str, Member]
) -> None:
    city = ask(creator, "Which city do you live in?")
    save_answers(people["ayesha"], {city.pk: "لاہور"})
    response = client_for(admin_member).get(URL, {"answer": "لاہور"})
    assert response.status_code == 200
    assert names(response) == ["Ayesha Siddiqui"]
