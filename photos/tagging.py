"""Photos take tags (tags/registry.py; found by the tags app itself)."""

from django.utils.translation import gettext_lazy as _

from tags.registry import Taggable, register

from .models import LISTS, Photo

register(
    Taggable(
        key="photo",
        label=_("Photos"),
        label_one=_("Photo"),
        model=Photo,
        visible_to=lambda viewer: Photo.objects.visible_to(viewer),
        title=lambda photo: str(photo),
        url=lambda photo: photo.get_absolute_url(),
        date=lambda photo: photo.created_at,
        date_field="created_at",
        author=lambda photo: photo.owner,
        related=("owner", "album"),
        list_tags=(LISTS,),
    )
)
