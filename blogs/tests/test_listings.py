import datetime as dt

import pytest
from django.urls import reverse

from comments.services import add_comment
from conftest import make_post

pytestmark = pytest.mark.django_db

LONG_BODY = " ".join(["Alumni gathered by the river to talk about the years gone by."] * 20)


def test_the_network_blog_lists_entries_like_the_seed(visitor, member, other_member):
    when = dt.datetime(2025, 3, 22, 5, 30, tzinfo=dt.UTC)  # 10:30am in Karachi
    post = make_post(member, title="Evening by the river", body=LONG_BODY, published_at=when)
    for text in ("First!", "Lovely"):
        add_comment(post, other_member, text)
    make_post(other_member, title="Quiet one")
    html = visitor.get(reverse("blogs:list")).content.decode()
    assert "All Blog Posts (2)" in html
    entry = html[html.index("Evening by the river") :]
    excerpt = entry[entry.index('class="excerpt"') : entry.index("</p>")]
    assert excerpt.endswith("…")
    assert len(excerpt) < 400
    assert (
        f'<a class="continue" href="{post.get_absolute_url()}">'
        '<span aria-hidden="true">Continue</span>'
        '<span class="visually-hidden">Continue reading <bdi>Evening by the river</bdi></span></a>'
    ) in entry
    assert "on March 22, 2025 at 10:30am — " in entry
    assert ">2 Comments</a>" in entry
    assert ">No Comments</a>" in html[html.index("Quiet one") :]


def test_one_comment_is_singular(visitor, member, other_member):
    add_comment(make_post(member), other_member, "Hello")
    assert ">1 Comment</a>" in visitor.get("/").content.decode()


def test_listings_are_paginated_newest_first(visitor, member):
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for i in range(12):
        make_post(member, title=f"Post number {i:02}", published_at=start + dt.timedelta(days=i))
    first = visitor.get(reverse("blogs:list")).content.decode()
    assert first.index("Post number 11") < first.index("Post number 02")
    assert "Post number 01" not in first
    assert "Page 1 of 2" in first
    second = visitor.get(reverse("blogs:list"), {"page": 2}).content.decode()
    assert "Post number 01" in second and "Post number 00" in second
    # A page past the end shows the last page rather than an error.
    assert visitor.get(reverse("blogs:list"), {"page": 99}).status_code == 200


def test_the_home_page_shows_the_latest_posts(visitor, member):
    make_post(member, title="Fresh from the reunion", body=LONG_BODY)
    html = visitor.get("/").content.decode()
    assert "Latest Blog Posts" in html
    assert "Fresh from the reunion" in html and "Continue" in html
    assert 'Posted by <a href="/members/bilal-ahmed/"><bdi>Bilal Ahmed</bdi></a>' in html


def test_a_members_blog_and_its_monthly_archive(visitor, member, other_member):
    july = dt.datetime(2015, 7, 10, 12, tzinfo=dt.UTC)
    for i in range(3):
        make_post(member, title=f"July note {i}", published_at=july + dt.timedelta(days=i))
    make_post(member, title="August note", published_at=dt.datetime(2015, 8, 2, tzinfo=dt.UTC))
    make_post(other_member, title="Someone else's July", published_at=july)
    blog = visitor.get(reverse("blogs:member_blog", args=[member.handle])).content.decode()
    assert "<bdi>Bilal Ahmed</bdi>'s Blog" in blog
    assert "Someone else" not in blog
    assert 'href="/members/bilal-ahmed/blog/2015/7/">July 2015</a> (3)' in blog
    archive = visitor.get(reverse("blogs:member_archive", args=[member.handle, 2015, 7]))
    html = archive.content.decode()
    assert "<bdi>Bilal Ahmed</bdi>'s Blog – July 2015 Archive (3)" in html
    assert "July note 2" in html and "August note" not in html


def test_archive_months_follow_the_network_time_zone(visitor, member):
    # 21:00 UTC on 31 July is already 1 August in Karachi.
    make_post(
        member, title="Midnight post", published_at=dt.datetime(2015, 7, 31, 21, tzinfo=dt.UTC)
    )
    july = visitor.get(reverse("blogs:member_archive", args=[member.handle, 2015, 7]))
    august = visitor.get(reverse("blogs:member_archive", args=[member.handle, 2015, 8]))
    assert b"Midnight post" not in july.content
    assert b"Midnight post" in august.content


def test_an_impossible_month_is_404(visitor, member):
    assert (
        visitor.get(reverse("blogs:member_archive", args=[member.handle, 2015, 13])).status_code
        == 404
    )


def test_posts_by_tag(visitor, member):
    make_post(member, title="Cricket at dawn", tags=["Cricket"])
    make_post(member, title="Budget talk", tags=["Money"])
    html = visitor.get(reverse("blogs:tag", args=["cricket"])).content.decode()
    assert "Blog Posts Tagged “Cricket” (1)" in html
    assert "Cricket at dawn" in html and "Budget talk" not in html
    assert visitor.get(reverse("blogs:tag", args=["nope"])).status_code == 404
