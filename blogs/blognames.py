"""Members name their blog ("Haq's Musings"; blank: "NAME's Blog") in their profile settings:
a field blogs adds to the settings form (members/profilefields.py), registered in
BlogsConfig.ready(). Pages show the name through the `blog_name` filter (anjuman tags)."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.cachetags import invalidate
from members import profilefields
from members.models import Member

FIELD = "blog_name"


def fields(member: Member | None) -> dict[str, forms.Field]:
    """Only in the settings (nothing asked at join)."""
    if member is None:
        return {}
    return {
        FIELD: forms.CharField(
            label=_("Your blog's name"),
            max_length=Member._meta.get_field("blog_name").max_length,
            required=False,
            initial=member.blog_name,
            help_text=_("Leave it blank for “%(name)s's Blog”.") % {"name": member.display_name},
        )
    }


def save(member: Member, cleaned_data: Mapping[str, Any]) -> None:
    if FIELD not in cleaned_data:
        return
    name = str(cleaned_data[FIELD] or "").strip()
    if name == member.blog_name:
        return
    member.blog_name = name
    Member.objects.filter(pk=member.pk).update(blog_name=name)
    # The blog's heading, title and feeds, and the links to it on other pages (post pages'
    # sidebars, the member page's section).
    invalidate("people", f"blog:{member.pk}")


def register() -> None:
    profilefields.register("blogs", fields, save)
