from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = _("Blogs")

    def ready(self) -> None:
        from comments.registry import Commentable, register

        from . import sections
        from .models import Post
        from .permissions import can_view_post

        register(
            Commentable(
                model=Post,
                kind="post",
                author_id=lambda post: post.author_id,  # type: ignore[attr-defined]
                can_view=can_view_post,  # type: ignore[arg-type]
                is_open=lambda post: post.is_published,  # type: ignore[attr-defined]
                page_tag=lambda post: f"post:{post.pk}",
                # The listings show each post's count ("— 2 Comments").
                count_tags=lambda post: ["post-lists"],
            )
        )
        sections.register_all()
