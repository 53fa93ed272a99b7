from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LikesConfig(AppConfig):
    name = "likes"
    verbose_name = _("Likes")

    def ready(self) -> None:
        from members import removal

        from .services import delete_likes_by

        removal.register("likes", delete_likes_by)
