from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = _("Blogs")

    def ready(self) -> None:
        from comments.registry import Commentable, register
        from likes import registry as likes

        from . import sections
        from .models import Post, comments_tag
        from .permissions import can_view_post

        register(
            Commentable(
                model=Post,
                kind="post",
                author_id=lambda post: post.author_id,  # type: ignore[attr-defined]
                can_view=can_view_post,  # type: ignore[arg-type]
                is_open=lambda post: post.is_published,  # type: ignore[attr-defined]
                page_tag=lambda post: comments_tag(post.pk),
                # The listings show each post's count ("— 2 Comments").
                count_tags=lambda post: ["post-lists"],
            )
        )
        likes.register(
            likes.Likeable(
                model=Post,
                kind="post",
                can_view=can_view_post,  # type: ignore[arg-type]
                owner_id=lambda post: post.author_id,  # type: ignore[attr-defined]
                url=lambda post: post.get_absolute_url(),  # type: ignore[attr-defined]
                # Its own tag, which its page and each listing showing it depend on (through
                # {% like_button %} and {% like_count %}): not post:N, so a like leaves the
                # cached comment lists alone, nor post-lists, so it leaves other listings.
                count_tags=lambda post: [f"likes:post:{post.pk}"],
                is_open=lambda post: post.is_published,  # type: ignore[attr-defined]
            )
        )
        sections.register_all()

        from . import blognames

        blognames.register()

        from datetime import timedelta

        from lib import scheduler
        from members import directory, removal

        from .services import (
            VIEWS_FLUSH_EVERY,
            delete_drafts_of,
            flush_post_views_task,
            forget_likes_of_posts_by,
            publish_due_posts_task,
        )

        removal.register("blogs.likes", forget_likes_of_posts_by)
        # A member who leaves keeping their content keeps their published posts only.
        removal.register_leaving("blogs.drafts", delete_drafts_of)
        # Scheduled posts go public within a minute of their time.
        scheduler.register("publish-scheduled-posts", timedelta(minutes=1), publish_due_posts_task)
        # Views counted in the cache are added to the posts (lib/viewcounts.py).
        scheduler.register("flush-post-views", VIEWS_FLUSH_EVERY, flush_post_views_task)
        # The directory's "most active": published posts count.
        directory.register_activity(
            "blogs.posts", lambda: Post.objects.published(), tags=["post-lists"]
        )

        # Reports and the moderation queue (moderation/): hidden posts vanish everywhere.
        from moderation import registry as moderation

        from . import services as blog_services

        moderation.register(
            Post,
            feature="blogs",
            hide=lambda p, by: blog_services.set_hidden(p, True, by=by),
            show=lambda p, by: blog_services.set_hidden(p, False, by=by),
            delete=lambda p, by: blog_services.delete_post(p, by=by),
            author="author",
            can_view=can_view_post,
            pending=lambda: Post.objects.filter(status=Post.Status.PENDING),
            approve=lambda p, by: blog_services.approve_post(p, by=by),
            reject=lambda p, by: blog_services.reject_post(p, by=by),
        )
