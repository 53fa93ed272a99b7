"""The demo's badges (shown beside their members' names) and members' named blogs."""

from lib.datagen import DemoContext
from members.models import Badge, Member

from .demo import content


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made.get("members", {})
    made: dict[str, Badge] = ctx.made.setdefault("badges", {})
    for name, position, keys in content.BADGES:
        badge = Badge.objects.create(name=name, position=position)
        made[name] = badge
        badge.members.add(*[members[key] for key in keys if key in members])  # type: ignore[attr-defined]
    ctx.count("badges", len(made))
    for key, blog_name in content.BLOG_NAMES.items():
        if key in members:
            Member.objects.filter(pk=members[key].pk).update(blog_name=blog_name)
