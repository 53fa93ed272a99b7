"""The demo network comes with its search index built (the loaders write without signals)."""

from django.test import Client
from django.urls import reverse

from blogs.models import Post
from members.models import Member
from search.models import Entry


def check_demo() -> None:
    """The demo is searchable.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    post = Post.objects.published().order_by("-published_at").first()
    assert post is not None
    assert Entry.objects.filter(kind="post").count() == Post.objects.count()
    assert Entry.objects.filter(kind="member", audience=0).count() == Member.objects.count()
    response = Client().get(reverse("search:search"), {"q": post.title})
    assert post.get_absolute_url() in response.content.decode()
