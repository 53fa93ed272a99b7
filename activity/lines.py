"""The stream's lines as HTML.

A kind renders its lines with its template (`Kind.template`, context `line` and `network`), or
with a function (`Kind.render`): the kinds built in here are written out in Python, as the like
buttons are (likes/buttons.py), because a page of twenty lines through a template each cost
more than the rest of the page. The sentences are the same msgids a template's blocktranslate
would make, so translations serve either way.
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import Member
from members.templatetags.anjuman import avatar, bdi, posted_on

from .queries import Line, Page


def render_lines(page: Page, network: Any, *, empty: str = "") -> SafeString:
    """The page's lines as a list, or `empty` (a sentence) when there are none."""
    if not page.lines:
        return format_html("<p>{}</p>", empty or _("Nothing has happened here yet."))
    items = "".join(
        format_html('  <li class="friend-row activity-line">{}</li>\n', _line(line, network))
        for line in page.lines
    )
    return format_html('<ol class="friend-list activity">\n{}</ol>', mark_safe(items))  # noqa: S308


def _line(line: Line, network: Any) -> SafeString:
    if line.kind.render is not None:
        return mark_safe(line.kind.render(line, network))  # noqa: S308 — the kind escapes
    context = {"line": line, "network": network}
    return mark_safe(render_to_string(line.kind.template, context))  # noqa: S308


def _link(member: Member) -> dict[str, str]:
    return {"url": escape(member.get_absolute_url()), "name": bdi(member.display_name)}


def _frame(line: Line, sentence: str, quote_url: str = "") -> str:
    """The avatar, the sentence (already escaped), the quoted comment, the time."""
    actor = line.actor
    quote = ""
    if quote_url and line.excerpt:
        quote = format_html(
            '\n  <blockquote class="activity-excerpt" dir="auto"><a href="{}#comment-{}">{}</a>'
            "</blockquote>",
            quote_url,
            line.target.pk,
            line.excerpt,
        )
    return format_html(
        '<a href="{}">{}</a>\n<div>\n  <p>{}</p>{}\n'
        '  <p class="byline"><time datetime="{}">{}</time></p>\n</div>',
        actor.get_absolute_url(),
        avatar(actor),
        mark_safe(sentence),  # noqa: S308 — our msgid, its values escaped
        quote,
        timezone.localtime(line.when).isoformat(),
        posted_on(line.when),
    )


def joined(line: Line, network: Any) -> str:
    values = {**_link(line.actor), "network": bdi(getattr(network, "name", ""))}
    if line.others:
        sentence = ngettext(
            '<a href="%(url)s">%(name)s</a> and %(counter)s other member joined %(network)s.',
            '<a href="%(url)s">%(name)s</a> and %(counter)s other members joined %(network)s.',
            len(line.others),
        ) % {**values, "counter": len(line.others)}
    else:
        sentence = _('<a href="%(url)s">%(name)s</a> joined %(network)s.') % values
    return _frame(line, sentence)


def published(line: Line, network: Any) -> str:
    post: Any = line.target
    sentence = _(
        '<a href="%(url)s">%(name)s</a> published the blog post <a href="%(post_url)s">'
        "%(title)s</a>."
    ) % {**_link(line.actor), "post_url": escape(post.get_absolute_url()), "title": bdi(post.title)}
    return _frame(line, sentence)


def commented(line: Line, network: Any) -> str:
    if line.on_wall and line.subject is not None:
        return _on_wall(line, line.subject)
    on: Any = line.on
    on_url = on.get_absolute_url() if on is not None else ""
    values = {
        **_link(line.actor),
        "on_url": escape(on_url),
        "title": bdi(getattr(on, "title", "") or on),
    }
    if line.others:
        sentence = ngettext(
            '<a href="%(url)s">%(name)s</a> and %(counter)s other member commented on '
            '<a href="%(on_url)s">%(title)s</a>.',
            '<a href="%(url)s">%(name)s</a> and %(counter)s other members commented on '
            '<a href="%(on_url)s">%(title)s</a>.',
            len(line.others),
        ) % {**values, "counter": len(line.others)}
    else:
        sentence = (
            _('<a href="%(url)s">%(name)s</a> commented on <a href="%(on_url)s">%(title)s</a>.')
            % values
        )
    return _frame(line, sentence, on_url)


def _on_wall(line: Line, owner: Member) -> str:
    wall_url = owner.get_absolute_url()
    values = {**_link(line.actor), "wall": escape(wall_url), "owner": bdi(owner.display_name)}
    n = len(line.others)
    if owner.pk == line.actor.pk:
        if n:
            sentence = ngettext(
                '<a href="%(url)s">%(name)s</a> and %(counter)s other member wrote on '
                '<a href="%(wall)s">%(name)s\'s wall</a>.',
                '<a href="%(url)s">%(name)s</a> and %(counter)s other members wrote on '
                '<a href="%(wall)s">%(name)s\'s wall</a>.',
                n,
            ) % {**values, "counter": n}
        else:
            sentence = (
                _('<a href="%(url)s">%(name)s</a> wrote on <a href="%(wall)s">their own wall</a>.')
                % values
            )
    elif n:
        sentence = ngettext(
            '<a href="%(url)s">%(name)s</a> and %(counter)s other member wrote on '
            '<a href="%(wall)s">%(owner)s\'s wall</a>.',
            '<a href="%(url)s">%(name)s</a> and %(counter)s other members wrote on '
            '<a href="%(wall)s">%(owner)s\'s wall</a>.',
            n,
        ) % {**values, "counter": n}
    else:
        sentence = (
            _('<a href="%(url)s">%(name)s</a> wrote on <a href="%(wall)s">%(owner)s\'s wall</a>.')
            % values
        )
    return _frame(line, sentence, wall_url)


def befriended(line: Line, network: Any) -> str:
    friend = line.subject
    if friend is None:
        return ""
    sentence = _(
        '<a href="%(url)s">%(name)s</a> and <a href="%(friend_url)s">%(friend)s</a> are now '
        "friends."
    ) % {
        **_link(line.actor),
        "friend_url": escape(friend.get_absolute_url()),
        "friend": bdi(friend.display_name),
    }
    return _frame(line, sentence)
