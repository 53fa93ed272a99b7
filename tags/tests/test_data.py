"""The demo network's discussions, events and photos have tags, shown in the cloud and on the
tag pages; the benchmark network has tags on every kind and the paths its scenario opens."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from events.models import Event
from forum.models import Discussion
from photos.models import Photo
from tags.models import TaggedItem


@pytest.mark.django_db
def test_the_demo_has_tagged_discussions_events_and_photos() -> None:
    call_command("loaddemo", stdout=StringIO())
    for model in (Discussion, Event, Photo):
        ct = ContentType.objects.get_for_model(model)
        assert TaggedItem.objects.filter(content_type=ct).exists(), model
    cloud = Client().get(reverse("tags:cloud"))
    assert cloud.status_code == 200
    top = cloud.context["cloud"]
    assert 'class="tag-step-5"' in top
    item = (
        TaggedItem.objects.select_related("tag")
        .filter(content_type=ContentType.objects.get_for_model(Discussion))
        .first()
    )
    assert item is not None
    page = Client().get(reverse("tags:tag", args=[item.tag.key]))
    assert page.status_code == 200
    assert len(page.context["page"]) > 0


@pytest.mark.django_db
def test_the_benchmark_network_has_tags_and_the_scenarios_paths(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    made = json.loads(manifest.read_text())["tags"]
    kinds = set(TaggedItem.objects.values_list("content_type__model", flat=True))
    assert {"discussion", "event", "photo", "video"} <= kinds
    page = Client().get(made["top_tag_path"])
    assert page.status_code == 200
    assert len(page.context["page"]) == 20
    assert Client().get(made["cloud_path"]).status_code == 200
