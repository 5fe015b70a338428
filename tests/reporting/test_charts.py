"""The SVG bar charts of the dashboard (``cms.reporting.charts``), drawn from plain data.

Each chart is parsed as XML (with ``defusedxml``): what a browser draws is the
``<rect>`` elements, what a screen reader reads is the ``<title>``, the ``<desc>``
and the hidden table; the tests read the same things.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from defusedxml import ElementTree
from django.utils import translation

from cms.reporting.charts import BarChart, Series, format_value, nice_scale, render_bar_chart

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["09/2025", "10/2025", "11/2025"]


def published_chart(**changes) -> BarChart:
    fields = {
        "key": "published",
        "title": "Published per month by topic",
        "description": "Articles published each month, stacked by topic.",
        "category_heading": "Month",
        "categories": MONTHS,
        "series": [
            Series("Kinh tế – Đầu tư", [2, 0, 1]),
            Series("Chủ quyền biển đảo", [1, 3, 0]),
        ],
        "empty_text": "Nothing was published in this period.",
    }
    fields.update(changes)
    return BarChart(**fields)


def parse(chart: BarChart):
    with translation.override("en"):
        html = str(render_bar_chart(chart))
    return html, ElementTree.fromstring(html)


def bars(figure):
    return figure.findall(f".//{SVG}rect")


def svg_texts(figure, kind: str) -> list[str]:
    """The texts of a kind ("label" under the bars, "value" above them), a line per tspan."""
    return [
        "\n".join(text.itertext())
        for text in figure.iter(f"{SVG}text")
        if text.get("class") == f"reporting-chart__{kind}"
    ]


def table_rows(figure) -> list[list[str]]:
    table = figure.find("table")
    return [["".join(cell.itertext()) for cell in row] for row in table.iter("tr")]


def test_a_stacked_chart_draws_one_rectangle_per_non_zero_figure():
    _, figure = parse(published_chart())

    rects = bars(figure)
    assert len(rects) == 4  # 2+1 in September, 3 in October, 1 in November
    tooltips = [rect.find(f"{SVG}title").text for rect in rects]
    assert tooltips == [
        "09/2025 · Kinh tế – Đầu tư: 2",
        "09/2025 · Chủ quyền biển đảo: 1",
        "10/2025 · Chủ quyền biển đảo: 3",
        "11/2025 · Kinh tế – Đầu tư: 1",
    ]
    # The two series have their own colour class, the same in the legend.
    assert rects[0].get("class").endswith("series-0")
    assert rects[1].get("class").endswith("series-1")
    legend = figure.find("ul")
    assert ["".join(li.itertext()) for li in legend] == ["Kinh tế – Đầu tư", "Chủ quyền biển đảo"]
    # The month labels under the bars and the totals above them.
    assert svg_texts(figure, "label") == MONTHS
    assert svg_texts(figure, "value") == ["3", "3", "1"]


def test_axis_labels_may_be_short_and_on_two_lines_and_zero_counts_have_no_label():
    chart = published_chart(
        axis_labels=["09\n2025", "10", "11"],
        series=[Series("Kinh tế – Đầu tư", [2, 0, 1])],
    )
    _, figure = parse(chart)

    assert svg_texts(figure, "label") == ["09\n2025", "10", "11"]
    assert svg_texts(figure, "value") == ["2", "1"]  # nothing over October's empty slot
    # The table keeps the full month.
    assert [row[0] for row in table_rows(figure)[1:]] == MONTHS
    with pytest.raises(ValueError, match="one axis label per category"):
        published_chart(axis_labels=["09", "10"])


def test_bar_heights_are_proportional_to_the_figures():
    _, figure = parse(published_chart())

    # September: 2 (first topic, at the bottom) and 1 (second topic, above).
    september_2, september_1, october_3, november_1 = (
        float(rect.get("height")) for rect in bars(figure)
    )
    assert september_2 == pytest.approx(2 * september_1, abs=0.2)
    assert october_3 == pytest.approx(3 * september_1, abs=0.2)
    assert november_1 == pytest.approx(september_1, abs=0.1)
    # Stacked: September's second layer sits on the first.
    first, second = bars(figure)[:2]
    assert float(second.get("y")) + float(second.get("height")) == pytest.approx(
        float(first.get("y")), abs=0.1
    )


def test_the_svg_is_one_labelled_image_and_the_figures_are_in_a_table():
    _, figure = parse(published_chart())

    svg = figure.find(f"{SVG}svg")
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    assert [svg.find(f"{SVG}{tag}").get("id") for tag in ("title", "desc")] == ids
    assert svg.find(f"{SVG}title").text == "Published per month by topic"
    assert svg.find(f"{SVG}desc").text == "Articles published each month, stacked by topic."
    assert figure.find("table").get("class") == "w-sr-only"
    assert figure.find("table/caption").text == "Published per month by topic"
    assert table_rows(figure) == [
        ["Month", "Kinh tế – Đầu tư", "Chủ quyền biển đảo", "Total"],
        ["09/2025", "2", "1", "3"],
        ["10/2025", "0", "3", "3"],
        ["11/2025", "1", "0", "1"],
    ]


def test_no_script_and_no_inline_style():
    html, figure = parse(published_chart())

    assert "<script" not in html
    assert all(element.get("style") is None for element in figure.iter())
    assert not any(name.startswith("on") for element in figure.iter() for name in element.attrib)


def test_labels_are_escaped():
    hostile = '<script>alert("x")</script>'
    chart = published_chart(
        categories=[hostile, "10/2025", "11/2025"],
        series=[Series(hostile, [1, 2, 3]), Series("B & C", [0, 1, 0])],
        title='Tiêu đề "<b>"',
        description="<img src=x onerror=alert(1)>",
    )
    html, figure = parse(chart)

    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    # Escaped, the text reads back exactly as given.
    assert figure.find(f".//{SVG}title").text == 'Tiêu đề "<b>"'
    assert figure.find(f".//{SVG}desc").text == "<img src=x onerror=alert(1)>"
    assert table_rows(figure)[0][1:3] == [hostile, "B & C"]
    assert table_rows(figure)[1][0] == hostile
    assert svg_texts(figure, "label")[0] == hostile


def test_a_single_series_has_no_legend_and_no_bar_for_a_missing_figure():
    chart = BarChart(
        key="workflow",
        title="Median time from submission to publication",
        description="Hours, per month of publication.",
        category_heading="Month",
        categories=MONTHS,
        series=[Series("Median (hours)", [1.5, None, 30])],
        decimals=1,
    )
    _, figure = parse(chart)

    assert figure.find("ul") is None
    assert [rect.find(f"{SVG}title").text for rect in bars(figure)] == [
        "09/2025: 1.5",
        "11/2025: 30.0",
    ]
    assert table_rows(figure) == [
        ["Month", "Median (hours)"],
        ["09/2025", "1.5"],
        ["10/2025", "no data"],
        ["11/2025", "30.0"],
    ]


def test_figures_are_written_the_vietnamese_way():
    with translation.override("vi"):
        assert format_value(1.5, 1) == "1,5"


def test_a_chart_with_nothing_to_show_says_so_instead_of_drawing():
    chart = published_chart(series=[Series("Kinh tế – Đầu tư", [0, None, 0])])
    _, figure = parse(chart)

    assert figure.find(f".//{SVG}svg") is None
    assert figure.find("table") is None
    assert figure.find("p").text == "Nothing was published in this period."
    assert figure.find("figcaption").text == "Published per month by topic"


def test_a_measure_of_zero_is_drawn_but_a_chart_of_missing_figures_is_not():
    measured = BarChart(
        key="workflow",
        title="Median time from submission to publication",
        description="Hours, per month of publication.",
        category_heading="Month",
        categories=MONTHS,
        series=[Series("Median (hours)", [None, 0.0, None])],
        decimals=1,
        zero_is_figure=True,
        empty_text="Nothing went through the workflow in this period.",
    )
    _, figure = parse(measured)
    assert figure.find(f".//{SVG}svg") is not None
    assert table_rows(figure)[2] == ["10/2025", "0.0"]

    _, figure = parse(replace(measured, series=[Series("Median (hours)", [None] * 3)]))
    assert figure.find(f".//{SVG}svg") is None
    assert figure.find("p").text == "Nothing went through the workflow in this period."


def test_two_charts_have_different_ids():
    first, _ = parse(published_chart())
    second, _ = parse(published_chart(key="incidents"))

    assert 'id="published-title"' in first and 'id="incidents-title"' in second


def test_every_series_has_a_value_per_category():
    with pytest.raises(ValueError, match="3 categories"):
        published_chart(series=[Series("Kinh tế – Đầu tư", [1, 2])])


@pytest.mark.parametrize(
    ("maximum", "decimals", "top", "ticks"),
    [
        (0, 0, 1, [0, 1]),
        (1, 0, 1, [0, 1]),
        (3, 0, 3, [0, 1, 2, 3]),
        (7, 0, 8, [0, 2, 4, 6, 8]),
        (38, 0, 40, [0, 10, 20, 30, 40]),
        (1.2, 1, 1.5, [0, 0.5, 1, 1.5]),
        (0.04, 1, 0.1, [0, 0.1]),
    ],
)
def test_the_value_axis_steps_by_one_two_or_five(maximum, decimals, top, ticks):
    assert nice_scale(maximum, decimals) == (pytest.approx(top), pytest.approx(ticks))
