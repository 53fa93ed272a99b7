from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideosConfig(AppConfig):
    name = "videos"
    verbose_name = _("Videos")

    def ready(self) -> None:
        from comments.registry import Commentable, register
        from likes import registry as likes
        from members import removal

        from . import activity, sections
        from .models import Video
        from .permissions import can_view_video
        from .services import forget_likes_of_videos_by

        register(
            Commentable(
                model=Video,
                kind="video",
                author_id=lambda video: video.owner_id,  # type: ignore[attr-defined]
                can_view=can_view_video,  # type: ignore[arg-type]
                is_open=lambda video: True,
                page_tag=lambda video: f"video:{video.pk}",
                count_tags=lambda video: [],
            )
        )
        likes.register(
            likes.Likeable(
                model=Video,
                kind="video",
                can_view=can_view_video,  # type: ignore[arg-type]
                owner_id=lambda video: video.owner_id,  # type: ignore[attr-defined]
                url=lambda video: video.get_absolute_url(),  # type: ignore[attr-defined]
                count_tags=lambda video: [f"likes:video:{video.pk}"],
            )
        )
        activity.register_all()
        sections.register_all()
        # A member removed takes their videos (a cascade); leaving keeps them, as posts.
        removal.register("videos", forget_likes_of_videos_by)

        # Reports and the moderation queue (moderation/).
        from moderation import registry as moderation

        from . import services as video_services

        moderation.register(
            Video,
            feature="videos",
            hide=lambda v, by: video_services.set_hidden(v, True, by=by),
            show=lambda v, by: video_services.set_hidden(v, False, by=by),
            delete=lambda v, by: video_services.delete_video(v, by=by),
            author="owner",
            can_view=can_view_video,
        )
