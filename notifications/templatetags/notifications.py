"""{% load notifications %}: a notification's sentence on the page."""

from django import template
from django.utils.safestring import SafeString

from ..models import Notification
from ..text import page_sentence

register = template.Library()


@register.simple_tag
def notification_sentence(notification: Notification) -> SafeString:
    return page_sentence(notification)
