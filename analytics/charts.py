"""Bar charts drawn on the server as SVG: no script, no style attribute (the page's
Content-Security-Policy allows neither), colours from classes in analytics/analytics.css.

A chart is an image to assistive technology (role="img", an aria-label summing it up); each
bar carries a <title> with its bucket and value (shown on hover); the page puts the numbers
in a table beside it. Right to left, the time axis runs from right to left and the value axis
stands on the right, as a reader of Urdu expects; the drawing itself keeps the SVG's own
left-to-right coordinates (direction="ltr"), so labels are anchored the same in either case.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString

WIDTH = 640
HEIGHT = 260
TOP = 36  # room for the title
BOTTOM = 44  # room for the bucket labels
AXIS = 52  # room for the value labels, on the value axis's side
FAR = 12  # the other side's margin
MAX_LABELS = 10  # bucket labels shown at most (every n-th bucket when there are more)


@dataclass(frozen=True)
class Bar:
    label: str  # short, under the axis ("2 Dec")
    long_label: str  # in the bar's <title> ("Wednesday 2 December 2026")
    value: int


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × a power of ten) giving about `ticks` gridlines up to `largest`."""
    if largest <= ticks:
        return 1
    rough = largest / ticks
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def bar_chart(title: str, bars: Sequence[Bar], *, summary: str, rtl: bool = False) -> SafeString:
    """An SVG bar chart of `bars` (one per bucket, in time order) titled `title`; `summary`
    is what a screen reader announces for the whole image."""
    largest = max((bar.value for bar in bars), default=0)
    step = nice_step(largest)
    top_value = max(step, step * math.ceil(largest / step))
    plot_left = FAR if rtl else AXIS
    plot_right = WIDTH - (AXIS if rtl else FAR)
    plot_top, plot_bottom = TOP, HEIGHT - BOTTOM
    plot_height = plot_bottom - plot_top
    slot = (plot_right - plot_left) / max(len(bars), 1)
    every = max(1, math.ceil(len(bars) / MAX_LABELS))

    def y_of(value: int) -> float:
        return plot_bottom - plot_height * value / top_value

    def slot_left(index: int) -> float:
        position = len(bars) - 1 - index if rtl else index
        return plot_left + position * slot

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(summary)}" direction="ltr">',
        f"<title>{escape(title)}</title>",
        f'<text class="chart-title" x="{WIDTH / 2:g}" y="20" text-anchor="middle">'
        f"{escape(title)}</text>",
    ]
    axis_x = plot_right if rtl else plot_left
    label_x = axis_x + 6 if rtl else axis_x - 6
    anchor = "start" if rtl else "end"
    for value in range(0, top_value + 1, step):
        at = _num(y_of(value))
        parts.append(
            f'<line class="chart-grid" x1="{plot_left}" x2="{plot_right}" y1="{at}" y2="{at}"/>'
        )
        parts.append(
            f'<text class="chart-tick" x="{label_x}" y="{at}" dy="4" text-anchor="{anchor}">'
            f"{value}</text>"
        )
    parts.append(
        f'<line class="chart-axis" x1="{axis_x}" x2="{axis_x}" y1="{plot_top}" y2="{plot_bottom}"/>'
    )
    parts.append(
        f'<line class="chart-axis" x1="{plot_left}" x2="{plot_right}" y1="{plot_bottom}" '
        f'y2="{plot_bottom}"/>'
    )
    bar_width = slot * 0.7
    for index, bar in enumerate(bars):
        left = slot_left(index)
        y = y_of(bar.value)
        parts.append(
            f'<rect class="chart-bar" x="{_num(left + slot * 0.15)}" y="{_num(y)}" '
            f'width="{_num(bar_width)}" height="{_num(plot_bottom - y)}">'
            f"<title>{escape(bar.long_label)}: {bar.value}</title></rect>"
        )
        # The last bucket's label always shows: it is the current one.
        if index % every == 0 or (index == len(bars) - 1 and index % every >= every / 2):
            parts.append(
                f'<text class="chart-label" x="{_num(left + slot / 2)}" y="{plot_bottom + 18}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    parts.append("</svg>")
    return SafeString("".join(parts))
