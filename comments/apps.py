from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from django.db import models

        from likes import registry as likes
        from members import removal
        from members.permissions import is_member

        from . import permissions, registry
        from .fragments import likes_tag
        from .models import Comment
        from .services import delete_comments_by

        removal.register("comments", delete_comments_by)

        from members import directory

        # The directory's "most active": comments shown count.
        directory.register_activity(
            "comments",
            lambda: Comment.objects.filter(hidden_at=None, pending_at=None),
            tags=["post-lists"],
        )

        # A comment as likes see it: through what it is on.
        def can_view(user: object, comment: Comment) -> bool:
            target: models.Model | None = comment.target
            if target is None or (
                comment.is_hidden and not permissions.can_moderate_comments(user)
            ):
                return False
            own = is_member(user) and user.pk == comment.author_id
            if comment.is_pending and not (own or permissions.can_approve_comments(user)):
                return False
            return registry.for_target(target).can_view(user, target)

        def is_open(comment: Comment) -> bool:
            target: models.Model | None = comment.target
            return (
                target is not None
                and not comment.is_hidden
                and not comment.is_pending
                and registry.for_target(target).is_open(target)
            )

        def url(comment: Comment) -> str:
            target: models.Model | None = comment.target
            page: str = target.get_absolute_url() if target is not None else "/"  # type: ignore[attr-defined]
            return f"{page}#comment-{comment.pk}"

        likes.register(
            likes.Likeable(
                model=Comment,
                kind="comment",
                can_view=can_view,  # type: ignore[arg-type]
                owner_id=lambda comment: comment.author_id,  # type: ignore[attr-defined]
                url=url,  # type: ignore[arg-type]
                # The counts show in the comment list of what they are on, and only there.
                count_tags=lambda comment: [likes_tag(comment.content_type_id, comment.object_id)],  # type: ignore[attr-defined]
                is_open=is_open,  # type: ignore[arg-type]
            )
        )
