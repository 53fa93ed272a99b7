"""`{% report_link obj %}`: the "Report" link content pages show to members who may report
the thing (content apps load it: they sit above moderation)."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .. import permissions, registry

register = template.Library()


@register.simple_tag(takes_context=True)
def report_link(context: template.Context, obj: Any) -> SafeString | str:
    """A link to report `obj` for a confirmed member who is not its author; nothing for
    visitors, the author, or what is not registered."""
    request = context.get("request")
    user = getattr(request, "user", None)
    kind = registry.kind_of(obj) if obj is not None else None
    if kind is None or not permissions.can_report(user):
        return ""
    if kind.author_id_of(obj) == user.pk:
        return ""
    return format_html(
        '<a class="report-link" href="{}" rel="nofollow">{}</a>',
        reverse("moderation:report", args=[kind.key, obj.pk]),
        _("Report"),
    )
