from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FriendsConfig(AppConfig):
    name = "friends"
    verbose_name = _("Friends")

    def ready(self) -> None:
        from members import removal

        from . import sections
        from .services import delete_friends_of

        removal.register("friends", delete_friends_of)
        removal.register_leaving("friends", delete_friends_of)
        sections.register_all()
