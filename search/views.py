"""The search page: /search/?q=…&kind=…&author=…&since=…"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from features.services import off_kinds
from lib.cachetags import cached_fragment, content_list_tags
from lib.http import NetworkRequest, form_status

from . import registry
from .forms import SearchForm
from .models import SEARCH_TAG, Entry
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


def _results_html(
    request: NetworkRequest,
    form: SearchForm,
    words: list[str],
    author_id: int | None,
    off: set[str],
) -> str:
    """The results part of the page: what the viewer may see holding the words, a page of it."""
    query = form.cleaned_data["q"] or ""
    found = search(
        request.user,
        words,
        kind=registry.for_key(form.cleaned_data["kind"] or ""),
        author_id=author_id,
        since=_since(form.cleaned_data["since"]),
        off=off,
    )
    page = Paginator(found.ids, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "query": query,
        "page": page,
        "capped": found.capped,
        "results": [_result(entry, words) for entry in entries(list(page.object_list))],
        "params": params.urlencode(),
    }
    return render_to_string("search/_results.html", context, request=request)


@require_GET
def search_page(request: NetworkRequest) -> HttpResponse:
    """A visitor's results are cached (the same for every visitor) until the index or any
    searchable row changes (search.models.SEARCH_TAG) or a content app's lists do (an item
    hidden, shown, published: lib.cachetags.content_list_tags); a member's are their own
    (what they may see, whom they block) and made at each search."""
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
            author_id = author.pk if author is not None else None
            html: str
            if request.user.is_authenticated:
                html = _results_html(request, form, words, author_id, off)
            else:
                params = request.GET.copy()
                params.pop("page", None)
                # Everything the results are made of: the query string but its page (the
                # pagination's links repeat it), the page asked, the author found, the
                # language, the features switched off.
                name = "search:visitor:" + "\x00".join(
                    [
                        get_language() or "",
                        ",".join(sorted(off)),
                        params.urlencode(),
                        request.GET.get("page") or "",
                        str(author_id),
                    ]
                )
                html = cached_fragment(
                    name,
                    lambda: _results_html(request, form, words, author_id, off),
                    [SEARCH_TAG, *content_list_tags()],
                )
            # Our own template's output (escaped there), kept as text in the cache.
            context.update(searched=True, results_html=mark_safe(html))  # noqa: S308
    return render(request, "search/search.html", context, status=form_status(form))
