"""The demo network's moderation queue (loaddemo): a couple of members' reports, so that the
queue, the moderators' navigation badge and a member's record have something to show."""

from django.contrib.contenttypes.models import ContentType

from lib.datagen import DemoContext

from .models import Report

REASONS = (
    "This reads like an advertisement, not a post.",
    "The comments under it are getting personal.",
)


def load(ctx: DemoContext) -> None:
    ctx.later(lambda: _reports(ctx))


def _reports(ctx: DemoContext) -> None:
    posts = list(ctx.made.get("posts", {}).values())[:2]
    members = list(ctx.made.get("members", {}).values())
    made = 0
    for post, reason in zip(posts, REASONS, strict=False):
        reporter = next((m for m in members if m.pk != post.author_id and m.is_active), None)
        if reporter is None:
            continue
        Report.objects.create(
            reporter=reporter,
            content_type=ContentType.objects.get_for_model(post),
            object_id=post.pk,
            reason=reason,
            created_at=ctx.now,
        )
        made += 1
    ctx.count("reports", made)
