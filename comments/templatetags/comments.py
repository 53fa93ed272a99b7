"""{% comments target %}: the comment section, on any page of a registered content type."""

from typing import Any

from django import template
from django.db import models
from django.utils.safestring import SafeString

from ..fragments import render_section

register = template.Library()


@register.simple_tag(takes_context=True)
def comments(
    context: dict[str, Any], target: models.Model, text: str = "", error: str = ""
) -> SafeString:
    """The list, and the form (with `text` kept and `error` shown) or the join gate."""
    return render_section(context["request"], target, text=text, error=error)
