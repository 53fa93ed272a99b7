"""The demo network comes with its search index built (the loaders write without signals)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from members.models import Member
from search.models import Entry


@pytest.mark.django_db
def test_the_demo_is_searchable() -> None:
    call_command("loaddemo", stdout=StringIO())
    post = Post.objects.published().order_by("-published_at").first()
    assert post is not None
    assert Entry.objects.filter(kind="post").count() == Post.objects.count()
    assert Entry.objects.filter(kind="member", audience=0).count() == Member.objects.count()
    response = Client().get(reverse("search:search"), {"q": post.title})
    assert post.get_absolute_url() in response.content.decode()
