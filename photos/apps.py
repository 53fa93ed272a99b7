from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    name = "photos"
    verbose_name = _("Photos")

    def ready(self) -> None:
        from comments.registry import Commentable, register
        from likes import registry as likes
        from members import removal

        from . import activity, sections
        from .models import Photo
        from .permissions import can_view_photo
        from .services import delete_photos_of

        register(
            Commentable(
                model=Photo,
                kind="photo",
                author_id=lambda photo: photo.owner_id,  # type: ignore[attr-defined]
                can_view=can_view_photo,  # type: ignore[arg-type]
                is_open=lambda photo: True,
                page_tag=lambda photo: f"photo:{photo.pk}",
                # The listings show thumbnails, not counts.
                count_tags=lambda photo: [],
            )
        )
        likes.register(
            likes.Likeable(
                model=Photo,
                kind="photo",
                can_view=can_view_photo,  # type: ignore[arg-type]
                owner_id=lambda photo: photo.owner_id,  # type: ignore[attr-defined]
                url=lambda photo: photo.get_absolute_url(),  # type: ignore[attr-defined]
                count_tags=lambda photo: [f"likes:photo:{photo.pk}"],
            )
        )
        activity.register_all()
        sections.register_all()
        # A member removed takes their photos (a cascade): their likes first, their files after.
        # A member who leaves keeping their content keeps their photos, as their posts.
        removal.register("photos", delete_photos_of)

        # Reports and the moderation queue (moderation/).
        from moderation import registry as moderation

        from . import services as photo_services

        moderation.register(
            Photo,
            feature="photos",
            hide=lambda p, by: photo_services.set_hidden(p, True, by=by),
            show=lambda p, by: photo_services.set_hidden(p, False, by=by),
            delete=lambda p, by: photo_services.delete_photo(p, by=by),
            author="owner",
            can_view=can_view_photo,
            pending=lambda: Photo.objects.pending(),
            approve=lambda p, by: photo_services.approve_photo(p, by=by),
            reject=lambda p, by: photo_services.reject_photo(p, by=by),
        )
