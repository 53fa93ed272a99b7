"""The search page: /search/?q=…&kind=…&author=…&since=…"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from features.services import off_kinds
from lib.http import NetworkRequest, form_status

from . import registry
from .forms import SearchForm
from .models import Entry
from .queries import entries, search, searchable_kinds
from .text import highlight, snippet

PER_PAGE = 20


@dataclass(frozen=True)
class Result:
    entry: Entry
    label: Any
    title: SafeString
    context: str
    snippet: SafeString


def _result(entry: Entry, words: list[str]) -> Result:
    kind = registry.for_key(entry.kind)
    return Result(
        entry=entry,
        label=kind.label_one if kind is not None else entry.kind,
        title=highlight(entry.title, words),
        context=entry.context,
        snippet=snippet(entry.body, words) if entry.body else SafeString(""),
    )


def _since(day: dt.date | None) -> dt.datetime | None:
    # The day begins at midnight in the network's time zone (the one the dates show in).
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@require_GET
def search_page(request: NetworkRequest) -> HttpResponse:
    """Never cached: the results are the viewer's (what they may see) and the query's."""
    off = off_kinds(request.network)
    kinds = searchable_kinds(off)
    form = SearchForm(request.GET or None, kinds=kinds)
    context: dict[str, Any] = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"] or ""
        words = form.words
        author = form.author_member()
        unknown_author = bool(form.cleaned_data["author"]) and author is None
        context.update(
            query=query, words=words, empty=not query.strip(), unknown_author=unknown_author
        )
        if words and not unknown_author:
            found = search(
                request.user,
                words,
                kind=registry.for_key(form.cleaned_data["kind"] or ""),
                author_id=author.pk if author is not None else None,
                since=_since(form.cleaned_data["since"]),
                off=off,
            )
            page = Paginator(found.ids, PER_PAGE).get_page(request.GET.get("page"))
            params = request.GET.copy()
            params.pop("page", None)
            context.update(
                searched=True,
                page=page,
                capped=found.capped,
                results=[_result(entry, words) for entry in entries(list(page.object_list))],
                params=params.urlencode(),
            )
    return render(request, "search/search.html", context, status=form_status(form))
