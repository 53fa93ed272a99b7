import pytest
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db

CREATE = reverse("blogs:create")


def post_data(links=(), action="publish", initial_links=0, **fields):
    data = {
        "title": "Scholarships for the class of 2030",
        "body": "We raised **enough** for five students.",
        "tags_text": "Scholarships, giving, scholarships",
        "links-TOTAL_FORMS": str(max(2, len(links))),
        "links-INITIAL_FORMS": str(initial_links),
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        action: "1",
        **fields,
    }
    for i, link in enumerate(links):
        for key, value in link.items():
            data[f"links-{i}-{key}"] = value
    return data


TWO_LINKS = [
    {
        "url": "https://example.org/fund",
        "title": "The fund",
        "source": "Alumni Desk",
        "excerpt": "Five students.",
    },
    {"url": "https://news.example.com/x", "title": "Press note", "source": "", "excerpt": ""},
]


def test_a_member_publishes_a_post_with_related_links(member):
    client = client_for(member)
    response = client.post(CREATE, post_data(links=TWO_LINKS))
    post = Post.objects.get()
    assert response.url == post.get_absolute_url()
    assert post.is_published and post.author == member
    assert [link.title for link in post.related_links.all()] == ["The fund", "Press note"]
    assert sorted(t.name for t in post.tags.all()) == ["Scholarships", "giving"]
    page = client.get(post.get_absolute_url())
    assert b"Your post is published." in page.content
    assert b"Press note" in page.content


def test_a_draft_is_not_listed(member, visitor):
    client_for(member).post(CREATE, post_data(action="draft"))
    post = Post.objects.get()
    assert post.status == Post.Status.DRAFT and post.published_at is None
    assert b"Scholarships for the class" not in visitor.get("/").content
    assert b"Scholarships for the class" not in visitor.get(reverse("blogs:list")).content


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, b"This field is required."),
        ({"title": "x" * 201}, b"Ensure this value has at most 200 characters"),
        ({"body": "  \n "}, b"This field is required."),
    ],
)
def test_bad_posts_are_refused_and_the_text_is_kept(member, fields, message):
    response = client_for(member).post(CREATE, post_data(**{"body": "My kept words", **fields}))
    assert response.status_code == 400
    assert message in response.content
    assert not Post.objects.exists()
    if "body" not in fields:
        assert b"My kept words" in response.content


def test_an_invalid_link_url_is_refused_with_the_post_kept(member):
    links = [{"url": "not a url", "title": "Broken", "source": "", "excerpt": ""}]
    response = client_for(member).post(CREATE, post_data(links=links))
    assert response.status_code == 400
    assert b"Enter a valid URL." in response.content
    assert b"We raised **enough**" in response.content
    assert not Post.objects.exists()


def test_a_link_needs_a_title(member):
    links = [{"url": "https://example.org/", "title": "", "source": "", "excerpt": ""}]
    response = client_for(member).post(CREATE, post_data(links=links))
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_unconfirmed_members_and_visitors_cannot_write(unconfirmed, visitor):
    assert client_for(unconfirmed).post(CREATE, post_data()).status_code == 302
    assert visitor.post(CREATE, post_data()).url.startswith(reverse("members:signin"))
    assert not Post.objects.exists()


def test_the_author_edits_keeping_the_publication_time(member):
    post = make_post(member)
    first_published = post.published_at
    data = post_data(title="A better title", links=[TWO_LINKS[0]])
    response = client_for(member).post(reverse("blogs:edit", args=[post.pk]), data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "A better title"
    assert post.published_at == first_published
    assert post.related_links.count() == 1


def test_the_edit_form_shows_the_existing_links_and_tags(member):
    post = make_post(member, tags=["Cricket", "Lahore"])
    from blogs.models import RelatedLink

    RelatedLink.objects.create(post=post, url="https://example.org/a", title="Kept link")
    page = client_for(member).get(reverse("blogs:edit", args=[post.pk]))
    assert b'value="Kept link"' in page.content
    assert b'value="Cricket, Lahore"' in page.content


def test_someone_elses_post_cannot_be_edited_or_deleted(member, other_member):
    post = make_post(member)
    client = client_for(other_member)
    assert client.post(reverse("blogs:edit", args=[post.pk]), post_data()).status_code == 403
    assert client.post(reverse("blogs:delete", args=[post.pk])).status_code == 403
    post.refresh_from_db()
    assert post.title == "Reunion in Lahore"


def test_an_administrator_may_edit_any_post(member, admin_member):
    post = make_post(member)
    client_for(admin_member).post(reverse("blogs:edit", args=[post.pk]), post_data(title="Fixed"))
    post.refresh_from_db()
    assert post.title == "Fixed" and post.author == member


def test_deleting_asks_first_then_removes_the_post_and_its_comments(member, other_member):
    post = make_post(member)
    add_comment(post, other_member, "Nice one")
    client = client_for(member)
    confirm = client.get(reverse("blogs:delete", args=[post.pk]))
    assert b"Delete \xe2\x80\x9c<bdi>Reunion in Lahore</bdi>\xe2\x80\x9d?" in confirm.content
    assert b"its 1 comment will be deleted" in confirm.content
    assert Post.objects.exists()
    response = client.post(reverse("blogs:delete", args=[post.pk]))
    assert response.url == reverse("blogs:member_blog", args=[member.handle])
    assert not Post.objects.exists()
    assert not Comment.objects.exists()


def test_editing_an_unknown_post_is_404(member):
    assert client_for(member).get(reverse("blogs:edit", args=[12345])).status_code == 404
