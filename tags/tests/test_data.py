"""The demo network's discussions, events and photos have tags, shown in the cloud and on the
tag pages; the benchmark network has tags on every kind and the paths its scenario opens."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from events.models import Event
from forum.models import Discussion
from photos.models import Photo
from tags.models import TaggedItem


def check_demo() -> None:
    """The demo has tagged discussions events and photos.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
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


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has tags and the scenarios paths.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    made = manifest["tags"]
    kinds = set(TaggedItem.objects.values_list("content_type__model", flat=True))
    assert {"discussion", "event", "photo", "video"} <= kinds
    page = Client().get(made["top_tag_path"])
    assert page.status_code == 200
    assert len(page.context["page"]) == 20
    assert Client().get(made["cloud_path"]).status_code == 200
