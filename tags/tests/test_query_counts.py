"""The tag page and the cloud cost the same number of queries at 5 and at 50 tagged items
(of every kind), for a visitor and for a member."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_post, page_queries
from events.tests.helpers import make_event
from forum.services import start_discussion
from forum.tests.helpers import make_category
from groups.tests.helpers import make_group
from members.models import Member
from photos.models import Photo

from .helpers import admin_of, make_video, tag


def grow(member: Member, upto: int) -> None:
    """Tagged items of every kind, in turn, up to `upto` of them in all."""
    from tags.models import TaggedItem

    have = TaggedItem.objects.count()
    category = make_category(admin_of(), f"Cat {have}")
    makers = [
        lambda n: make_post(member, f"Post {n}", tags=["Karachi", f"p{n}"]),
        lambda n: tag(
            start_discussion(by=member, category=category, title=f"Talk {n}", body="."), "Karachi"
        ),
        lambda n: tag(make_event(member, f"Event {n}"), "Karachi", f"e{n}"),
        lambda n: tag(
            Photo.objects.create(owner=member, caption=f"Photo {n}", image="x.jpg"), "Karachi"
        ),
        lambda n: tag(make_video(member, f"Video {n}"), "Karachi"),
        lambda n: tag(make_group(member, f"Group {n}"), "Karachi"),
    ]
    n = count(member)
    while n < upto:
        makers[n % len(makers)](n)
        n += 1


def count(member: Member) -> int:
    from blogs.models import Post
    from tags.models import TaggedItem

    return (
        TaggedItem.objects.filter(tag__key="karachi").count()
        + Post.objects.filter(tags__key="karachi").count()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", [reverse("tags:tag", args=["karachi"]), reverse("tags:cloud")])
def test_tag_pages_cost_the_same_at_5_and_50_items(
    member: Member, visitor: Client, url: str
) -> None:
    signed_in = client_for(member)
    grow(member, 6)
    few = (page_queries(visitor, url), page_queries(signed_in, url))
    grow(member, 50)
    many = (page_queries(visitor, url), page_queries(signed_in, url))
    assert few == many
    print(url, "queries (visitor, member):", few)
