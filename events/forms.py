import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.forms import CleanTextMixin
from lib.pictures import validate_picture
from lib.validators import validate_web_address
from members.models import Member
from tags.forms import TagsField
from tags.services import tags_text

from .models import Event, Rsvp
from .services import EventData, all_day_span

MAX_LIMIT = 100_000


class EventForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=gettext_lazy("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    all_day = forms.BooleanField(label=gettext_lazy("All day (dates only)"), required=False)
    start_date = forms.DateField(
        label=gettext_lazy("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label=gettext_lazy("End date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Leave empty for the same day."),
    )
    end_time = forms.TimeField(
        label=gettext_lazy("End time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    location = forms.CharField(label=gettext_lazy("Location"), max_length=300, required=False)
    organiser_name = forms.CharField(
        label=gettext_lazy("Organised by"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Leave empty to show your name."),
    )
    website = forms.URLField(
        label=gettext_lazy("Website"),
        max_length=2000,
        required=False,
        validators=[validate_web_address],
        assume_scheme="https",
    )
    image = forms.ImageField(
        label=gettext_lazy("Image"),
        required=False,
        help_text=format_lazy(
            gettext_lazy("JPEG, PNG, GIF or WebP, at most {size}."),
            size=filesizeformat(settings.MAX_UPLOAD_BYTES),
        ),
        error_messages={
            "invalid_image": gettext_lazy(
                "That file is not an image we can read. Please choose a picture."
            )
        },
    )
    remove_image = forms.BooleanField(label=gettext_lazy("Remove the image"), required=False)
    privacy = forms.ChoiceField(
        label=gettext_lazy("Who can see it"),
        choices=Event.Privacy.choices,
        initial=Event.Privacy.PUBLIC,
        widget=forms.RadioSelect,
    )
    attendee_limit = forms.IntegerField(
        label=gettext_lazy("Attendee limit"),
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        help_text=gettext_lazy("Leave empty for no limit."),
    )
    tags = TagsField()

    def __init__(self, *args: Any, event: Event | None = None, **kwargs: Any) -> None:
        if event is not None and event.pk and "initial" not in kwargs:
            kwargs["initial"] = initial_for(event)
        elif "initial" not in kwargs:
            # A week from today in the evening, the usual time of an alumni gathering.
            kwargs["initial"] = {
                "start_date": timezone.localdate() + dt.timedelta(days=7),
                "start_time": dt.time(18),
                "end_time": dt.time(20),
            }
        super().__init__(*args, **kwargs)
        if event is None or not event.image:
            del self.fields["remove_image"]

    def clean_image(self) -> UploadedFile[bytes] | None:
        image: UploadedFile[bytes] | None = self.cleaned_data.get("image")
        validate_picture(image)
        return image

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first: dt.date | None = data.get("start_date")
        if first is None:
            return data
        last: dt.date = data.get("end_date") or first
        tz = timezone.get_current_timezone()
        if data.get("all_day"):
            if last < first:
                self.add_error("end_date", _("The event must end on or after the day it starts."))
                return data
            data["start_at"], data["end_at"] = all_day_span(first, last, tz)
            return data
        start_time: dt.time | None = data.get("start_time")
        if start_time is None:
            self.add_error("start_time", _("Please give a start time, or choose “All day”."))
            return data
        end_time: dt.time | None = data.get("end_time")
        start = timezone.make_aware(dt.datetime.combine(first, start_time), tz)
        if end_time is None:
            if data.get("end_date"):
                self.add_error("end_time", _("Please give an end time."))
                return data
            end = start + dt.timedelta(hours=2)
        else:
            end = timezone.make_aware(dt.datetime.combine(last, end_time), tz)
        if end <= start:
            self.add_error("end_time", _("The event must end after it starts."))
            return data
        data["start_at"], data["end_at"] = start, end
        return data

    def event_data(self) -> EventData:
        d = self.cleaned_data
        return EventData(
            title=d["title"],
            description=d["description"],
            start_at=d["start_at"],
            end_at=d["end_at"],
            all_day=bool(d["all_day"]),
            start_date=d["start_date"] if d["all_day"] else None,
            end_date=(d["end_date"] or d["start_date"]) if d["all_day"] else None,
            location=d["location"],
            organiser_name=d["organiser_name"],
            website=d["website"],
            privacy=d["privacy"],
            attendee_limit=d["attendee_limit"],
            tags=d.get("tags", []),
        )


def initial_for(event: Event) -> dict[str, Any]:
    start = timezone.localtime(event.start_at)
    end = timezone.localtime(event.end_at)
    initial: dict[str, Any] = {
        "title": event.title,
        "description": event.description,
        "all_day": event.all_day,
        "location": event.location,
        "organiser_name": event.organiser_name,
        "website": event.website,
        "privacy": event.privacy,
        "attendee_limit": event.attendee_limit,
        "tags": tags_text(event),
    }
    if event.all_day:
        initial.update(start_date=event.start_date, end_date=event.end_date)
    else:
        initial.update(
            start_date=start.date(),
            start_time=start.time(),
            end_date=end.date() if end.date() != start.date() else None,
            end_time=end.time(),
        )
    return initial


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(choices=Rsvp.Answer.choices)


class InviteForm(CleanTextMixin, forms.Form):
    names = forms.CharField(
        label=gettext_lazy("Members to invite"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "data-mentions": ""}),
        help_text=gettext_lazy(
            "Names or @addresses, separated by commas, e.g. “Bilal Ahmed, @amina-writer”."
        ),
    )


_SEPARATORS = re.compile("[,،\n]")
_WITH_HANDLE = re.compile(r"\(@([^()\s]+)\)\s*$")


def split_names(typed: str) -> list[str]:
    """The entries of a typed list, each once, in order."""
    entries = (e.strip() for e in _SEPARATORS.split(typed))
    return list(dict.fromkeys(e for e in entries if e))


def find_members(entries: list[str]) -> tuple[list[Member], list[str]]:
    """The listed members the entries name (“Name (@handle)”, “@handle”, a handle, or a name
    only one member has), and what is wrong with the others, in one query."""
    handles: dict[str, str | None] = {}
    for entry in entries:
        match = _WITH_HANDLE.search(entry)
        handles[entry] = match.group(1) if match else entry[1:] if entry.startswith("@") else None
    plain = {e for e, h in handles.items() if h is None}
    wanted = Q(handle__in={h for h in handles.values() if h} | plain)
    if plain:
        wanted |= Q(name_lower__in={e.lower() for e in plain})
    rows = list(Member.objects.listed().annotate(name_lower=Lower("display_name")).filter(wanted))
    found: list[Member] = []
    problems: list[str] = []
    for entry, handle in handles.items():
        if handle is not None:
            matches = [m for m in rows if m.handle == handle]
        else:
            matches = [m for m in rows if m.handle == entry] or [
                m for m in rows if m.display_name.lower() == entry.lower()
            ]
        if not matches:
            problems.append(_("No member is called “%(name)s”.") % {"name": entry})
        elif len(matches) > 1:
            problems.append(
                _("Several members are called “%(name)s”: give their @address.") % {"name": entry}
            )
        elif matches[0] not in found:
            found.append(matches[0])
    return found, problems
