"""Bar charts for the admin dashboard, drawn on the server as SVG.

Why our own SVG rather than a charting package: the admin must work on the commune's
intranet (no CDN), under a strict Content-Security-Policy (no script, no inline style),
in Wagtail's light and dark themes, and be readable with a screen reader. A few bars
need none of a charting library's script. So:

* every colour comes from ``reporting/charts.css`` through class names: text and axes
  use ``currentColor`` and Wagtail's theme variables, the series colours are custom
  properties with a light and a dark set; nothing here writes a ``style`` attribute;
* the ``<svg>`` is one image for assistive technology (``role="img"``, a ``<title>``
  and a ``<desc>``), and the same figures follow in a visually hidden table, which is
  what a screen reader user reads and what the tests check;
* every label (a topic's name, a month) is escaped by ``format_html``.

The functions here take plain data (labels and numbers) and know nothing of the
database: ``hooks_dashboard`` gathers the figures and chooses the words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

#: The drawing's coordinate system (the SVG scales to the width of its box; at the
#: usual 25-30rem of a dashboard column a unit is about a pixel, and text stays legible).
WIDTH = 480
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 40, 4, 18, 36
LINE_HEIGHT = 14
#: Colours in ``charts.css``: series beyond these start the cycle again.
PALETTE_SIZE = 8
#: Widest bar, so that a chart with three categories does not draw three walls.
MAX_BAR_WIDTH = 56


@dataclass(frozen=True)
class Series:
    """One stacked layer: a label (a topic, a status) and a value per category.

    ``None`` means "no figure" (no article was published that month, so it has no
    median), which is not the same as zero: no bar is drawn and the table says so.
    """

    label: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class BarChart:
    """What to draw: one bar per category, each made of the series stacked in order."""

    key: str  # unique on the page: the prefix of the element ids
    title: str
    description: str  # what the chart shows, read by a screen reader before the table
    category_heading: str  # the table's first column ("Month", "Severity")
    categories: Sequence[str]  # in the table and the tooltips
    series: Sequence[Series]
    #: Under the bars, when the categories are too long for them ("09", "2025" rather
    #: than "09/2025" for twelve months); a label may have two lines ("09\n2025").
    axis_labels: Sequence[str] | None = None
    decimals: int = 0  # figures are counts unless told otherwise
    #: Counts: a zero is nothing (no label over the bar; a chart of zeros is empty).
    #: Measures: ``True``, a median of 0.0 hours is a figure; only ``None`` is nothing.
    zero_is_figure: bool = False
    empty_text: str = ""  # shown instead of the chart when it is empty

    def __post_init__(self):
        if self.axis_labels is not None and len(self.axis_labels) != len(self.categories):
            raise ValueError("There must be one axis label per category.")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"Series {series.label!r} has {len(series.values)} values "
                    f"for {len(self.categories)} categories."
                )

    def total(self, index: int) -> float | None:
        """The height of bar ``index``: the sum of its figures, ``None`` if it has none."""
        values = [s.values[index] for s in self.series if s.values[index] is not None]
        return sum(values) if values else None

    def has_figure(self, index: int) -> bool:
        total = self.total(index)
        return total is not None and (self.zero_is_figure or total != 0)

    @property
    def is_empty(self) -> bool:
        return not any(self.has_figure(i) for i in range(len(self.categories)))


def render_bar_chart(chart: BarChart) -> SafeString:
    """The chart as a ``<figure>``: heading, SVG, legend (several series) and data table."""
    if chart.is_empty:
        body = format_html('<p class="reporting-chart__empty">{}</p>', chart.empty_text)
    else:
        body = format_html("{}{}{}", _svg(chart), _legend(chart), _table(chart))
    return format_html(
        '<figure class="reporting-chart" id="{}">'
        '<figcaption class="reporting-chart__heading">{}</figcaption>{}</figure>',
        chart.key,
        chart.title,
        body,
    )


def format_value(value: float, decimals: int = 0) -> str:
    """A figure as the active language writes it (``1,5`` in Vietnamese)."""
    return number_format(value, decimal_pos=decimals, use_l10n=True)


def nice_scale(maximum: float, decimals: int = 0) -> tuple[float, list[float]]:
    """The top of the value axis and its ticks: steps of 1, 2 or 5 times a power of ten.

    At most about five gridlines; a step is never finer than the figures' precision
    (counts step by whole numbers at least), so every tick label is exact.
    """
    smallest = 10.0**-decimals
    if maximum <= 0:
        return smallest, [0.0, smallest]
    raw = maximum / 4
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw - 1e-12)
    step = max(step, smallest)
    count = math.ceil(maximum / step - 1e-9)
    ticks = [round(step * i, 10) for i in range(count + 1)]
    return ticks[-1], ticks


def _svg(chart: BarChart) -> SafeString:
    top_value, ticks = nice_scale(
        max(chart.total(i) or 0 for i in range(len(chart.categories))), chart.decimals
    )
    plot_height = HEIGHT - TOP - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / len(chart.categories)
    bar_width = min(slot * 0.7, MAX_BAR_WIDTH)

    def y_of(value: float) -> float:
        return TOP + plot_height * (1 - value / top_value)

    grid = format_html_join(
        "",
        '<line class="reporting-chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="reporting-chart__tick" x="{}" y="{}" text-anchor="end"'
        ' dominant-baseline="middle">{}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                _n(y_of(t)),
                _n(y_of(t)),
                LEFT - 6,
                _n(y_of(t)),
                format_value(t, chart.decimals),
            )
            for t in ticks
        ),
    )
    bars = []
    for index, category in enumerate(chart.categories):
        x = LEFT + slot * index + (slot - bar_width) / 2
        centre = _n(x + bar_width / 2)
        base = 0.0
        for number, series in enumerate(chart.series):
            value = series.values[index]
            if not value:
                continue
            bars.append(
                format_html(
                    '<rect class="reporting-chart__bar reporting-chart__series-{}"'
                    ' x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
                    number % PALETTE_SIZE,
                    _n(x),
                    _n(y_of(base + value)),
                    _n(bar_width),
                    _n(y_of(base) - y_of(base + value)),
                    _bar_tooltip(chart, category, series, value),
                )
            )
            base += value
        if chart.has_figure(index):
            total = chart.total(index)
            bars.append(
                format_html(
                    '<text class="reporting-chart__value" x="{}" y="{}" text-anchor="middle">'
                    "{}</text>",
                    centre,
                    _n(y_of(total) - 4),
                    format_value(total, chart.decimals),
                )
            )
        label = chart.axis_labels[index] if chart.axis_labels else category
        lines = format_html_join(
            "",
            '<tspan x="{}" dy="{}">{}</tspan>',
            (
                (centre, 0 if number == 0 else LINE_HEIGHT, line)
                for number, line in enumerate(label.split("\n"))
            ),
        )
        bars.append(
            format_html(
                '<text class="reporting-chart__label" y="{}" text-anchor="middle">{}</text>',
                HEIGHT - BOTTOM + 15,
                lines,
            )
        )
    return format_html(
        '<svg class="reporting-chart__svg" xmlns="http://www.w3.org/2000/svg"'
        ' viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<g aria-hidden="true">{}{}'
        '<line class="reporting-chart__axis" x1="{}" x2="{}" y1="{}" y2="{}"/></g></svg>',
        WIDTH,
        HEIGHT,
        chart.key,
        chart.key,
        chart.key,
        chart.title,
        chart.key,
        chart.description,
        grid,
        mark_safe("".join(bars)),  # noqa: S308 - each part was built by format_html
        LEFT,
        WIDTH - RIGHT,
        HEIGHT - BOTTOM,
        HEIGHT - BOTTOM,
    )


def _bar_tooltip(chart: BarChart, category: str, series: Series, value: float) -> str:
    figure = format_value(value, chart.decimals)
    if len(chart.series) == 1:
        return f"{category}: {figure}"
    return f"{category} · {series.label}: {figure}"


def _legend(chart: BarChart) -> SafeString:
    """The colour of each series, for sighted readers (the table says it in words)."""
    if len(chart.series) < 2:
        return SafeString("")
    items = format_html_join(
        "",
        '<li><span class="reporting-chart__swatch reporting-chart__series-{}"></span>{}</li>',
        ((number % PALETTE_SIZE, series.label) for number, series in enumerate(chart.series)),
    )
    return format_html('<ul class="reporting-chart__legend" aria-hidden="true">{}</ul>', items)


def _table(chart: BarChart) -> SafeString:
    """The figures as a table, hidden on screen (``w-sr-only``) and read by screen readers."""
    show_total = len(chart.series) > 1
    headings = format_html_join("", '<th scope="col">{}</th>', ((s.label,) for s in chart.series))
    if show_total:
        headings = format_html('{}<th scope="col">{}</th>', headings, _("Total"))
    rows = []
    for index, category in enumerate(chart.categories):
        cells = [s.values[index] for s in chart.series]
        if show_total:
            cells.append(chart.total(index))
        rows.append(
            format_html(
                '<tr><th scope="row">{}</th>{}</tr>',
                category,
                format_html_join(
                    "", "<td>{}</td>", ((_table_value(v, chart.decimals),) for v in cells)
                ),
            )
        )
    return format_html(
        '<table class="w-sr-only"><caption>{}</caption>'
        '<thead><tr><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table>',
        chart.title,
        chart.category_heading,
        headings,
        mark_safe("".join(rows)),  # noqa: S308 - each row was built by format_html
    )


def _table_value(value: float | None, decimals: int) -> str:
    return _("no data") if value is None else format_value(value, decimals)


def _n(number: float) -> str:
    """A coordinate with one decimal at most, in SVG's notation (a point, never a comma)."""
    return f"{number:.1f}".rstrip("0").rstrip(".")
