"""The demo network and the benchmark network have groups, with members counted right."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.test import Client

from groups.models import Group, Membership

pytestmark = pytest.mark.django_db


def assert_counts_and_admins() -> None:
    counted = dict(
        Membership.objects.values_list("group_id")
        .annotate(n=Count("pk"))
        .values_list("group_id", "n")
    )
    for group in Group.objects.all():
        assert group.member_count == counted.get(group.pk, 0), group
        assert group.memberships.filter(role=Membership.Role.ADMIN).exists(), group


def test_the_demo_has_public_and_private_groups():
    call_command("loaddemo", stdout=StringIO())
    assert Group.objects.filter(is_private=True).exists()
    assert Group.objects.filter(is_private=False).count() >= 2
    assert Membership.objects.count() >= 12
    assert_counts_and_admins()
    public = Group.objects.filter(is_private=False, comment_count__gt=0).first()
    assert public is not None
    html = Client().get("/groups/").content.decode()
    assert public.name in html
    assert not any(g.name in html for g in Group.objects.filter(is_private=True))


def test_the_benchmark_network_has_groups(tmp_path):
    manifest_file = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest_file),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    manifest = json.loads(manifest_file.read_text())
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
