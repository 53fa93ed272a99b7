"""{% like_button target %}, {% like_count target among=items %}, {% like_slot item %} and
{% like_buttons %}…{% endlike_buttons %}: likes on any page of a registered kind."""

from typing import Any
from urllib.parse import quote

from django import template
from django.db import models
from django.template.base import Node, NodeList, Parser, Token
from django.utils.safestring import SafeString

from lib.cachetags import collecting, depends_on, named_so_far

from .. import buttons, registry

register = template.Library()


@register.simple_tag(takes_context=True)
def like_button(context: template.Context, target: models.Model) -> SafeString:
    """The target's like button and count, as the viewer sees them; the page depends on the
    count (it is refreshed when someone likes the target)."""
    likeable = registry.for_target(target)
    depends_on(*likeable.count_tags(target))
    here = buttons.slot(likeable.kind, target.pk, open=likeable.is_open(target))
    return buttons.fill(context["request"], here)


@register.simple_tag
def like_slot(item: models.Model, open: bool = True) -> SafeString:
    """The place of an item's button in HTML that is cached and shared (the comment list): the
    page showing it fills it per viewer, and names the cache tags of the counts."""
    return buttons.slot(registry.for_target(item).kind, item.pk, open=bool(open))


class LikeButtonsNode(Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        with buttons.collecting(), collecting() as tags:
            html = self.nodelist.render(context)
        # With what the page named before the block: slots in fragments the view rendered
        # beforehand (the post itself, blogs/views.py) have their count tags there.
        return buttons.fill(context["request"], html, tags=sorted(tags | named_so_far()))


@register.tag("like_buttons")
def do_like_buttons(parser: Parser, token: Token) -> LikeButtonsNode:
    """Every like button inside, filled together: one query for the whole page."""
    nodelist = parser.parse(("endlike_buttons",))
    parser.delete_first_token()
    return LikeButtonsNode(nodelist)


# Where {% like_count %} keeps the counts it read, on the template's Context object (which
# every include of one render shares): a listing reads all its counts the first time.
_MEMO = "_likes_counts"


@register.simple_tag(takes_context=True)
def like_count(context: template.Context, target: models.Model, among: Any = ()) -> int:
    """How many like `target`; `among`: the listing it is in, whose counts are read together
    with its own in one query. The page depends on each count."""
    likeable = registry.for_target(target)
    depends_on(*likeable.count_tags(target))
    memo: dict[tuple[str, int], int] | None = getattr(context, _MEMO, None)
    if memo is None:
        memo = {}
        setattr(context, _MEMO, memo)
    item = (likeable.kind, target.pk)
    if item not in memo:
        wanted = {item, *((likeable.kind, other.pk) for other in among or ())}
        found = buttons.counts(wanted)
        memo.update((each, found.get(each, 0)) for each in wanted)
    return memo[item]


@register.inclusion_tag("likes/_share.html", takes_context=True)
def share_links(context: template.Context, target: models.Model) -> dict[str, Any]:
    """Links that share the target: copy (likes/static share.js; a plain link without it),
    email, and the main social sites by their public share addresses — no script or image of
    theirs is loaded."""
    url = context["request"].build_absolute_uri(registry.for_target(target).url(target))
    title = str(target)
    both = f"{title} {url}"
    return {
        "url": url,
        "mailto": f"mailto:?subject={quote(title)}&body={quote(url)}",
        "sites": [
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}"),
            (
                "X",
                f"https://x.com/intent/post?url={quote(url, safe='')}&text={quote(title, safe='')}",
            ),
            (
                "LinkedIn",
                f"https://www.linkedin.com/sharing/share-offsite/?url={quote(url, safe='')}",
            ),
            ("WhatsApp", f"https://wa.me/?text={quote(both, safe='')}"),
            (
                "Telegram",
                f"https://t.me/share/url?url={quote(url, safe='')}&text={quote(title, safe='')}",
            ),
        ],
    }


@register.filter
def like_count_text(n: int) -> str:
    """ "1 Like", "3 Likes": as the buttons say it."""
    return buttons.count_text(int(n))
