import datetime as dt

import pytest
from django.urls import reverse

from blogs.services import LinkData
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db

LINKS = [
    LinkData(
        url="https://news.example.com/bridges",
        title="Bridges of the Indus",
        source="The Harbour Times — by Sana Mirza",
        excerpt="Engineers crossed the river in record time.",
    ),
    LinkData(url="https://example.org/second", title="A second article"),
]


def test_the_post_page_reads_like_the_seed(visitor, member):
    # 15:30 UTC is 8:30pm in Karachi, the network's time zone.
    when = dt.datetime(2025, 3, 28, 15, 30, tzinfo=dt.UTC)
    post = make_post(member, links=LINKS, tags=["Engineering"], published_at=when)
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert '<h1 dir="auto">Reunion in Lahore</h1>' in html
    assert (
        'Posted by <a href="/members/bilal-ahmed/"><bdi>Bilal Ahmed</bdi></a> '
        "on March 28, 2025 at 8:30pm" in html
    )
    assert "<strong>ten years</strong>" in html
    assert "Related Links:" in html
    assert (
        '<a href="https://news.example.com/bridges" rel="nofollow noopener ugc">'
        "Bridges of the Indus</a>" in html
    )
    assert "The Harbour Times — by Sana Mirza" in html
    assert "<blockquote><p>Engineers crossed the river in record time.</p></blockquote>" in html
    assert html.index("Bridges of the Indus") < html.index("A second article")
    assert 'href="/blog/tag/engineering/"' in html


def test_the_sidebar_lists_the_authors_latest_posts(visitor, member):
    older = make_post(member, title="Older thoughts")
    post = make_post(member, title="Newest thoughts")
    html = visitor.get(post.get_absolute_url()).content.decode()
    sidebar = html[html.index('class="sidebar"') :]
    assert "More from <bdi>Bilal Ahmed</bdi>" in sidebar
    assert older.get_absolute_url() in sidebar


def test_the_footer_credits_the_creator(visitor, member):
    post = make_post(member)
    html = visitor.get(post.get_absolute_url()).content.decode()
    year = dt.date.today().year
    assert (
        f'© {year} Created by <a href="/members/nadia-qureshi/"><bdi>Nadia Qureshi</bdi></a>.'
        in html
    )
    assert "Powered by" in html and ">Anjuman</a>" in html


def test_an_unknown_post_is_404(visitor):
    assert visitor.get(reverse("blogs:post", args=[999, "nothing"])).status_code == 404
    assert visitor.get("/blog/not-a-number/x/").status_code == 404


def test_a_wrong_slug_redirects_to_the_post(visitor, member):
    post = make_post(member)
    response = visitor.get(reverse("blogs:post", args=[post.pk, "old-title"]))
    assert response.status_code == 301
    assert response.url == post.get_absolute_url()


def test_drafts_are_seen_by_their_author_and_admins_only(
    visitor, member, other_member, admin_member
):
    draft = make_post(member, title="Half written", publish=False)
    url = reverse("blogs:post_short", args=[draft.pk])
    assert visitor.get(url).status_code == 404
    assert client_for(other_member).get(url).status_code == 404
    assert client_for(member).get(url, follow=True).status_code == 200
    assert client_for(admin_member).get(url, follow=True).status_code == 200


def test_the_page_links_its_feeds(visitor, member):
    post = make_post(member)
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'href="/members/bilal-ahmed/blog/feed/atom/"' in html


def test_the_page_sets_language_and_direction(visitor, member):
    post = make_post(member)
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    urdu = visitor.get(post.get_absolute_url(), headers={"accept-language": "ur"})
    assert '<html lang="ur" dir="rtl">' in urdu.content.decode()


@pytest.mark.parametrize("page_cache", [True, False])
def test_the_shared_post_fragment_holds_nobody_s_like_button(
    settings, member, other_member, page_cache
):
    """The post itself is rendered once for everyone who may not act on it; each viewer still
    gets their own like button: a member's form (their token, Like or Unlike), a visitor's
    sign-in link — whoever came first."""
    from django.test import Client

    from conftest import make_member
    from likes import services as likes

    if not page_cache:
        settings.PAGE_CACHE_SECONDS = 0
    post = make_post(member, title="Shared fragment")
    third = make_member("Third Reader", "third@example.org")
    likes.like(post, other_member)
    url = post.get_absolute_url()
    for _ in range(3):  # the fragment learns its tags, then is stored, then served
        liker = client_for(other_member).get(url).content.decode()
        assert ">Unlike</button>" in liker
    reader = client_for(third)
    page = reader.get(url).content.decode()
    assert ">Like</button>" in page and ">Unlike</button>" not in page
    assert reader.cookies["csrftoken"].value  # the form's token is theirs (their cookie)
    visitor = Client().get(url).content.decode()
    assert "<button" not in visitor.split('class="post-actions"')[1].split("</div>")[0]
    assert "/signin/?next=" in visitor
