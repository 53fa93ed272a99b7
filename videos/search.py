"""Videos in the search box (search/registry.py; found by the search app itself)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import Video

register(
    Searchable(
        key="video",
        label=_("Videos"),
        label_one=_("Video"),
        model=Video,
        visible_to=lambda viewer: Video.objects.visible_to(viewer),
        title=lambda video: video.title,
        body=lambda video: video.description,
        author_id=lambda video: video.owner_id,
        date=lambda video: video.created_at,
        url=lambda video: video.get_absolute_url(),
        watch_fields=frozenset({"title", "description"}),
    )
)
