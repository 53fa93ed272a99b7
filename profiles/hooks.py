"""What profiles adds to members' forms and directory (members/profilefields.py,
members/directory.py), registered in ProfilesConfig.ready()."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db.models import Q

from members import directory, profilefields
from members.models import Member

from . import services
from .forms import answer_fields, answers_from
from .models import Answer
from .permissions import viewer_level, visibilities_for


def fields(member: Member | None) -> dict[str, forms.Field]:
    return answer_fields(services.active_questions(), member)


def save(member: Member, cleaned_data: Mapping[str, Any]) -> None:
    answers = answers_from(services.active_questions(), cleaned_data)
    if answers:
        services.save_answers(member, answers)


def search(viewer: object, text: str) -> Q | None:
    """Members whose answer to a searchable question the viewer may see holds `text`."""
    visible = visibilities_for(viewer_level(viewer))
    ids = [q.pk for q in services.active_questions() if q.searchable and q.visibility in visible]
    if not ids:
        return None
    return Q(
        pk__in=Answer.objects.filter(question__in=ids, value__icontains=text).values("member_id")
    )


def register_all() -> None:
    profilefields.register("profiles", fields, save)
    directory.register_search("profiles", search)
