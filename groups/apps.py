from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "groups"
    verbose_name = _("Groups")

    def ready(self) -> None:
        from activity import registry as activity
        from comments.registry import Commentable, register
        from members import removal

        from . import handlers, permissions, sections
        from .models import Group, group_tag
        from .services import remove_memberships_of

        register(
            Commentable(
                model=Group,
                kind="group",
                # Nobody's own (None): moderators and administrators delete comments on a
                # group's wall (comments.permissions), nobody is told "a comment on your
                # post".
                author_id=lambda group: None,  # type: ignore[arg-type,return-value]
                # Only the group's members write on its wall.
                can_write=permissions.can_post_in_group,  # type: ignore[arg-type]
                can_view=permissions.can_view_group_content,  # type: ignore[arg-type]
                is_open=lambda group: not group.is_hidden,  # type: ignore[attr-defined]
                page_tag=lambda group: group_tag(group.pk),
                count_tags=lambda group: [],
                hidden_authors=permissions.hidden_authors,  # type: ignore[arg-type]
                heading=_("Group wall"),
                # Its administrators moderate its wall.
                can_delete_all=permissions.is_group_admin,  # type: ignore[arg-type]
            )
        )
        # What happens on a group (a member joins it, a comment on its wall) happens in it:
        # its activity page shows it (activity.registry.register_place).
        activity.register_place(Group, lambda group: group)
        handlers.register_all()
        sections.register_all()
        removal.register("groups", remove_memberships_of)
        removal.register_leaving("groups", remove_memberships_of)

        # Reports and the moderation queue (moderation/). A suspended member's groups stay
        # (others belong to them): goes_with_author off.
        from moderation import registry as moderation

        from . import services as group_services

        moderation.register(
            Group,
            feature="groups",
            hide=lambda g, by: group_services.set_hidden(g, by=by, hidden=True),
            show=lambda g, by: group_services.set_hidden(g, by=by, hidden=False),
            delete=lambda g, by: group_services.delete_group(g, by=by),
            author="creator",
            goes_with_author=False,
        )
