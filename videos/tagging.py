"""Videos take tags (tags/registry.py; found by the tags app itself)."""

from django.utils.translation import gettext_lazy as _

from tags.registry import Taggable, register

from .models import LISTS, Video

register(
    Taggable(
        key="video",
        label=_("Videos"),
        label_one=_("Video"),
        model=Video,
        visible_to=lambda viewer: Video.objects.visible_to(viewer),
        title=lambda video: video.title,
        url=lambda video: video.get_absolute_url(),
        date=lambda video: video.created_at,
        date_field="created_at",
        author=lambda video: video.owner,
        related=("owner",),
        list_tags=(LISTS,),
    )
)
