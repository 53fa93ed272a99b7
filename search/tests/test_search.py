"""Searching posts, comments and members: words, stemming, Urdu, highlighting, and what each
person may see. The same tests run on SQLite (FTS5) and PostgreSQL (tsvector)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from blogs.services import delete_post, save_post, set_hidden
from comments.services import add_comment
from conftest import client_for, make_member, make_post
from members.models import Member
from search.models import Entry

URL = reverse("search:search")


def found(client: Client, q: str, **params: str) -> str:
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def titles(client: Client, q: str, **params: str) -> list[str]:
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return [r.entry.title or r.entry.body for r in response.context["results"]]


@pytest.mark.django_db
def test_it_finds_a_post_by_a_word_of_its_title_or_body(member: Member, visitor: Client) -> None:
    make_post(member, "Reunion in Lahore", "We met again after ten years at the old canteen.")
    make_post(member, "Cricket at the park", "A long match.")
    assert titles(visitor, "lahore") == ["Reunion in Lahore"]
    assert titles(visitor, "canteen") == ["Reunion in Lahore"]
    assert titles(visitor, "Canteen Years") == ["Reunion in Lahore"]
    # Every word must be there.
    assert titles(visitor, "canteen cricket") == []


@pytest.mark.django_db
def test_english_words_are_stemmed(member: Member, visitor: Client) -> None:
    make_post(member, "Morning runs", "She was running by the river.")
    assert titles(visitor, "run") == ["Morning runs"]
    assert titles(visitor, "runner's") == [] or True  # not an error, whatever it finds


@pytest.mark.django_db
def test_urdu_is_found_with_and_without_diacritics(member: Member, visitor: Client) -> None:
    # kitāb (book) written with a zer, muhabbat (love) with pesh, zabar and shadda.
    make_post(member, "کِتاب میلہ", "لاہور میں مُحَبَّت کی کہانیاں")
    make_post(member, "کتاب گھر", "بچوں کے لیے محبت بھری نظمیں")
    assert sorted(titles(visitor, "کتاب")) == ["کتاب گھر", "کِتاب میلہ"]
    assert sorted(titles(visitor, "کِتاب")) == ["کتاب گھر", "کِتاب میلہ"]
    assert sorted(titles(visitor, "محبت")) == ["کتاب گھر", "کِتاب میلہ"]
    assert titles(visitor, "مُحَبَّت لاہور") == ["کِتاب میلہ"]
    page = found(visitor, "محبت")
    assert "<mark>مُحَبَّت</mark>" in page
    assert "<mark>محبت</mark>" in page


@pytest.mark.django_db
def test_matches_are_highlighted_in_escaped_text(member: Member, visitor: Client) -> None:
    make_post(member, "Tags <b>in</b> titles", "A body with <script>alert(1)</script> and canteen.")
    page = found(visitor, "canteen titles")
    assert "<mark>canteen</mark>" in page
    assert "<mark>titles</mark>" in page
    assert "<script>alert(1)</script>" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q",
    ['"', '""', "*", "canteen*", "NEAR(a b)", "a OR b", "-canteen", "title:canteen", "^x",
     "(", "a AND", "{}", "'", "\\", "%", "_", "؟", "😀"],
)  # fmt: skip
def test_query_syntax_never_errors(member: Member, visitor: Client, q: str) -> None:
    make_post(member, "Canteen", "The old canteen.")
    response = visitor.get(URL, {"q": q})
    assert response.status_code == 200


@pytest.mark.django_db
def test_an_empty_query_asks_for_words(visitor: Client) -> None:
    response = visitor.get(URL, {"q": "   "})
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()


@pytest.mark.django_db
def test_a_too_long_query_is_refused_and_kept(visitor: Client) -> None:
    q = "word " * 50
    response = visitor.get(URL, {"q": q})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 200 characters" in page
    assert 'value="word word word' in page


@pytest.mark.django_db
def test_the_page_without_a_query_shows_the_form(visitor: Client) -> None:
    response = visitor.get(URL)
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.django_db
def test_every_page_has_the_search_box(network: object, visitor: Client) -> None:
    page = visitor.get(reverse("network:home")).content.decode()
    assert f'action="{URL}"' in page and 'role="search"' in page
    # Made once per language: the next page in Urdu has it in Urdu, then English again.
    urdu = visitor.get(reverse("network:home"), HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert 'aria-label="نیٹ ورک میں تلاش کریں"' in urdu
    again = visitor.get(reverse("network:home")).content.decode()
    assert 'aria-label="Search the network"' in again


@pytest.mark.django_db
def test_edits_and_deletions_reach_the_index(member: Member, visitor: Client) -> None:
    post = make_post(member, "Old canteen", "Tea.")
    save_post(post, by=member, title="New library", body="Books.", tags=[], links=[], publish=True)
    assert titles(visitor, "canteen") == []
    assert titles(visitor, "library") == ["New library"]
    delete_post(post, by=member)
    assert titles(visitor, "library") == []
    assert not Entry.objects.filter(kind="post").exists()


@pytest.mark.django_db
def test_drafts_are_found_by_their_author_only(
    member: Member, other_member: Member, admin_member: Member, visitor: Client
) -> None:
    make_post(member, "Secret canteen plans", "Draft.", publish=False)
    assert titles(visitor, "canteen") == []
    assert titles(client_for(other_member), "canteen") == []
    assert titles(client_for(member), "canteen") == ["Secret canteen plans"]
    assert titles(client_for(admin_member), "canteen") == ["Secret canteen plans"]


@pytest.mark.django_db
def test_hidden_posts_are_found_by_their_author_and_moderators(
    member: Member, other_member: Member, visitor: Client
) -> None:
    moderator = make_member("Mo Derator", "mo@example.org", role=Member.Role.MODERATOR)
    post = make_post(member, "Canteen quarrel", "Words.")
    set_hidden(post, True, by=moderator)
    assert titles(visitor, "canteen") == []
    assert titles(client_for(other_member), "canteen") == []
    assert titles(client_for(member), "canteen") == ["Canteen quarrel"]
    assert titles(client_for(moderator), "canteen") == ["Canteen quarrel"]


@pytest.mark.django_db
def test_comments_are_found_where_their_post_is_seen(
    member: Member, other_member: Member, visitor: Client
) -> None:
    post = make_post(member, "Reunion", "Evening.")
    comment = add_comment(post, other_member, "The biryani was wonderful.")
    page = found(visitor, "biryani")
    assert "<mark>biryani</mark>" in page
    assert f"{post.get_absolute_url()}#comment-{comment.pk}" in page
    assert "Reunion" in page  # what it is on
    # The post back in draft: its comments are not found by others.
    save_post(post, by=member, title="Reunion", body="Evening.", tags=[], links=[], publish=False)
    assert titles(visitor, "biryani") == []
    assert titles(client_for(member), "biryani") == ["The biryani was wonderful."]


@pytest.mark.django_db
def test_members_are_found_by_name(member: Member, visitor: Client) -> None:
    assert "Bilal Ahmed" in titles(visitor, "bilal")


@pytest.mark.django_db
def test_blocked_members_and_what_they_wrote_are_not_found(
    member: Member, other_member: Member
) -> None:
    from friends.services import block

    make_post(other_member, "Canteen story", "Tea.")
    block(by=member, other=other_member)
    assert titles(client_for(member), "canteen") == []
    assert titles(client_for(member), "charlotte") == []
    assert titles(client_for(other_member), "bilal") == []


@pytest.mark.django_db
def test_filters_by_kind_author_and_date(
    member: Member, other_member: Member, visitor: Client
) -> None:
    old = make_post(member, "Canteen of old", "Tea.")
    Post.objects.filter(pk=old.pk).update(published_at=timezone.now() - dt.timedelta(days=400))
    save_post(old, by=member, title="Canteen of old", body="Tea.", tags=[], links=[], publish=True)
    Post.objects.filter(pk=old.pk).update(published_at=timezone.now() - dt.timedelta(days=400))
    from search.indexing import index
    from search.registry import for_key

    kind = for_key("post")
    assert kind is not None
    index(kind, [old.pk])
    make_post(other_member, "New canteen", "Coffee.")
    add_comment(old, other_member, "I remember the canteen.")
    assert len(titles(visitor, "canteen")) == 3
    assert sorted(titles(visitor, "canteen", kind="post")) == ["Canteen of old", "New canteen"]
    assert titles(visitor, "canteen", kind="comment") == ["I remember the canteen."]
    assert sorted(titles(visitor, "canteen", author=other_member.handle)) == [
        "I remember the canteen.",
        "New canteen",
    ]
    since = (timezone.now() - dt.timedelta(days=30)).date().isoformat()
    assert "Canteen of old" not in titles(visitor, "canteen", since=since)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"kind": "nothing"}, {"since": "yesterday"}, {"since": "0001-01-01"}],
)
def test_bad_filters_are_form_errors(
    visitor: Client, network: object, params: dict[str, str]
) -> None:
    response = visitor.get(URL, {"q": "canteen", **params})
    assert response.status_code == 400
    assert 'value="canteen"' in response.content.decode()


@pytest.mark.django_db
def test_results_are_ranked_title_first(member: Member, visitor: Client) -> None:
    make_post(member, "A long evening", "We spoke of the canteen, once.")
    make_post(member, "The canteen", "Tea and samosas.")
    assert titles(visitor, "canteen") == ["The canteen", "A long evening"]


@pytest.mark.django_db
def test_an_unknown_author_is_said_and_finds_nothing(member: Member, visitor: Client) -> None:
    make_post(member, "Canteen", "Tea.")
    response = visitor.get(URL, {"q": "canteen", "author": "nobody-here"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "No member has the profile address" in page
    assert 'value="nobody-here"' in page
    assert response.context.get("results") is None


@pytest.mark.django_db
def test_common_words_do_not_narrow_a_search(member: Member, visitor: Client) -> None:
    make_post(member, "Canteen", "Tea at noon.")
    assert titles(visitor, "the canteen") == ["Canteen"]
    assert titles(visitor, "at") == ["Canteen"]


@pytest.mark.django_db
def test_a_word_found_everywhere_weighs_the_newest_and_says_so(
    member: Member, visitor: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from search import queries

    monkeypatch.setattr(queries, "MAX_CANDIDATES", 3)
    for n in range(5):
        make_post(member, f"Canteen {n}", "Tea.")
    response = visitor.get(URL, {"q": "canteen"})
    assert sorted(r.entry.title for r in response.context["results"]) == [
        "Canteen 2",
        "Canteen 3",
        "Canteen 4",
    ]
    assert "add a word to narrow them" in response.content.decode()
