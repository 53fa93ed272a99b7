from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from members import removal

        from .services import delete_comments_by

        removal.register("comments", delete_comments_by)
