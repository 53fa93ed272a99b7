"""A member leaves the network from their settings, keeping or deleting their posts and
comments; what they, other members and visitors see afterwards."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import PASSWORD, client_for, join_data, make_member, make_post, png_upload
from members import removal
from members.models import Member
from members.services import set_photo

pytestmark = pytest.mark.django_db

LEAVE = reverse("members:leave")


@pytest.fixture
def busy(member, other_member):
    """Bilal's post with 2 comments by Charlotte and 1 by Bilal; Bilal's comment on
    Charlotte's post; a draft of Bilal's."""
    post = make_post(member, title="Class photo found")
    add_comment(post, other_member, "That is me in the back row!")
    add_comment(post, other_member, "And my brother next to me.")
    add_comment(post, member, "Scanned it at the library.")
    theirs = make_post(other_member, title="Graduation day")
    add_comment(theirs, member, "What a day that was, Charlotte.")
    draft = make_post(member, title="Half-written memories", publish=False)
    return {"post": post, "theirs": theirs, "draft": draft}


def leave(client: Client, content: str, password: str = PASSWORD):
    return client.post(LEAVE, {"content": content, "password": password})


def signed_in_as(client: Client) -> object:
    return client.get(reverse("network:home")).context["user"]


def test_the_profile_settings_lead_to_leaving(member):
    client = client_for(member)
    page = client.get(reverse("members:edit_profile")).content.decode()
    assert LEAVE in page
    form = client.get(LEAVE).content.decode()
    assert "Keep them on the network" in form and "Delete them with my account" in form
    assert 'type="password"' in form


def test_a_wrong_password_is_a_form_error_and_nothing_happens(member, busy):
    client = client_for(member)
    response = leave(client, "delete", password="not my password")
    assert response.status_code == 400
    page = response.content.decode()
    assert "That is not your password. Nothing was changed." in page
    # The choice made is kept on the page.
    assert re.search(r'value="delete"[^>]*checked', page)
    member.refresh_from_db()
    assert member.is_active and member.left_at is None and member.email == "bilal@example.org"
    assert Post.objects.filter(author=member).count() == 2
    assert signed_in_as(client) == member


def test_no_choice_is_a_form_error(member):
    response = client_for(member).post(LEAVE, {"password": PASSWORD})
    assert response.status_code == 400
    assert b"This field is required" in response.content
    member.refresh_from_db()
    assert member.is_active


def test_wrong_passwords_are_limited_like_sign_ins(member, settings):
    settings.RATELIMIT_SIGNIN = (3, 900)
    client = client_for(member)
    for _ in range(3):
        assert leave(client, "keep", password="guess").status_code == 400
    response = leave(client, "keep")  # the right password, too late
    assert b"Too many wrong passwords" in response.content
    member.refresh_from_db()
    assert member.is_active


def test_leaving_with_the_content_kept(
    member, other_member, busy, visitor, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    set_photo(member, png_upload(300, 200))
    Member.objects.filter(pk=member.pk).update(about="Civil engineer in Toronto.")
    old_profile = member.get_absolute_url()
    old_blog = reverse("blogs:member_blog", args=[member.handle])
    post_url = busy["post"].get_absolute_url()
    assert "Bilal Ahmed" in visitor.get(post_url).content.decode()  # cached for visitors now
    assert "3 Comments" in visitor.get(reverse("blogs:list")).content.decode()

    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = leave(client, "keep")
    assert response.status_code == 302 and response["Location"] == reverse("network:home")
    home = client.get(response["Location"]).content.decode()
    assert "You have left Riverbend Alumni. Your posts and comments stay" in home
    assert not client.get(reverse("network:home")).context["user"].is_authenticated

    former = Member.objects.get(pk=member.pk)
    assert former.is_former and not former.is_active
    assert former.email is None and former.about == "" and not former.photo
    assert former.display_name == "Former member" and "bilal" not in former.handle
    assert not former.has_usable_password()
    # The published post and every comment stay, with their counts; the draft goes.
    assert Post.objects.filter(author=former).count() == 1
    assert not Post.objects.filter(pk=busy["draft"].pk).exists()
    assert Comment.objects.filter(author=former).count() == 2
    busy["post"].refresh_from_db()
    assert busy["post"].comment_count == 3

    # What visitors see: no name, no photo, no link to a profile.
    page = visitor.get(post_url)
    assert page["X-Cache"] == "miss"  # the cached page went with the name
    html = page.content.decode()
    assert "Posted by a former member on" in html
    assert "Bilal" not in html
    assert old_profile not in html and old_blog not in html
    assert "More from this author" in html
    assert "Scanned it at the library." in html
    theirs = visitor.get(busy["theirs"].get_absolute_url()).content.decode()
    assert "What a day that was, Charlotte." in theirs
    assert "Bilal" not in theirs and old_profile not in theirs
    listing = visitor.get(reverse("blogs:list")).content.decode()
    assert "3 Comments" in listing and "Bilal" not in listing
    # Their pages are gone, they are not in the directory, and the directory counts right.
    assert visitor.get(old_profile).status_code == 404
    assert visitor.get(old_blog).status_code == 404
    directory = visitor.get(reverse("members:directory")).content.decode()
    assert "Former member" not in directory and "Charlotte Reyes" in directory
    # The photo's files are gone (after the commit).
    assert not list((tmp_path / "members").rglob("*.jpg"))


def test_leaving_with_the_content_deleted(member, other_member, busy, visitor):
    assert "3 Comments" in visitor.get(reverse("blogs:list")).content.decode()
    client = client_for(member)
    response = leave(client, "delete")
    assert response.status_code == 302
    home = client.get(response["Location"]).content.decode()
    assert "Your account, your posts and your comments are deleted." in home

    assert not Member.objects.filter(pk=member.pk).exists()
    assert not Post.objects.filter(pk__in=[busy["post"].pk, busy["draft"].pk]).exists()
    assert not Comment.objects.filter(body__contains="Charlotte").exists()
    assert visitor.get(busy["post"].get_absolute_url()).status_code == 404
    theirs = visitor.get(busy["theirs"].get_absolute_url()).content.decode()
    assert "What a day that was" not in theirs
    listing = visitor.get(reverse("blogs:list")).content.decode()
    assert "Class photo found" not in listing
    assert "Graduation day" in listing and "No Comments" in listing
    busy["theirs"].refresh_from_db()
    assert busy["theirs"].comment_count == 0


@pytest.mark.parametrize("content", ["keep", "delete"])
def test_the_email_may_join_again_and_the_old_password_opens_nothing(member, visitor, content):
    leave(client_for(member), content)
    signin = visitor.post(
        reverse("members:signin"), {"username": "bilal@example.org", "password": PASSWORD}
    )
    assert signin.status_code == 400
    response = visitor.post(reverse("members:join"), join_data(email="bilal@example.org"))
    assert response.status_code == 302
    again = Member.objects.get(email="bilal@example.org")
    assert again.pk != member.pk and not again.is_former


@pytest.mark.parametrize("content", ["keep", "delete"])
def test_every_session_of_the_account_ends(member, content, django_capture_on_commit_callbacks):
    laptop, phone = client_for(member), client_for(member)
    assert signed_in_as(phone) == member
    with django_capture_on_commit_callbacks(execute=True):
        leave(laptop, content)
    # The phone's session is gone from the database before it is used again.
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(member.pk) for s in Session.objects.all()
    )
    assert not signed_in_as(laptop).is_authenticated
    assert not signed_in_as(phone).is_authenticated
    edit = phone.get(reverse("members:edit_profile"))
    assert edit.status_code == 302 and edit["Location"].startswith(reverse("members:signin"))
    # No session left says who the member was.
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(member.pk)


def test_the_creator_cannot_leave(creator, busy):
    client = client_for(creator)
    page = client.get(LEAVE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "You created this network, so you cannot leave it" in html
    assert 'type="password"' not in html
    response = leave(client, "delete")
    assert response.status_code == 403
    assert b"Hand the network over to another member first." in response.content
    creator.refresh_from_db()
    assert creator.is_active and not creator.is_former
    assert signed_in_as(client) == creator


def test_visitors_are_asked_to_sign_in(visitor, member):
    response = visitor.post(LEAVE, {"content": "delete", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:signin"))
    assert Member.objects.filter(pk=member.pk, is_active=True).exists()


def test_apps_erase_what_they_registered_for_leaving(member, other_member):
    erased: list[str] = []
    removal.register_leaving("test.erase", lambda m: erased.append(m.display_name))
    try:
        leave(client_for(member), "keep")
    finally:
        removal.unregister_leaving("test.erase")
    # The step saw the member as they were, before members erased them.
    assert erased == ["Bilal Ahmed"]


def test_an_unconfirmed_member_may_leave_too(unconfirmed):
    assert leave(client_for(unconfirmed), "keep").status_code == 302
    unconfirmed.refresh_from_db()
    assert unconfirmed.is_former


def test_a_former_members_likes_and_comments_keep_the_counts(member, other_member, visitor):
    from likes.services import like

    post = make_post(other_member, title="Reunion plans")
    add_comment(post, member, "Count me in.")
    like(post, member)
    make_member("Tariq Third", "tariq@example.org")
    leave(client_for(member), "keep")
    listing = visitor.get(reverse("blogs:list")).content.decode()
    assert "1 Comment" in listing and "1 Like" in listing


def test_the_admin_site_tells_former_members_apart(superuser, member, other_member):
    leave(client_for(member), "keep")
    admin = client_for(superuser)
    url = reverse("admin:members_member_changelist")
    former = admin.get(url, {"left_at__isempty": "0"}).content.decode()
    assert "Former member" in former and "Charlotte Reyes" not in former
