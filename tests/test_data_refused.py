"""Data that parses but is wrong is refused, not published.

A key written twice, an id used twice at any level, a span written backwards, an
entry dated outside its source's period, control or bidirectional characters and
labels too long to draw each stop the build with a message naming the file and
the field. Text in the published CSV cannot start a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import logging

import pytest
from mkdocs.exceptions import Abort

import open_data
from conftest import build_project, copy_project
from guide_data import load_guide_data
from test_bad_input import DATA_FILE, TEXT, assert_reported, errors_for, set_at, spoiled


def line_of(needle: bytes, text: bytes = TEXT) -> int:
    return text[: text.index(needle)].count(b"\n") + 1


# -- Keys written twice -----------------------------------------------------------------

MEDIAN_LINE = line_of(b"\nmedian_pay:") + 1
ANNUAL_LINE = line_of(b"  annual: 32890")
HOURLY_LABEL_LINE = line_of(b"{en: Hourly, nl: Per uur")

VALUES_LINE = line_of(b"values: {10: 10.27")
END_LINE = TEXT.count(b"\n") + 2
SILENT = "the last value would silently win"

DUPLICATE_KEYS = [
    (  # review: the last value won silently, $99,999 published as the median
        TEXT + b'\nmedian_pay:\n  source: bls-oes-2017\n  period: "2017-05"\n  annual: 99999\n  hourly: 15.81\n',
        f"line {END_LINE}, column 1: duplicate key 'median_pay' (first on line {MEDIAN_LINE}): {SILENT}",
    ),
    (
        TEXT.replace(b"  annual: 32890\n", b"  annual: 32890\n  annual: 99999\n"),
        f"line {ANNUAL_LINE + 1}, column 3: duplicate key 'annual' (first on line {ANNUAL_LINE}): {SILENT}",
    ),
    (
        TEXT.replace(b"values: {10: 10.27, 90: 26.12}", b"values: {10: 10.27, 90: 26.12, 10: 11.00}"),
        f"line {VALUES_LINE}, column 36: duplicate key 10 (first on line {VALUES_LINE}): {SILENT}",
    ),
    (
        TEXT.replace(b"{en: Hourly, nl: Per uur,", b"{en: Hourly, en: Per uur,"),
        f"line {HOURLY_LABEL_LINE}, column 18: duplicate key 'en' (first on line {HOURLY_LABEL_LINE}): {SILENT}",
    ),
]


@pytest.mark.parametrize("text, expected", DUPLICATE_KEYS, ids=["median_pay", "annual", "percentile-10", "label-en"])
def test_a_key_written_twice_is_refused(tmp_path, text, expected):
    assert_reported(tmp_path, expected, text=text)


def test_a_label_key_written_twice_names_both_lines(tmp_path):
    text = TEXT.replace(b"  undated:\n", b"  not_stated: {en: a, nl: a, fi: a, ko: a, nb: a}\n  undated:\n", 1)
    first = line_of(b"  not_stated:", text)
    second = line_of(b"\n  not_stated:", text[text.index(b"  not_stated:") :]) + first
    assert_reported(tmp_path, f"line {second}, column 3: duplicate key 'not_stated' (first on line {first}): {SILENT}", text=text)


# -- Ids used twice, at any level --------------------------------------------------------


def _duplicate(section: str, index: int, of: int):
    def spoil(data):
        data[section][index]["id"] = data[section][of]["id"]

    return spoil


def _duplicate_band(data):  # review: two years-0-5 bands, both published
    data["pay_by_experience"][1]["bands"][1]["id"] = "years-0-5"


DUPLICATE_IDS = [
    (_duplicate_band, "pay_by_experience[1].bands[1].id: duplicate id 'years-0-5' (first in pay_by_experience[1].bands[0])"),
    (_duplicate("publishers", 3, 0), "publishers[3].id: duplicate id 'bls' (first in publishers[0])"),
    (_duplicate("sources", 2, 1), "sources[2].id: duplicate id 'bls-oes-2016' (first in sources[1])"),
    (_duplicate("pay_by_industry", 2, 0), "pay_by_industry[2].id: duplicate id 'wholesale-trade' (first in pay_by_industry[0])"),
    (_duplicate("projections", 1, 0), "projections[1].id: duplicate id 'overall' (first in projections[0])"),
    (_duplicate("facts", 2, 0), "facts[2].id: duplicate id 'customer-expectations' (first in facts[0])"),
    (_duplicate("pay_by_experience", 1, 0), "pay_by_experience[1].id: duplicate id 'payscale-summary' (first in pay_by_experience[0])"),
    (
        set_at("occupation.codes[1]", {"code_set": "O*NET-SOC", "code": "43-4051.01", "name": "Call centre agents"}),
        "occupation.codes[1].code_set: duplicate code set 'O*NET-SOC'",
    ),
    (set_at("languages", ["en", "nl", "fi", "ko", "nb", "nb"]), "languages[5]: duplicate language 'nb'"),
    (set_at("pay_by_experience[1].bands[1].id", "gap"), "pay_by_experience[1].bands[1].id: 'gap' is reserved for the breakdown's gap_percent"),
]


@pytest.mark.parametrize("spoil, expected", DUPLICATE_IDS, ids=[c[1].split(":")[0] for c in DUPLICATE_IDS])
def test_an_id_used_twice_is_refused(tmp_path, spoil, expected):
    assert_reported(tmp_path, expected, spoil)


# -- Spans written backwards or empty -----------------------------------------------------

SPANS = [
    ("projections[0].period", "2026/2016", "projections[0].period: span '2026/2016' runs backwards: write the earlier year first (2016/2026)"),  # review
    ("projections[0].period", "2016/2016", "projections[0].period: span '2016/2016' is empty: write a single year as '2016'"),
    ("sources[3].period", "2026/2016", "sources[3].period: span '2026/2016' runs backwards: write the earlier year first (2016/2026)"),
    ("sources[3].period", "2016/1850", "sources[3].period: year 1850 in '2016/1850' is outside 1900-2100"),
    ("projections[1].period", "2017/2016", "projections[1].period: span '2017/2016' runs backwards: write the earlier year first (2016/2017)"),
]


@pytest.mark.parametrize("field, period, expected", SPANS, ids=[f"{c[0]}={c[1]}" for c in SPANS])
def test_a_span_written_backwards_or_empty_is_refused(tmp_path, field, period, expected):
    assert_reported(tmp_path, expected, set_at(field, period))


# -- An entry's period within its source's ---------------------------------------------------

OUTSIDE = [
    ("employment.period", "1999-01", "employment.period: '1999-01' does not fit the period of source 'bls-ep-2016-26' (2016/2026)"),  # review
    ("median_pay.period", "2016-05", "median_pay.period: '2016-05' does not fit the period of source 'bls-oes-2017' (2017-05)"),
    ("pay_percentiles[1].period", "2017", "pay_percentiles[1].period: '2017' does not fit the period of source 'bls-oes-2016' (2016)"),
    ("projections[0].period", "2016/2027", "projections[0].period: '2016/2027' does not fit the period of source 'bls-ep-2016-26' (2016/2026)"),
    ("average_pay[1].period", "2008/2010", "average_pay[1].period: '2008/2010' does not fit the period of source 'bls-oes-2008' (2008)"),
    ("handbook_median_pay.period", "2027-01", "handbook_median_pay.period: '2027-01' does not fit the period of source 'bls-ooh' (2016/2026)"),
]


@pytest.mark.parametrize("field, period, expected", OUTSIDE, ids=[f"{c[0]}={c[1]}" for c in OUTSIDE])
def test_an_entry_dated_outside_its_source_is_refused(tmp_path, field, period, expected):
    assert_reported(tmp_path, expected, set_at(field, period))


@pytest.mark.parametrize(
    "field, period",
    [
        ("employment.period", "2016-05"),  # a month of a span
        ("employment.period", "2026"),  # a span's last year
        ("employment.period", "undated"),  # an undated entry fits any source
        ("pay_percentiles[1].period", "2016-12"),  # a month of a year
        ("bonuses[0].period", "1999-01"),  # a dated entry of an undated source
        ("projections[1].period", "2020/2026"),  # a shorter span
    ],
)
def test_an_entry_within_its_source_is_accepted(tmp_path, field, period):
    load_guide_data(spoiled(tmp_path, set_at(field, period)))


# -- Control and bidirectional characters ---------------------------------------------------

CHARACTERS = [
    ("pay_by_industry[0].label.en", "Whole\u202esale", "contains U+202E RIGHT-TO-LEFT OVERRIDE at character 6, which is not allowed"),  # review
    ("labels.measure.ko", "\u202bMeasure", "contains U+202B RIGHT-TO-LEFT EMBEDDING at character 1, which is not allowed"),
    ("sources[0].supplies.fi", "Palkka\u2066 x", "contains U+2066 LEFT-TO-RIGHT ISOLATE at character 7, which is not allowed"),
    ("sources[0].supplies.nb", "Lønn\u2069", "contains U+2069 POP DIRECTIONAL ISOLATE at character 5, which is not allowed"),
    ("publishers[1].name", "Pay\x00Scale", "contains U+0000 control character at character 4, which is not allowed"),
    ("occupation.description.en", "Answers\tquestions", "contains U+0009 control character at character 8, which is not allowed"),
    ("occupation.description.nl", "Beantwoordt\nvragen", "contains U+000A control character at character 12, which is not allowed"),
    ("labels.value.fi", "Arvo\x9b", "contains U+009B control character at character 5, which is not allowed"),
    ("labels.value.nb", "Verdi\x1b[31m", "contains U+001B control character at character 6, which is not allowed"),
    ("labels.value.nl", "Waarde\u2028", "contains U+2028 LINE SEPARATOR at character 7, which is not allowed"),
]


@pytest.mark.parametrize("field, text, expected", CHARACTERS, ids=[f"U+{ord(next(c for c in x[1] if not c.isalnum() and c != ' ')):04X}" for x in CHARACTERS])
def test_control_and_bidirectional_characters_are_refused(tmp_path, field, text, expected):
    assert_reported(tmp_path, f"{field}: {expected}", set_at(field, text))


def test_an_escaped_next_line_character_is_refused(tmp_path):
    text = TEXT.replace(b"{en: Value, nl: Waarde,", b'{en: "Value\\N", nl: Waarde,')
    assert_reported(tmp_path, "labels.value.en: contains U+0085 control character at character 6, which is not allowed", text=text)


def test_a_key_with_a_bidirectional_character_is_refused_and_shown_escaped(tmp_path):
    def spoil(data):
        data["labels"]["undat\u202eed"] = dict(data["labels"]["undated"])

    path, lines = errors_for(tmp_path, spoil)
    assert f"{path}: labels: key 'undat\\u202eed' contains U+202E RIGHT-TO-LEFT OVERRIDE, which is not allowed" in lines
    assert not any("\u202e" in line for line in lines), "the message itself carries the override"


def test_direction_marks_are_allowed(tmp_path):
    def spoil(data):
        data["labels"]["measure"]["ko"] = "항목\u200e"
        data["labels"]["value"]["ko"] = "\u200f내용"

    assert load_guide_data(spoiled(tmp_path, spoil)).labels["measure"]["ko"] == "항목\u200e"


# -- Labels too long to show ------------------------------------------------------------------

TOO_LONG = [
    ("pay_by_industry[0].label.en", "x" * 10_000, "pay_by_industry[0].label.en: 10000 characters; a value has at most 300"),  # review
    ("pay_by_industry[0].label.en", "x" * 61, "pay_by_industry[0].label.en: String should have at most 60 characters"),
    ("pay_by_experience[1].bands[0].label.fi", "x" * 61, "pay_by_experience[1].bands[0].label.fi: String should have at most 60 characters"),
    ("labels.median_row.ko", "x" * 61, "labels.median_row.ko: 61 characters; a chart label has at most 60"),
    ("labels.percentile_row.nb", "{n}" + "x" * 60, "labels.percentile_row.nb: 63 characters; a chart label has at most 60"),
    ("labels.caption_industry.en", "{period}" + "x" * 293, "labels.caption_industry.en: 301 characters; a value has at most 300"),
]


@pytest.mark.parametrize("field, text, expected", TOO_LONG, ids=[f"{c[0]}-{len(c[1])}" for c in TOO_LONG])
def test_a_label_too_long_to_show_is_refused(tmp_path, field, text, expected):
    assert_reported(tmp_path, expected, set_at(field, text))


def test_a_chart_label_at_the_limit_is_accepted(tmp_path):
    load_guide_data(spoiled(tmp_path, set_at("pay_by_industry[0].label.en", "x" * 60)))


# -- Spreadsheet formulas in the CSV --------------------------------------------------------------


@pytest.mark.parametrize(
    "name, cell",
    [
        ('=HYPERLINK("http://example.com","BLS")', '\'=HYPERLINK("http://example.com","BLS")'),  # review
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("U.S. Bureau of Labor Statistics", "U.S. Bureau of Labor Statistics"),
        ("Bureau = BLS", "Bureau = BLS"),
    ],
)
def test_csv_text_cannot_start_a_formula(tmp_path, name, cell):
    path = spoiled(tmp_path, set_at("publishers[0].name", name))
    rows = list(csv.DictReader(io.StringIO(open_data.to_csv(load_guide_data(path)))))
    published = {row["source_publisher"] for row in rows if row["source_id"] == "bls-oes-2017"}
    assert published == {cell}
    assert all(not row["figure_id"].startswith(open_data.FORMULA_START) for row in rows)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(text):
    assert open_data._text_cell(text) == "'" + text


def test_numbers_are_written_as_numbers():
    data = load_guide_data(DATA_FILE)
    rows = list(csv.DictReader(io.StringIO(open_data.to_csv(data))))
    assert all(not row["value"].startswith("'") for row in rows)


# -- The build ----------------------------------------------------------------------------------------


def test_a_key_written_twice_stops_the_build_with_a_message_not_a_traceback(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    text = TEXT.replace(b"  annual: 32890\n", b"  annual: 32890\n  annual: 99999\n")
    (project / "data" / "figures.yml").write_bytes(text)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_project(project, tmp_path / "site")
    assert f"figures.yml: line {ANNUAL_LINE + 1}, column 3: duplicate key 'annual' (first on line {ANNUAL_LINE})" in caplog.text
    assert "Traceback" not in caplog.text
    assert not list((tmp_path / "site").rglob("*.html"))
