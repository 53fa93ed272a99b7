from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from activity import registry as activity
        from comments.registry import Commentable, register
        from groups.models import Group
        from groups.permissions import is_group_admin
        from likes import registry as likes
        from members import removal

        from . import handlers, permissions, sections
        from .models import LISTS_TAG, Discussion, discussion_tag
        from .services import forget_follows_of, remove_member

        register(
            Commentable(
                model=Discussion,
                kind="discussion",
                # The starter deletes any reply in their discussion, as a post's author does.
                author_id=lambda d: d.author_id,  # type: ignore[attr-defined]
                # In a group, only its members reply.
                can_write=permissions.can_reply,  # type: ignore[arg-type]
                can_view=permissions.can_view_discussion,  # type: ignore[arg-type]
                is_open=permissions.takes_replies,  # type: ignore[arg-type]
                page_tag=lambda d: discussion_tag(d.pk),
                # Every forum list shows the reply count and the last reply.
                count_tags=lambda d: [LISTS_TAG],
                heading=_("Replies"),
                # Followers (the starter and repliers among them) are told of a reply by this
                # app (handlers.tell_followers), not by the notifications app.
                tells_own_followers=True,
                # A group's administrators moderate the replies in its discussions.
                can_delete_all=lambda user, d: (
                    d.group_id is not None  # type: ignore[attr-defined]
                    and is_group_admin(user, Group(pk=d.group_id))  # type: ignore[attr-defined]
                ),
            )
        )
        likes.register(
            likes.Likeable(
                model=Discussion,
                kind="discussion",
                can_view=permissions.can_view_discussion,  # type: ignore[arg-type]
                owner_id=lambda d: d.author_id,  # type: ignore[attr-defined]
                url=lambda d: d.get_absolute_url(),  # type: ignore[attr-defined]
                count_tags=lambda d: [f"likes:discussion:{d.pk}"],
                is_open=lambda d: not d.is_hidden,  # type: ignore[attr-defined]
            )
        )
        activity.register(
            activity.Kind(
                event="forum.started",
                template="forum/_activity_started.html",
                owner=lambda event: event.actor.pk,
                can_view=lambda viewer, entry, target, on: (
                    isinstance(target, Discussion)
                    and permissions.can_view_discussion(viewer, target)
                ),
                tags=lambda on: [LISTS_TAG],
                removed_by=("forum.deleted",),
                hidden_by=("forum.hidden",),
                shown_by=("forum.shown",),
                history=handlers.started_history,
            )
        )
        # A discussion in a group, and its replies, happened in the group (its activity).
        activity.register_place(
            Discussion,
            lambda d: Group(pk=d.group_id) if d.group_id is not None else None,
        )
        handlers.register_all()
        sections.register_all()
        removal.register("forum", remove_member)
        removal.register_leaving("forum.follows", forget_follows_of)

        # Reports and the moderation queue (moderation/).
        from moderation import registry as moderation

        from . import services as forum_services

        moderation.register(
            Discussion,
            feature="forum",
            hide=lambda d, by: forum_services.set_hidden(d, True, by=by),
            show=lambda d, by: forum_services.set_hidden(d, False, by=by),
            delete=lambda d, by: forum_services.delete_discussion(d, by=by),
            author="author",
            can_view=permissions.can_view_discussion,
            pending=lambda: Discussion.objects.pending(),
            approve=lambda d, by: forum_services.approve_discussion(d, by=by),
            reject=lambda d, by: forum_services.reject_discussion(d, by=by),
        )
