"""Unit tests of the hooks: locale formatting, marker handling, escaping."""

from __future__ import annotations

import re
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
        ("ko", "32,890달러", "15.81달러"),
        ("nb", f"32{NBSP}890{NBSP}USD", f"15,81{NBSP}USD"),
    ],
)
def test_money_in_tables_is_compact_for_the_locale(language, annual, hourly):
    assert formatting.money(Decimal("32890"), "USD", language, "compact") == annual
    assert formatting.money(Decimal("15.81"), "USD", language, "compact") == hourly


@pytest.mark.parametrize(
    "language, annual, hourly, one",
    [
        ("en", "$32,890", "$15.81", "$1"),
        ("nl", f"32.890{NBSP}dollar", f"15,81{NBSP}dollar", f"1{NBSP}dollar"),
        ("fi", f"32{NBSP}890{NBSP}dollaria", f"15,81{NBSP}dollaria", f"1{NBSP}dollari"),
        ("ko", "32,890달러", "15.81달러", "1달러"),
        ("nb", f"32{NBSP}890{NBSP}dollar", f"15,81{NBSP}dollar", f"1{NBSP}dollar"),
    ],
)
def test_money_in_running_text_is_written_as_each_language_writes_it(language, annual, hourly, one):
    assert formatting.money(Decimal("32890"), "USD", language) == annual
    assert formatting.money(Decimal("15.81"), "USD", language) == hourly
    assert formatting.money(Decimal("1"), "USD", language) == one


@pytest.mark.parametrize(
    "value, language, form, expected",
    [
        ("2017-05", "fi", "when", "toukokuussa 2017"),
        ("2017-05", "fi", "genitive", "toukokuun 2017"),
        ("2016", "fi", "when", "vuonna 2016"),
        ("2016", "fi", "genitive", "vuoden 2016"),
        ("2016/2026", "fi", "when", "vuosina 2016–2026"),
        ("2016/2026", "fi", "from-to", "vuodesta 2016 vuoteen 2026"),
        ("2016/2026", "ko", "", "2016~2026년"),
        ("2016/2026", "en", "", "2016–2026"),
    ],
)
def test_periods_take_the_form_the_sentence_needs(value, language, form, expected):
    assert formatting.period(value, language, "undated", form) == expected


@pytest.mark.parametrize(
    "language, form, expected",
    [("fi", "genitive", f"36{NBSP}612{NBSP}dollarin"), ("fi", "elative", f"36{NBSP}612{NBSP}dollarista"), ("fi", "illative", f"36{NBSP}612{NBSP}dollariin")],
)
def test_finnish_amounts_take_case_endings(language, form, expected):
    assert formatting.money(Decimal("36612"), "USD", language, form=form) == expected


def test_finnish_percentages_take_case_endings_after_a_colon():
    assert formatting.percent(Decimal(5), "fi", "genitive") == f"5{NBSP}%:n"
    assert formatting.percent(Decimal(36), "fi", "illative") == f"36{NBSP}%:iin"


@pytest.mark.parametrize(
    "language, expected",
    [("en", "one in five"), ("nl", "één op de vijf"), ("fi", "joka viides"), ("ko", "5명 중 1명"), ("nb", "en av fem")],
)
def test_a_ratio_is_written_as_each_language_says_it(language, expected):
    assert formatting.ratio(1, 5, language) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: formatting.period("2017-05", "en", "undated", "when"),
        lambda: formatting.period("2016/2026", "nb", "undated", "genitive"),
        lambda: formatting.money(Decimal(5), "USD", "ko", form="genitive"),
        lambda: formatting.percent(Decimal(5), "nl", "genitive"),
        lambda: formatting.words(6, "ko"),
        lambda: formatting.period("2016", "fi", "undated", "from-to"),
    ],
)
def test_a_form_the_language_lacks_is_refused(call):
    with pytest.raises(formatting.UnknownForm):
        call()


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
     ("ko", "2017년 5월", "2016~2026년"), ("nb", "mai 2017", "2016–2026")],
)
def test_periods_are_written_for_the_locale(language, month, span):
    assert formatting.period("2017-05", language, "undated") == month
    assert formatting.period("2016/2026", language, "undated") == span
    assert formatting.period("undated", language, "no date") == "no date"


def _page(src_uri="salary.md", url="salary/", locale="en"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=locale), url=url)


def _render(markdown, **page):
    """The marker hook's two steps, with the Markdown step left out: markers in, HTML out."""
    config = SimpleNamespace(plugins={}, theme={"language": "en"}, config_file_path=str(REPO / "mkdocs.yml"))
    tokens = markers.on_page_markdown(markdown, page=_page(**page), config=config, files=None)
    return markers.on_page_content(tokens, page=_page(**page), config=config, files=None)


def test_figure_marker_is_replaced_in_running_text():
    text = _render("Median: <!-- figure: median-pay.annual --> a year.", locale="fi")
    assert text == f"Median: 32{NBSP}890{NBSP}dollaria a year."


def test_a_marker_takes_a_form():
    text = _render("Palkka <!-- period: median-pay | when --> oli <!-- figure: median-pay.annual | genitive -->.", locale="fi")
    assert text == f"Palkka toukokuussa 2017 oli 32{NBSP}890{NBSP}dollarin."


def test_an_unknown_form_fails_naming_the_page_and_the_marker():
    with pytest.raises(PluginError, match="salary.md") as error:
        _render("In <!-- period: median-pay | when -->.", locale="en")
    assert "no form 'when' in en" in str(error.value)
    assert "<!-- period: median-pay | when -->" in str(error.value)


@pytest.mark.parametrize("marker", ["<!-- Figure: median-pay.annual -->", "<!-- FIGURE: median-pay.annual -->", "<!--figure:median-pay.annual-->"])
def test_a_marker_shaped_comment_fails_whatever_its_case(marker):
    if marker.startswith("<!--figure"):
        assert "dollar" in _render(f"Pay {marker}.", locale="nl")
        return
    with pytest.raises(PluginError, match="unknown marker kind"):
        _render(f"Pay {marker}.")


def test_markers_in_code_are_left_as_code():
    markdown = "Write `<!-- figure: median-pay.annual -->` in text.\n\n```\n<!-- cite: median-pay -->\n```\n"
    assert _render(markdown) == markdown


def test_markdown_in_a_data_value_is_not_read_as_markdown():
    """Markers render after Markdown, so a link written in a label stays text."""
    config = SimpleNamespace(plugins={}, theme={"language": "en"}, config_file_path=str(REPO / "mkdocs.yml"))
    tokens = markers.on_page_markdown("See <!-- cite: median-pay -->.", page=_page(), config=config, files=None)
    assert "<!--" not in tokens and "BLS" not in tokens  # only a plain token goes through Markdown
    assert "(<a href" in markers.on_page_content(tokens, page=_page(), config=config, files=None)


@pytest.mark.parametrize(
    "language, expected",
    [("en", "(BLS, May 2017)"), ("ko", "(노동통계국, 2017년 5월)"), ("nl", "(BLS, mei 2017)")],
)
def test_citations_in_text_are_short_and_link_to_the_source(language, expected):
    html = renderers.cite(renderers.Context(data=DATA, language=language, sources_href="../sources/"), "median-pay")
    text = re.sub(r"<[^>]+>", "", html)
    assert text == expected
    assert 'href="../sources/#source-bls-oes-2017"' in html


def test_an_english_name_on_a_non_english_page_is_marked_english():
    html = renderers.sources(renderers.Context(data=DATA, language="fi", sources_href=""))
    assert '<span lang="en">Occupational Employment Statistics</span>' in html
    assert '<span lang="en">PayScale</span>' in html
    assert 'lang="en">미국' not in renderers.sources(renderers.Context(data=DATA, language="ko", sources_href=""))


@pytest.mark.parametrize(
    "language, one, many",
    [("en", "Source: ", "Sources: "), ("nl", "Bron: ", "Bronnen: "), ("fi", "Lähde: ", "Lähteet: "), ("nb", "Kilde: ", "Kilder: ")],
)
def test_a_source_line_says_sources_when_there_are_several(language, one, many):
    ctx = renderers.Context(data=DATA, language=language, sources_href="")
    assert re.sub(r"<[^>]+>", "", renderers.pay_by_industry(ctx)).count(one) == 1
    assert many in re.sub(r"<[^>]+>", "", renderers.quick_facts(ctx))


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
        assert html.count("<caption>") == html.count("<table") >= 1, name
        assert '<th scope="col">' in html and '<th scope="row">' in html, name
        if name != "sources":
            assert html.count('class="guide-source"') == html.count("<table"), name
            assert 'href="../sources/#source-' in html, name


@pytest.mark.parametrize(
    "page_url, language, expected",
    [("", "en", "sources/"), ("salary/", "en", "../sources/"), ("ko/", "ko", "sources/"),
     ("ko/salary/", "ko", "../sources/"), ("ko/sources/", "ko", "")],
)
def test_sources_link_is_relative_to_the_page(page_url, language, expected):
    config = SimpleNamespace(plugins={}, theme={})
    assert markers.sources_href(page_url, language, config) == expected
