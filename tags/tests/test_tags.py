"""Tags: one tag up to case, spacing and Unicode normalisation; the tag page lists every kind
tagged so (blog posts' own tags among them), only what the viewer may see; the tag cloud."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_member, make_post
from events import services as event_services
from events.tests.helpers import make_event
from forum.models import Discussion
from forum.services import start_discussion
from forum.tests.helpers import make_category
from groups.tests.helpers import add, make_group
from members.models import Member
from photos.models import Photo
from tags.forms import TagsField
from tags.models import Tag, TaggedItem
from tags.services import parse_tags, set_tags, tags_of
from videos.models import Video

from .helpers import admin_of, make_video, tag


def tag_url(key: str) -> str:
    return reverse("tags:tag", args=[key])


def titles(client: Client, key: str) -> list[str]:
    response = client.get(tag_url(key))
    assert response.status_code == 200
    return sorted(row.title for row in response.context["page"])


@pytest.mark.django_db
def test_karachi_written_three_ways_is_one_tag(member: Member) -> None:
    photo = Photo.objects.create(owner=member, caption="Clifton beach", image="x.jpg")
    set_tags(photo, ["Karachi", "karachi ", "KARACHI", "  Sea   view "])
    assert [t.name for t in tags_of(photo)] == ["Karachi", "Sea view"]
    video = tag(make_video(member), "karachi ")
    assert Tag.objects.count() == 2
    assert [t.name for t in tags_of(video)] == ["Karachi"]  # the first spelling is kept
    assert Tag.objects.get(name="Karachi").key == "karachi"


@pytest.mark.django_db
def test_urdu_tags_are_kept_as_written_up_to_nfc(member: Member) -> None:
    decomposed = "ا\u0653ج"  # alef + madda above, composed by NFC into آ
    photo = Photo.objects.create(owner=member, caption="Lahore", image="x.jpg")
    set_tags(photo, [decomposed, "کراچی"])
    names = [t.name for t in tags_of(photo)]
    assert names == ["آج", "کراچی"]
    assert Tag.objects.get(name="کراچی").key == "کراچی"


@pytest.mark.django_db
def test_retagging_removes_what_is_gone_and_keeps_the_rest(member: Member) -> None:
    photo = tag(Photo.objects.create(owner=member, caption="A", image="x.jpg"), "a", "b")
    set_tags(photo, ["B", "c"])
    assert [t.key for t in tags_of(photo)] == ["b", "c"]
    assert (
        TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Photo), object_id=photo.pk
        ).count()
        == 2
    )


def test_the_tags_field_cleans_to_names_and_refuses_too_many_or_too_long() -> None:
    field = TagsField()
    assert field.clean("Karachi, karachi , Lahore,,") == ["Karachi", "Lahore"]
    assert field.clean("") == []
    with pytest.raises(Exception, match="At most 10 tags"):
        field.clean(", ".join(f"t{n}" for n in range(11)))
    with pytest.raises(Exception, match="at most 50 characters"):
        field.clean("x" * 51)
    assert parse_tags(" , ") == []


@pytest.mark.django_db
def test_one_tag_page_lists_every_kind_and_blog_posts_by_the_same_key(
    member: Member, visitor: Client
) -> None:
    make_post(member, "Karachi reunion", tags=["KARACHI"])
    discussion = start_discussion(
        by=member, category=make_category(admin_of()), title="Karachi rota", body="Who comes?"
    )
    tag(discussion, "Karachi")
    tag(make_event(member, "Karachi dinner"), "karachi")
    tag(Photo.objects.create(owner=member, caption="Karachi port", image="x.jpg"), "Karachi ")
    tag(make_video(member, "Karachi film"), "karachi")
    tag(make_group(member, "Karachi chapter"), "Karachi")
    tag(make_video(member, "Lahore film"), "Lahore")
    assert titles(visitor, "karachi") == [
        "Karachi chapter",
        "Karachi dinner",
        "Karachi film",
        "Karachi port",
        "Karachi reunion",
        "Karachi rota",
    ]
    page = visitor.get(tag_url("karachi")).content.decode()
    assert "Lahore film" not in page
    assert "Tagged “" in page


@pytest.mark.django_db
def test_a_tag_address_in_another_case_leads_to_the_tag_and_an_unknown_tag_is_404(
    member: Member, visitor: Client
) -> None:
    tag(make_video(member), "Karachi")
    response = visitor.get("/tags/KARACHI/")
    assert response.status_code == 301
    assert response["Location"] == tag_url("karachi")
    assert visitor.get(tag_url("nowhere")).status_code == 404
    assert visitor.get(tag_url("کراچی")).status_code == 404
    assert visitor.get("/tags/a%00b/").status_code == 404
    assert visitor.get("/tags/" + "x" * 120 + "/").status_code == 404


@pytest.mark.django_db
def test_a_private_groups_tagged_discussion_shows_to_its_members_only(
    member: Member, other_member: Member, admin_member: Member, visitor: Client
) -> None:
    group = make_group(member, "Quiet chapter", private=True)
    insider = make_member("Ina Insider", "ina@example.org")
    add(group, insider)
    tag(start_discussion(by=member, group=group, title="Inside rota", body="."), "rota")
    tag(make_video(member, "Open rota"), "rota")
    assert titles(client_for(insider), "rota") == ["Inside rota", "Open rota"]
    assert titles(client_for(admin_member), "rota") == ["Inside rota", "Open rota"]
    assert titles(client_for(other_member), "rota") == ["Open rota"]
    assert titles(visitor, "rota") == ["Open rota"]
    # The group itself, tagged, is as private as its discussions.
    tag(group, "rota")
    assert titles(visitor, "rota") == ["Open rota"]
    assert "Quiet chapter" in titles(client_for(insider), "rota")


@pytest.mark.django_db
def test_hidden_and_pending_items_show_to_their_author_and_moderators_only(
    member: Member, other_member: Member, visitor: Client
) -> None:
    moderator = make_member("Mo Derator", "mo@example.org", role=Member.Role.MODERATOR)
    tag(Photo.objects.create(owner=member, caption="Hidden sunset", image="x.jpg"), "sunset")
    Photo.objects.filter(caption="Hidden sunset").update(hidden_at=timezone.now())
    waiting = start_discussion(
        by=member, category=make_category(admin_of()), title="Waiting sunset", body="."
    )
    Discussion.objects.filter(pk=waiting.pk).update(pending_at=timezone.now())
    tag(waiting, "sunset")
    tag(make_video(member, "Open sunset"), "sunset")
    assert titles(visitor, "sunset") == ["Open sunset"]
    assert titles(client_for(other_member), "sunset") == ["Open sunset"]
    assert titles(client_for(member), "sunset") == [
        "Hidden sunset",
        "Open sunset",
        "Waiting sunset",
    ]
    assert "Hidden sunset" in titles(client_for(moderator), "sunset")


@pytest.mark.django_db
def test_an_invited_only_event_shows_to_its_organiser_and_the_invited(
    member: Member, other_member: Member, visitor: Client
) -> None:
    guest = make_member("Gul Guest", "gul@example.org")
    quiet = tag(make_event(member, "Quiet mushaira", invited_only=True), "mushaira")
    event_services.invite(quiet, [guest], by=member)
    tag(make_event(member, "Open mushaira"), "Mushaira")
    both = ["Open mushaira", "Quiet mushaira"]
    assert titles(client_for(member), "mushaira") == both
    assert titles(client_for(guest), "mushaira") == both
    assert titles(client_for(other_member), "mushaira") == ["Open mushaira"]
    assert titles(visitor, "mushaira") == ["Open mushaira"]


@pytest.mark.django_db
def test_a_blog_draft_shows_on_the_tag_page_to_its_author_only(
    member: Member, other_member: Member, visitor: Client
) -> None:
    make_post(member, "Draft on kites", tags=["Kites"], publish=False)
    make_post(member, "Kites over Lahore", tags=["kites"])
    assert titles(visitor, "kites") == ["Kites over Lahore"]
    assert titles(client_for(other_member), "kites") == ["Kites over Lahore"]
    assert titles(client_for(member), "kites") == ["Draft on kites", "Kites over Lahore"]


@pytest.mark.django_db
def test_the_tag_page_is_newest_first_and_paginated(member: Member, visitor: Client) -> None:
    now = timezone.now()
    for n in range(25):
        tag(make_video(member, f"Film {n:02}", created_at=now - dt.timedelta(hours=n)), "film")
    first = visitor.get(tag_url("film"))
    rows = [row.title for row in first.context["page"]]
    assert rows[:2] == ["Film 00", "Film 01"]
    assert len(rows) == 20
    assert "Tagged “" in first.content.decode() and "(25)" in first.content.decode()
    second = visitor.get(tag_url("film"), {"page": 2})
    assert [row.title for row in second.context["page"]][-1] == "Film 24"
    assert visitor.get(tag_url("film"), {"page": "x<script>"}).status_code == 200
    # A page number past the end, or below 1, shows the last page (its own five films).
    for number in ("9", "0", "-3"):
        last = visitor.get(tag_url("film"), {"page": number})
        assert [row.title for row in last.context["page"]] == [f"Film {n}" for n in range(20, 25)]
    # More films between them: each page continues the newest-first order.
    for n in range(15):
        when = now - dt.timedelta(hours=n, minutes=30)
        tag(make_video(member, f"Clip {n:02}", created_at=when), "film")
    both = [
        row.title
        for p in (1, 2)
        for row in visitor.get(tag_url("film"), {"page": p}).context["page"]
    ]
    assert len(both) == 40 and both[:4] == ["Film 00", "Clip 00", "Film 01", "Clip 01"]


@pytest.mark.django_db
def test_the_cloud_sizes_tags_by_use_and_counts_only_what_the_viewer_may_see(
    member: Member, other_member: Member, visitor: Client
) -> None:
    for n in range(8):
        tag(make_video(member, f"Film {n}"), "Karachi")
    tag(make_video(member, "One film"), "Lahore")
    group = make_group(member, "Quiet chapter", private=True)
    tag(start_discussion(by=member, group=group, title="Secret", body="."), "Secret plans")
    make_post(member, "Kites", tags=["karachi"])
    response = visitor.get(reverse("tags:cloud"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Secret plans" not in html
    assert 'class="tag-step-5"><a href="/tags/karachi/" dir="auto">Karachi</a>' in html
    assert "(9 items)" in html
    assert 'class="tag-step-1"><a href="/tags/lahore/"' in html
    assert "Secret plans" in client_for(member).get(reverse("tags:cloud")).content.decode()
    assert (
        "Secret plans" not in client_for(other_member).get(reverse("tags:cloud")).content.decode()
    )
    # Cached for visitors until a tag changes.
    tag(make_video(member, "Another"), "Multan")
    assert "Multan" in visitor.get(reverse("tags:cloud")).content.decode()
    # ...or until the tagged item is hidden by a moderator.
    moderator = make_member("Mo Derator", "mo@example.org", role=Member.Role.MODERATOR)
    from videos.services import set_hidden

    set_hidden(Video.objects.get(title="Another"), True, by=moderator)
    assert "Multan" not in visitor.get(reverse("tags:cloud")).content.decode()


@pytest.mark.django_db
def test_an_items_tags_show_as_links(member: Member) -> None:
    from django.template import Context, Template

    video = tag(make_video(member), "Karachi", "کراچی")
    html = Template("{% load tagging %}{% tag_links obj %}").render(Context({"obj": video}))
    assert '<a href="/tags/karachi/" rel="tag" dir="auto">Karachi</a>' in html
    assert "کراچی</a>" in html


@pytest.mark.django_db
def test_a_visitors_tag_pages_reuse_sql_compiled_once_and_find_what_the_orm_finds(
    member: Member, visitor: Client
) -> None:
    from django.contrib.auth.models import AnonymousUser

    from tags import queries

    queries._for_visitors.clear()
    make_post(member, "Karachi reunion", tags=["karachi"])
    tag(make_video(member, "Karachi film"), "karachi")
    tag(make_video(member, "Lahore film"), "lahore")
    tag(Photo.objects.create(owner=member, caption="Karachi port", image="x.jpg"), "karachi")
    Photo.objects.filter(caption="Karachi port").update(hidden_at=timezone.now())
    assert titles(visitor, "karachi") == ["Karachi film", "Karachi reunion"]
    compiled = dict(queries._for_visitors)
    assert compiled and all(sql is not None for sql in compiled.values())
    assert titles(visitor, "lahore") == ["Lahore film"]
    assert queries._for_visitors == compiled  # another tag: the same SQL, another key
    anyone = AnonymousUser()
    for key in ("karachi", "lahore", "nothing-tagged"):
        for kind in queries.kinds_on(set()):
            for limit in (20, 1000):
                assert queries._newest_rows(kind, key, anyone, limit) == list(
                    queries._newest_of(kind, key, anyone, limit)
                )


@pytest.mark.django_db
def test_a_kind_whose_visitors_query_holds_a_date_is_built_anew_every_time(
    member: Member,
) -> None:
    import dataclasses

    from django.contrib.auth.models import AnonymousUser

    from tags import queries, registry

    videos = registry.for_key("video")
    assert videos is not None
    until_now = dataclasses.replace(
        videos,
        key="video-until-now",
        visible_to=lambda viewer: Video.objects.filter(created_at__lte=timezone.now()),
    )
    tag(make_video(member, "Karachi film"), "karachi")
    tag(
        make_video(member, "Tomorrow's film", created_at=timezone.now() + dt.timedelta(days=1)),
        "karachi",
    )
    rows = queries._newest_rows(until_now, "karachi", AnonymousUser(), 20)
    assert (
        queries._for_visitors[("default", "video-until-now", until_now.content_type().pk, 20, ())]
        is None
    )
    assert [pk for _when, pk, _n in rows] == list(
        Video.objects.filter(title="Karachi film").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_a_visitors_tag_page_follows_groups_switched_off_and_on(
    member: Member, admin_member: Member, visitor: Client
) -> None:
    from features.registry import KEYS
    from features.services import set_features
    from network.services import current_network

    network = current_network()
    assert network is not None

    group = make_group(member, "Open chapter", private=False)
    tag(start_discussion(by=member, group=group, title="Chapter picnic", body="."), "picnic")
    tag(make_video(member, "Picnic film"), "picnic")
    assert titles(visitor, "picnic") == ["Chapter picnic", "Picnic film"]
    # Switched off, a group's discussion is nobody's to read — on the tag page too, at once.
    set_features(network, [k for k in KEYS if k != "groups"], by=admin_member)
    assert titles(visitor, "picnic") == ["Picnic film"]
    set_features(network, KEYS, by=admin_member)
    assert titles(visitor, "picnic") == ["Chapter picnic", "Picnic film"]
