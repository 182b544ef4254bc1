"""Unit tests of the hooks: locale formatting, marker handling, escaping."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import formatting
import markers
import renderers
from conftest import REPO
from guide_data import load_guide_data

NBSP, NNBSP = "\u00a0", "\u202f"
DATA = load_guide_data(REPO / "data" / "figures.yml")


@pytest.mark.parametrize(
    "language, annual, hourly",
    [
        ("en", "$32,890", "$15.81"),
        ("nl", f"US${NBSP}32.890", f"US${NBSP}15,81"),
        ("fi", f"32{NBSP}890{NBSP}$", f"15,81{NBSP}$"),
        ("ko", "US$32,890", "US$15.81"),
        ("nb", f"32{NBSP}890{NBSP}USD", f"15,81{NBSP}USD"),
    ],
)
def test_money_is_formatted_for_the_locale(language, annual, hourly):
    assert formatting.money(Decimal("32890"), "USD", language) == annual
    assert formatting.money(Decimal("15.81"), "USD", language) == hourly


@pytest.mark.parametrize(
    "language, percent, jobs",
    [("en", "5%", "2,784,500"), ("nl", "5%", "2.784.500"), ("fi", f"5{NBSP}%", f"2{NBSP}784{NBSP}500"),
     ("ko", "5%", "2,784,500"), ("nb", f"5{NBSP}%", f"2{NBSP}784{NBSP}500")],
)
def test_percent_and_count_are_formatted_for_the_locale(language, percent, jobs):
    assert formatting.percent(Decimal(5), language) == percent
    assert formatting.count(2784500, language) == jobs


@pytest.mark.parametrize(
    "language, month, span",
    [("en", "May 2017", "2016–2026"), ("nl", "mei 2017", "2016–2026"), ("fi", "toukokuu 2017", "2016–2026"),
     ("ko", "2017년 5월", "2016년–2026년"), ("nb", "mai 2017", "2016–2026")],
)
def test_periods_are_written_for_the_locale(language, month, span):
    assert formatting.period("2017-05", language, "undated") == month
    assert formatting.period("2016/2026", language, "undated") == span
    assert formatting.period("undated", language, "no date") == "no date"


def _page(src_uri="salary.md", url="salary/", locale="en"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=locale), url=url)


def _render(markdown, **page):
    config = SimpleNamespace(plugins={}, theme={"language": "en"}, config_file_path=str(REPO / "mkdocs.yml"))
    return markers.on_page_markdown(markdown, page=_page(**page), config=config, files=None)


def test_figure_marker_is_replaced_in_running_text():
    text = _render("Median: <!-- figure: median-pay.annual --> a year.", locale="fi")
    assert text == f"Median: 32{NBSP}890{NBSP}$ a year."


def test_plain_comments_are_left_alone():
    assert _render("<!-- a note for editors -->") == "<!-- a note for editors -->"


@pytest.mark.parametrize(
    "marker, complaint",
    [
        ("<!-- figures: median-pay.annual -->", "unknown marker kind 'figures'"),
        ("<!-- figure: median-pay.weekly -->", "no figure 'median-pay.weekly'"),
        ("<!-- table: pay-by-planet -->", "no table 'pay-by-planet'"),
        ("<!-- cite: industry.mining -->", "no entry 'industry.mining'"),
        ("<!-- period: nothing -->", "no entry 'nothing'"),
    ],
)
def test_unknown_marker_or_entry_fails_naming_the_page(marker, complaint):
    with pytest.raises(PluginError, match="salary.md") as error:
        _render(f"Text {marker} more.")
    assert complaint in str(error.value)


def test_values_from_the_data_file_are_escaped():
    hostile = DATA.model_copy(
        update={"labels": {**DATA.labels, "caption_sources": {code: "<script>x()</script>" for code in DATA.languages}}}
    )
    ctx = renderers.Context(data=hostile, language="en", sources_href="")
    html = renderers.sources(ctx)
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>" not in html


def test_every_table_has_a_caption_header_cells_and_a_source_line():
    ctx = renderers.Context(data=DATA, language="nb", sources_href="../sources/")
    for name, render in renderers.TABLES.items():
        html = render(ctx)
        assert html.count("<caption>") == html.count("<table>") >= 1, name
        assert '<th scope="col">' in html and '<th scope="row">' in html, name
        if name != "sources":
            assert html.count('class="guide-source"') == html.count("<table>"), name
            assert 'href="../sources/#source-' in html, name


@pytest.mark.parametrize(
    "page_url, language, expected",
    [("", "en", "sources/"), ("salary/", "en", "../sources/"), ("ko/", "ko", "sources/"),
     ("ko/salary/", "ko", "../sources/"), ("ko/sources/", "ko", "")],
)
def test_sources_link_is_relative_to_the_page(page_url, language, expected):
    config = SimpleNamespace(plugins={}, theme={})
    assert markers.sources_href(page_url, language, config) == expected
