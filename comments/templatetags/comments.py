"""{% comments target %}: the comment section, on any page of a registered content type."""

from typing import Any

from django import template
from django.db import models

from ..fragments import section_context

register = template.Library()


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comments(
    context: dict[str, Any], target: models.Model, text: str = "", error: str = ""
) -> dict[str, Any]:
    """The list, and the form (with `text` kept and `error` shown) or the join gate.

    Rendered within the page's context: the context processors do not run a second time."""
    return section_context(context["request"], target, text=text, error=error)
