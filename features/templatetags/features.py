from typing import Any

from django import template

from features import is_on

register = template.Library()


@register.filter
def feature_on(network: Any, key: str) -> bool:
    """`{% if network|feature_on:"blogs" %}`: whether the feature is on."""
    return is_on(network, key)
