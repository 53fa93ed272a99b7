from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WallsConfig(AppConfig):
    name = "walls"
    verbose_name = _("Comment walls")

    def ready(self) -> None:
        from comments.registry import Commentable, register
        from members import removal

        from . import permissions, sections
        from .models import Wall, wall_tag
        from .services import delete_wall_of, find_wall

        register(
            Commentable(
                model=Wall,
                kind="wall",
                # The wall's member deletes any comment on it (comments.permissions).
                author_id=lambda wall: wall.pk,
                can_view=permissions.can_view_wall,  # type: ignore[arg-type]
                is_open=permissions.takes_comments,  # type: ignore[arg-type]
                page_tag=lambda wall: wall_tag(wall.pk),
                # No listing shows a wall's count; the directory's "most active" order counts
                # every comment shown (comments/apps.py).
                count_tags=lambda wall: ["directory"],
                hidden_authors=permissions.hidden_authors,  # type: ignore[arg-type]
                find=find_wall,
                heading=_("Comment Wall"),
            )
        )
        sections.register_all()
        removal.register("walls", delete_wall_of)
        # A member who leaves keeping their content has no page any more: what others wrote on
        # their wall would be read nowhere (their own comments elsewhere stay). Guarded as in
        # notifications/apps.py while members' leaving lands.
        register_leaving = getattr(removal, "register_leaving", None)
        if register_leaving is not None:
            register_leaving("walls", delete_wall_of)
