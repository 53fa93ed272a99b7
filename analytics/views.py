import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from lib.http import MemberRequest, form_status
from members.decorators import role_required

from .charts import Bar, bar_chart
from .forms import PeriodForm
from .metrics import ACTIVE, ACTIVE_TITLE, METRICS, Series, chart_keys
from .periods import Period
from .permissions import can_view_analytics
from .report import Report, TopItem, report

analytics_required = role_required(
    can_view_analytics, gettext_lazy("Only the network's administrators can see its analytics.")
)
READING = ("GET", "HEAD")


def manage_nav_link(request: HttpRequest, user: object) -> str:
    """The page's link among the /manage/ links, for those who may open it."""
    if not can_view_analytics(user):
        return ""
    return format_html(' · <a href="{}">{}</a>', reverse("analytics:dashboard"), _("Analytics"))


def _zone(request: MemberRequest) -> ZoneInfo:
    return ZoneInfo(request.network.time_zone or "UTC")


def _labels(start: dt.date, period: Period) -> tuple[str, str]:
    """A bucket's short label (under the chart) and long one (its tooltip and table row)."""
    if period.unit == "month":
        # The year under January, and under the first month: the period spans two years.
        short = date_format(start, "M Y" if start.month == 1 else "M")
        return short, date_format(start, "F Y")
    if period.unit == "week":
        return date_format(start, "j M"), _("Week of %(date)s") % {
            "date": date_format(start, "j F Y")
        }
    return date_format(start, "j M"), date_format(start, "l j F Y")


def _change(series: Series) -> str:
    """The period's total compared with the previous period's, in words."""
    if series.change is None:
        return _("new") if series.total else "–"
    return f"{series.change:+d} %"


# What a screen reader announces for a whole chart.
_SUMMARIES: dict[str, Callable[[], str]] = {
    "day": lambda: _("%(title)s in %(span)s: %(total)d in all, at most %(most)d in a day."),
    "week": lambda: _("%(title)s in %(span)s: %(total)d in all, at most %(most)d in a week."),
    "month": lambda: _("%(title)s in %(span)s: %(total)d in all, at most %(most)d in a month."),
}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: SafeString
    rows: list[tuple[str, int]]
    series: Series
    change: str
    csv_url: str


def _title(key: str) -> str:
    return str(ACTIVE_TITLE if key == ACTIVE else METRICS[key].title)


def _charts(figures: Report, period: Period) -> list[Chart]:
    charts = []
    rtl = get_language_bidi()
    for series in figures.series:
        title = _title(series.key)
        labels = [_labels(start, period) for start, _value in series.points]
        bars = [
            Bar(short, long, value)
            for (short, long), (_start, value) in zip(labels, series.points, strict=True)
        ]
        summary = _SUMMARIES[period.unit]() % {
            "title": title,
            "span": period.span,
            "total": series.total,
            "most": series.most,
        }
        charts.append(
            Chart(
                key=series.key,
                title=title,
                svg=bar_chart(title, bars, summary=summary, rtl=rtl),
                rows=[(long, bar.value) for (_short, long), bar in zip(labels, bars, strict=True)],
                series=series,
                change=_change(series),
                csv_url=reverse("analytics:csv", args=[series.key])
                + "?"
                + urlencode({"period": period.key}),
            )
        )
    return charts


@dataclass(frozen=True)
class TopList:
    heading: str
    lines: list[tuple[TopItem, str]]  # the item, and its count in words


def _tops(figures: Report) -> list[TopList]:
    def lines(items: tuple[TopItem, ...], words: Callable[[int], str]) -> list[tuple[TopItem, str]]:
        return [(item, words(item.count) % {"n": item.count}) for item in items]

    def comments(n: int) -> str:
        return ngettext("%(n)d comment", "%(n)d comments", n)

    def likes(n: int) -> str:
        return ngettext("%(n)d like", "%(n)d likes", n)

    def views(n: int) -> str:
        return ngettext("%(n)d view", "%(n)d views", n)

    def replies(n: int) -> str:
        return ngettext("%(n)d reply", "%(n)d replies", n)

    def written(n: int) -> str:
        return ngettext("%(n)d thing written", "%(n)d things written", n)

    return [
        TopList(_("Most commented posts"), lines(figures.most_commented, comments)),
        TopList(_("Most liked posts"), lines(figures.most_liked, likes)),
        TopList(_("Most read posts published in the period"), lines(figures.most_viewed, views)),
        TopList(_("Most replied discussions"), lines(figures.most_replied, replies)),
        TopList(_("Most active members"), lines(figures.most_active, written)),
    ]


@analytics_required
def dashboard(request: MemberRequest) -> HttpResponse:
    if request.method not in READING:
        return HttpResponseNotAllowed(READING)
    form = PeriodForm(request.GET or None)
    period = form.chosen()
    figures = report(period, _zone(request), request.network.features_off or [])
    context = {
        "form": form,
        "period": period,
        "figures": figures,
        "charts": _charts(figures, period),
        "tops": _tops(figures),
        "time_zone": request.network.time_zone,
    }
    return render(request, "analytics/dashboard.html", context, status=form_status(form))


@analytics_required
def csv_download(request: MemberRequest, metric: str) -> HttpResponse:
    """One chart's numbers: the date each bucket starts on, and its value."""
    if request.method not in READING:
        return HttpResponseNotAllowed(READING)
    features_off = request.network.features_off or []
    if metric not in chart_keys(features_off):
        raise Http404
    form = PeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            _("Choose a period: %(periods)s.") % {"periods": "30d, 26w, 12m"},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    period = form.chosen()
    figures = report(period, _zone(request), features_off)
    series = figures.series_of(metric)
    if series is None:  # pragma: no cover - chart_keys and the report agree
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{metric}-{period.key}-{figures.window.first.isoformat()}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["bucket_start", metric])
    for start, value in series.points:
        writer.writerow([start.isoformat(), value])
    return response
