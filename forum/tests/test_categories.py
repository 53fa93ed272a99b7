"""Administrators manage the categories; deleting one moves its discussions first."""

import pytest
from django.urls import reverse

from conftest import client_for
from forum.models import Category, Discussion
from forum.tests.helpers import make_category, make_discussion

pytestmark = pytest.mark.django_db


def test_administrators_add_edit_and_order_categories(admin_member, member):
    client = client_for(admin_member)
    assert client_for(member).get(reverse("forum:manage")).status_code == 403
    client.post(
        reverse("forum:category_new"), {"name": "Careers", "description": "", "position": 20}
    )
    client.post(
        reverse("forum:category_new"), {"name": "Reunions", "description": "", "position": 10}
    )
    assert list(Category.objects.values_list("name", flat=True)) == ["Reunions", "Careers"]
    careers = Category.objects.get(name="Careers")
    client.post(
        reverse("forum:category_edit", args=[careers.pk]),
        {"name": "Careers", "description": "Jobs and advice", "position": 5},
    )
    page = client_for(member).get(reverse("forum:index")).content.decode()
    assert page.index("Careers") < page.index("Reunions")
    assert "Jobs and advice" in page


def test_an_empty_form_is_refused_with_a_message(admin_member):
    response = client_for(admin_member).post(
        reverse("forum:category_new"), {"name": "  ", "description": "kept", "position": 1}
    )
    assert response.status_code == 400
    assert "kept" in response.content.decode()


def test_deleting_a_category_with_discussions_moves_them_after_confirming(creator, member):
    first = make_category(creator, "First")
    second = make_category(creator, "Second", position=20)
    discussion = make_discussion(member, first)
    client = client_for(creator)
    url = reverse("forum:category_delete", args=[first.pk])
    page = client.get(url).content.decode()
    assert "It has 1 discussion" in page
    assert client.post(url, {}).status_code == 400  # where to?
    assert Category.objects.filter(pk=first.pk).exists()
    assert client.post(url, {"move_to": second.pk}).status_code == 302
    assert not Category.objects.filter(pk=first.pk).exists()
    assert Discussion.objects.get(pk=discussion.pk).category == second
    second.refresh_from_db()
    assert second.discussion_count == 1


def test_an_empty_category_is_deleted_after_confirming(creator):
    empty = make_category(creator, "Empty")
    client = client_for(creator)
    assert client.get(reverse("forum:category_delete", args=[empty.pk])).status_code == 200
    assert client.post(reverse("forum:category_delete", args=[empty.pk])).status_code == 302
    assert not Category.objects.exists()


@pytest.mark.parametrize("position", ["32768", "2147483648", "10000"])
def test_a_position_out_of_range_is_refused_with_a_message_keeping_what_was_typed(
    admin_member, position
):
    """A position past the bound (9999) is refused on every database, with the form's error and
    the text typed still in the form, rather than saved (SQLite) or failing (PostgreSQL)."""
    category = make_category(admin_member, "Careers", position=20)
    response = client_for(admin_member).post(
        reverse("forum:category_edit", args=[category.pk]),
        {"name": "Careers renamed", "description": "Jobs", "position": position},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 9999." in page
    assert f'value="{position}"' in page
    assert 'value="Careers renamed"' in page
    category.refresh_from_db()
    assert (category.name, category.position) == ("Careers", 20)


def test_the_model_bounds_a_position_whatever_form_sets_it(admin_member):
    from django.core.exceptions import ValidationError

    category = make_category(admin_member, "Careers")
    category.position = 10000
    with pytest.raises(ValidationError) as refused:
        category.full_clean()
    assert "position" in refused.value.message_dict
