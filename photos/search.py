"""Photos in the search box, by their caption (search/registry.py; found by the search app)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import Photo

register(
    Searchable(
        key="photo",
        label=_("Photos"),
        label_one=_("Photo"),
        model=Photo,
        visible_to=lambda viewer: Photo.objects.visible_to(viewer),
        title=lambda photo: str(photo),
        body=lambda photo: photo.album.title if photo.album_id else "",
        author_id=lambda photo: photo.owner_id,
        date=lambda photo: photo.created_at,
        url=lambda photo: photo.get_absolute_url(),
        queryset=lambda: Photo.objects.select_related("album"),
        watch_fields=frozenset({"caption", "album"}),
    )
)
