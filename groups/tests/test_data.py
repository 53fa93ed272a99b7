"""The demo network and the benchmark network have groups, with members counted right."""

from typing import Any

from django.db.models import Count
from django.test import Client

from groups.models import Group, Membership


def assert_counts_and_admins() -> None:
    counted = dict(
        Membership.objects.values_list("group_id")
        .annotate(n=Count("pk"))
        .values_list("group_id", "n")
    )
    for group in Group.objects.all():
        assert group.member_count == counted.get(group.pk, 0), group
        assert group.memberships.filter(role=Membership.Role.ADMIN).exists(), group


def check_demo() -> None:
    """The demo has public and private groups.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
    assert Group.objects.filter(is_private=True).exists()
    assert Group.objects.filter(is_private=False).count() >= 2
    assert Membership.objects.count() >= 12
    assert_counts_and_admins()
    public = Group.objects.filter(is_private=False, comment_count__gt=0).first()
    assert public is not None
    html = Client().get("/groups/").content.decode()
    assert public.name in html
    assert not any(g.name in html for g in Group.objects.filter(is_private=True))


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has groups.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    assert Group.objects.count() == manifest["counts"]["groups"] == 2
    assert_counts_and_admins()
    big = manifest["groups"]["big"]
    response = Client().get(big["path"])
    assert response.status_code == 200
    assert Client().get(big["members_path"]).status_code == 200
    activity = Client().get(big["activity_path"])
    assert activity.status_code == 200
    assert activity.content.decode().count("joined the group") >= min(big["members"] - 1, 20)
    assert Client().get(manifest["groups"]["list_path"]).status_code == 200
