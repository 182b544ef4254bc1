"""The pay charts: localized, proportional, described in text, escaped, on every salary page."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import charts
import markers
import renderers
from conftest import REPO, load_contract
from guide_data import load_guide_data

NBSP = "\u00a0"
DATA = load_guide_data(REPO / "data" / "figures.yml")
CONTRACT = load_contract()
FIGURE = re.compile(r'<figure class="guide-chart" id="([^"]+)"[^>]*>.*?</figure>', re.S)
CHART_MARKER = re.compile(r"<!-- chart: ([\w-]+)(?:\.([\w-]+))? -->")


def _ctx(language: str, data=DATA) -> renderers.Context:
    return renderers.Context(data=data, language=language, sources_href="../sources/")


def _figures(html: str) -> dict[str, str]:
    return {match.group(1): match.group(0) for match in FIGURE.finditer(html)}


def _visible_texts(figure: str) -> list[str]:
    return re.findall(r"<text[^>]*>(.*?)</text>", figure)


def _desc(figure: str) -> str:
    return re.search(r"<desc[^>]*>(.*?)</desc>", figure).group(1)


def _expected_bars(ctx: renderers.Context) -> dict[str, list[tuple[str, Decimal]]]:
    """Per chart id, the labels and amounts the data file says it must show.

    A set of a single value gets no chart (its table stands alone)."""
    expected = {
        f"chart-pay-percentiles-{pset.id}": [
            (renderers.percentile_label(ctx, rank), amount)
            for rank, amount in ctx.data.percentile_points(pset).items()
        ]
        for pset in ctx.data.pay_percentiles
        if len(ctx.data.percentile_points(pset)) > 1
    }
    expected["chart-pay-by-industry"] = [(item.label[ctx.language], item.hourly) for item in ctx.data.pay_by_industry]
    return expected


@pytest.mark.parametrize("language", DATA.languages)
def test_every_chart_shows_every_value_formatted_for_the_language(language):
    ctx = _ctx(language)
    rendered = _figures("".join(render(ctx) for render in charts.CHARTS.values()))
    expected = _expected_bars(ctx)
    assert rendered.keys() == expected.keys()
    for chart_id, bars in expected.items():
        texts = _visible_texts(rendered[chart_id])
        # Label then value, bar by bar, in the data file's order.
        assert texts == [text for label, amount in bars for text in (label, ctx.money(amount))], chart_id


def test_finnish_chart_writes_numbers_the_finnish_way():
    html = charts.pay_percentiles(_ctx("fi"))
    assert f">26,12{NBSP}${'<'}" in html
    assert f"90. persentiili: 26,12{NBSP}$" in html
    assert "26.12" not in html


@pytest.mark.parametrize("chart", charts.CHARTS)
def test_bar_lengths_are_proportional_to_the_amounts(chart):
    ctx = _ctx("en")
    for chart_id, figure in _figures(charts.CHARTS[chart](ctx)).items():
        widths = [Decimal(width) for width in re.findall(r'<rect class="guide-chart__bar"[^>]* width="([\d.]+)"', figure)]
        amounts = [amount for _, amount in _expected_bars(ctx)[chart_id]]
        assert len(widths) == len(amounts) >= 1
        units_per_dollar = [width / amount for width, amount in zip(widths, amounts)]
        assert max(units_per_dollar) - min(units_per_dollar) < Decimal("0.01") * min(units_per_dollar), chart_id
        view_width = int(re.search(r'viewBox="0 0 (\d+) ', figure).group(1))
        assert max(widths) > view_width / 2, f"{chart_id}: the largest bar should use most of the width"


@pytest.mark.parametrize("language", DATA.languages)
def test_text_alternative_names_the_chart_and_lists_every_value(language):
    ctx = _ctx(language)
    rendered = _figures("".join(render(ctx) for render in charts.CHARTS.values()))
    for chart_id, bars in _expected_bars(ctx).items():
        figure = rendered[chart_id]
        labelledby = re.search(r'<svg [^>]*role="img"[^>]*aria-labelledby="([^"]+)"', figure).group(1).split()
        title_id = re.search(r'<title id="([^"]+)">', figure).group(1)
        desc_id = re.search(r'<desc id="([^"]+)">', figure).group(1)
        assert labelledby == [title_id, desc_id]
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure).group(1)
        assert re.search(r"<title[^>]*>(.*?)</title>", figure).group(1) == caption
        assert _desc(figure) == ". ".join(f"{label}: {ctx.money(amount)}" for label, amount in bars) + "."


def test_ids_are_unique_across_the_charts_of_a_page():
    html = "".join(render(_ctx("ko")) for render in charts.CHARTS.values())
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert ids and all(count == 1 for count in ids.values()), ids


def test_values_from_the_data_file_are_escaped():
    hostile_label = {code: '<script>alert("x")</script> & <b>co</b>' for code in DATA.languages}
    industries = [DATA.pay_by_industry[0].model_copy(update={"label": hostile_label}), *DATA.pay_by_industry[1:]]
    hostile = DATA.model_copy(update={"pay_by_industry": industries})
    html = charts.pay_by_industry(_ctx("en", hostile))
    assert "<script>" not in html and "<b>" not in html
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"
    assert html.count(escaped) == 3  # the visible label, the text alternative and the table


def test_a_long_label_widens_the_drawing_instead_of_being_cut_off():
    long_label = {code: "A very long industry name that would not fit in the drawing" for code in DATA.languages}
    industries = [DATA.pay_by_industry[0].model_copy(update={"label": long_label}), *DATA.pay_by_industry[1:]]
    html = charts.pay_by_industry(_ctx("en", DATA.model_copy(update={"pay_by_industry": industries})))
    assert int(re.search(r'viewBox="0 0 (\d+) ', html).group(1)) > charts.WIDTH


def _render_markdown(markdown: str) -> str:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="salary.md", locale="nl"), url="nl/salary/")
    config = SimpleNamespace(plugins={}, theme={"language": "en"}, config_file_path=str(REPO / "mkdocs.yml"))
    tokens = markers.on_page_markdown(markdown, page=page, config=config, files=None)
    return markers.on_page_content(tokens, page=page, config=config, files=None)


def test_chart_marker_is_replaced_by_the_chart_and_its_table():
    html = _render_markdown("Before.\n\n<!-- chart: pay-by-industry -->\n\nAfter.")
    assert '<figure class="guide-chart" id="chart-pay-by-industry" data-search-exclude>' in html
    assert f"US${NBSP}18,06" in html and "<!--" not in html
    assert re.search(r'</figure>\s*<details class="guide-chart-table"><summary>[^<]+</summary>.*<table>', html, re.S)


def test_a_set_of_one_value_gets_its_table_without_a_chart():
    html = charts.pay_percentiles(_ctx("en"))
    assert "chart-pay-percentiles-bls-2016-annual" not in html
    assert "Annual pay percentiles, 2016</caption>" in html


def test_unknown_chart_fails_naming_the_page_and_the_known_charts():
    with pytest.raises(PluginError, match="salary.md") as error:
        _render_markdown("<!-- chart: pay-by-planet -->")
    assert "no chart 'pay-by-planet'" in str(error.value)
    assert "pay-percentiles, pay-by-industry" in str(error.value)


def test_a_chart_marker_can_name_one_percentile_set():
    html = _render_markdown("<!-- chart: pay-percentiles.bls-2017-hourly -->")
    assert _figures(html).keys() == {"chart-pay-percentiles-bls-2017-hourly"}
    assert "Percentielen van het jaarloon" not in html and f"US${NBSP}41.430" not in html
    assert html.count("<table") == 1


@pytest.mark.parametrize(
    "marker, message",
    [
        ("<!-- chart: pay-percentiles.bls-1999-weekly -->", "no pay_percentiles set 'bls-1999-weekly'; known: bls-2017-hourly, bls-2016-annual"),
        ("<!-- chart: pay-by-industry.retail -->", "the chart 'pay-by-industry' has no parts"),
        ("<!-- table: pay-percentiles.bls-2017-hourly -->", "the table 'pay-percentiles' has no parts"),
    ],
)
def test_a_part_that_does_not_exist_fails_naming_the_page(marker, message):
    with pytest.raises(PluginError, match="salary.md") as error:
        _render_markdown(marker)
    assert message in str(error.value)


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_a_figure_set_with_a_chart_is_not_also_shown_as_a_table(code):
    markdown = (REPO / "docs" / code / "salary.md").read_text(encoding="utf-8")
    assert {name for name, _ in CHART_MARKER.findall(markdown)} == set(charts.CHARTS)
    for name in charts.CHARTS:
        assert f"<!-- table: {name}" not in markdown, name


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_a_percentile_set_left_out_of_the_chart_is_given_in_the_text(code):
    markdown = (REPO / "docs" / code / "salary.md").read_text(encoding="utf-8")
    charted = {part for name, part in CHART_MARKER.findall(markdown) if name == "pay-percentiles"}
    if "" in charted:
        return  # the whole chart marker shows every set
    for pset in DATA.pay_percentiles:
        if pset.id not in charted:
            for rank in DATA.percentile_points(pset):
                assert f"<!-- figure: percentile.{pset.id}.{rank} -->" in markdown, (pset.id, rank)


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_salary_page_of_every_language_shows_both_charts(site, code):
    html = site.page(CONTRACT.prefix(code), "salary").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    expected = _expected_bars(_ctx(code))
    found = _figures(article)
    assert found.keys() == expected.keys()
    for chart_id, figure in found.items():
        assert '<svg viewBox="0 0 ' in figure and 'role="img"' in figure, chart_id
        assert "<p>" not in figure, f"{chart_id}: Markdown touched the chart"
        assert _visible_texts(figure)[1] == _ctx(code).money(expected[chart_id][0][1]), chart_id
    # Each chart has its table one tap away, right after it.
    for chart_id in found:
        assert re.search(rf'id="{chart_id}".*?</figure>\s*<details class="guide-chart-table"><summary>', article, re.S), chart_id
    duplicates = [id_ for id_, count in Counter(re.findall(r'\bid="([^"]+)"', html)).items() if count > 1]
    assert duplicates == []
