"""Every bad input stops the build with one clear message naming the file and the field.

Each case spoils a copy of the real data file (as parsed YAML, or as raw bytes
where the fault is in the text itself) and checks the exact line the loader
reports: "<file>: <field>: <what is wrong>". tests/test_data_refused.py has the
data that parses but is wrong; tests/test_build_failures.py the failures while
pages render and the site folder a failed build keeps.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import REPO, build_project, copy_project
from guide_data import DataFileError, load_guide_data
from test_data_file import write

DATA_FILE = REPO / "data" / "figures.yml"
RAW = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
TEXT = DATA_FILE.read_bytes()


def set_at(path: str, value):
    """A spoiler setting one value, the path written as in the messages: "labels.measure.en"."""

    def spoil(data: dict) -> None:
        parts = path.replace("[", ".").replace("]", "").split(".")
        node = data
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        last = parts[-1]
        node[int(last) if isinstance(node, list) else last] = value

    return spoil


def spoiled(tmp_path: Path, spoil) -> Path:
    """A copy of the data file with one change (`spoil` edits the parsed data)."""
    data = copy.deepcopy(RAW)
    spoil(data)
    return write(tmp_path, data)


def errors_for(tmp_path: Path, spoil=None, text: bytes | None = None) -> tuple[Path, list[str]]:
    """The lines of the error the loader gives for a spoiled copy of the data file."""
    if text is None:
        path = spoiled(tmp_path, spoil)
    else:
        path = tmp_path / "figures.yml"
        path.write_bytes(text)
    with pytest.raises(DataFileError) as error:
        load_guide_data(path)
    return path, str(error.value).splitlines()


def assert_reported(tmp_path, expected: str, spoil=None, text: bytes | None = None) -> None:
    path, lines = errors_for(tmp_path, spoil, text)
    assert f"{path}: {expected}" in lines, "\n".join(lines)
    assert "Traceback" not in "\n".join(lines)


# -- Amounts, percents and counts out of range --------------------------------

OUT_OF_RANGE = [
    ("median_pay.annual", "1e30", "median_pay.annual: Input should be less than 10000000"),  # review: InvalidOperation in Babel
    ("median_pay.annual", 1.0e30, "median_pay.annual: Input should be less than 10000000"),
    ("median_pay.annual", 10_000_000, "median_pay.annual: Input should be less than 10000000"),
    ("median_pay.hourly", "15.811", "median_pay.hourly: Decimal input should have no more than 2 decimal places"),
    ("median_pay.hourly", float("nan"), "median_pay.hourly: Input should be a finite number"),
    ("median_pay.hourly", float("inf"), "median_pay.hourly: Input should be a finite number"),
    ("pay_by_experience[1].bands[0].amount", 0, "pay_by_experience[1].bands[0].amount: Input should be greater than 0"),
    ("employment.jobs", 10**12, "employment.jobs: Input should be less than 1000000000"),
    ("projections[0].jobs", -(10**9), "projections[0].jobs: Input should be greater than -1000000000"),
    ("projections[0].percent", 10**6, "projections[0].percent: Input should be less than or equal to 1000"),
    ("facts[0].percent", 100.5, "facts[0].percent: Input should be less than or equal to 100"),
    ("facts[2].ratio.denominator", 5000, "facts[2].ratio.denominator: Input should be less than or equal to 1000"),
    ("training.weeks_max", 10**6, "training.weeks_max: Input should be less than or equal to 520"),
]


@pytest.mark.parametrize("field, value, expected", OUT_OF_RANGE, ids=[f"{c[0]}={c[1]!r}" for c in OUT_OF_RANGE])
def test_a_value_out_of_range_is_refused(tmp_path, field, value, expected):
    assert_reported(tmp_path, expected, set_at(field, value))


# -- Impossible periods ----------------------------------------------------------

IMPOSSIBLE_PERIODS = [
    ("0000", "employment.period: year 0000 in '0000' is outside 1900-2100"),  # review
    ("2016-13", "employment.period: month 13 in '2016-13' is not a month (01-12)"),
    ("2016-00", "employment.period: month 00 in '2016-00' is not a month (01-12)"),
    ("1899", "employment.period: year 1899 in '1899' is outside 1900-2100"),
    ("2101-01", "employment.period: year 2101 in '2101-01' is outside 1900-2100"),
    ("16", "employment.period: '16' is not a period: write a month (2017-05), a year (2016), a span (2016/2026) or undated"),
    ("2016-5", "employment.period: '2016-5' is not a period: write a month (2017-05), a year (2016), a span (2016/2026) or undated"),
]


@pytest.mark.parametrize("period, expected", IMPOSSIBLE_PERIODS, ids=[c[0] for c in IMPOSSIBLE_PERIODS])
def test_an_impossible_period_is_refused(tmp_path, period, expected):
    assert_reported(tmp_path, expected, set_at("employment.period", period))


def test_an_impossible_source_period_is_refused(tmp_path):
    assert_reported(tmp_path, "sources[0].period: year 0000 in '0000' is outside 1900-2100", set_at("sources[0].period", "0000"))


# -- Wrongly typed values ---------------------------------------------------------

WRONG_TYPES = [
    ("sources[0].id", ["bls", "oes"], "sources[0].id: Input should be a valid string"),  # review: an id as a list
    ("publishers[0].id", {"id": "bls"}, "publishers[0].id: Input should be a valid string"),
    ("pay_by_experience[1].bands[0].id", 5, "pay_by_experience[1].bands[0].id: Input should be a valid string"),
    ("median_pay", [32890], "median_pay: Input should be a valid dictionary or instance of MedianPay"),
    ("languages", [["en"], "nl", "fi", "ko", "nb"], "languages[0]: Input should be a valid string"),  # review
    ("languages", "en", "languages: Input should be a valid list"),
    ("languages", [["en", "nl"], ["fi"]], "languages[1]: Input should be a valid string"),
    ("labels.measure", ["Measure"], "labels.measure: Input should be a valid dictionary"),
    ("pay_by_industry[0].label.en", ["Wholesale"], "pay_by_industry[0].label.en: Input should be a valid string"),
    ("employment.period", 2016, "employment.period: Input should be a valid string"),
]


@pytest.mark.parametrize("field, value, expected", WRONG_TYPES, ids=[c[0] + "-" + type(c[1]).__name__ for c in WRONG_TYPES])
def test_a_wrongly_typed_value_is_refused(tmp_path, field, value, expected):
    assert_reported(tmp_path, expected, set_at(field, value))


def test_an_id_as_a_list_is_reported_once_not_as_every_unknown_reference(tmp_path):
    path, lines = errors_for(tmp_path, set_at("sources[0].id", ["bls-oes-2017"]))
    assert lines == [f"{path}: sources[0].id: Input should be a valid string"]


def test_languages_holding_lists_is_reported_once_not_for_every_label(tmp_path):
    path, lines = errors_for(tmp_path, set_at("languages", [["en", "nl", "fi", "ko", "nb"]]))
    assert lines == [f"{path}: languages[0]: Input should be a valid string"]


# -- Text that is not UTF-8, or not a data file ------------------------------------

LINE_OF_WHOLESALE = TEXT[: TEXT.index(b"Wholesale trade")].count(b"\n") + 1
OFFSET_OF_WHOLESALE = TEXT.index(b"Wholesale trade")
LINE_AFTER_CURRENCY = TEXT[: TEXT.index(b"currency: USD")].count(b"\n") + 2

BAD_TEXTS = [
    (  # review: invalid UTF-8
        TEXT.replace(b"Wholesale trade", b"\xffWholesale trade"),
        f"line {LINE_OF_WHOLESALE}: not valid UTF-8 (byte 0xff at offset {OFFSET_OF_WHOLESALE}); save the file as UTF-8",
    ),
    (
        TEXT.replace(b"Wholesale trade", "Wholesäle trade".encode("latin-1")),
        f"line {LINE_OF_WHOLESALE}: not valid UTF-8 (byte 0xe4 at offset {OFFSET_OF_WHOLESALE + 6}); save the file as UTF-8",
    ),
    (  # a character cut short
        TEXT.replace(b"Wholesale trade", b"\xe2\x82Wholesale trade"),
        f"line {LINE_OF_WHOLESALE}: not valid UTF-8 (byte 0xe2 at offset {OFFSET_OF_WHOLESALE}); save the file as UTF-8",
    ),
    (b"- a list\n- not sections\n", "(top level): expected a mapping of sections"),
    (b"", "(top level): expected a mapping of sections"),
    (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "not valid YAML: nested too deeply"),
    (b"#" * 1_000_001, "the data file has 1000001 bytes; at most 1000000 are read"),
    (
        TEXT.replace(b"currency: USD", b"currency: &usd USD\nsecond_currency: *usd"),
        f"line {LINE_AFTER_CURRENCY}, column 18: the alias *usd is not allowed: write the value out",
    ),
]


@pytest.mark.parametrize("text, expected", BAD_TEXTS, ids=["invalid-utf8", "latin-1", "cut-short", "list", "empty", "deep", "huge", "alias"])
def test_a_file_that_is_not_a_utf8_data_file_is_refused(tmp_path, text, expected):
    assert_reported(tmp_path, expected, text=text)


def test_a_yaml_syntax_error_names_the_file_and_the_line(tmp_path):
    path, lines = errors_for(tmp_path, text=b"median_pay: [unclosed\n")
    assert lines[0] == f"{path}: not valid YAML: while parsing a flow sequence"
    assert 'line 1, column 13' in "\n".join(lines)


# -- Label templates ----------------------------------------------------------------

LABEL_TEMPLATES = [
    ("labels.permalink.en", "Link {0}", "labels.permalink.en: unknown placeholder {0} (this label takes: {heading})"),  # review
    ("labels.source_line.fi", "Lähde: {sources} {year}", "labels.source_line.fi: unknown placeholder {year} (this label takes: {sources})"),  # review
    ("labels.measure.nb", "Mål {period}", "labels.measure.nb: unknown placeholder {period} (this label takes: none)"),
    ("labels.caption_experience.ko", "{publisher} {}", "labels.caption_experience.ko: unknown placeholder {} (this label takes: {publisher}, {source})"),
    ("labels.permalink.fi", "Linkki: {heading!r}", "labels.permalink.fi: unknown placeholder {heading!r} (this label takes: {heading})"),
    ("labels.source_line.nl", "Bron.", "labels.source_line.nl: placeholder {sources} is missing (this label needs: {sources})"),
    ("labels.quick_median_pay_value.en", "{annual} per year", "labels.quick_median_pay_value.en: placeholder {hourly} is missing (this label needs: {annual}, {hourly})"),
    ("labels.notice_us_figures.nb", "Tall fra {years}.", "labels.notice_us_figures.nb: placeholder {handbook} is missing (this label needs: {years}, {handbook})"),
    ("labels.measure.en", "Measure }", "labels.measure.en: stray '}' in 'Measure }': a placeholder is a name in braces (this label takes: none)"),
    ("labels.percentile_row.en", "{n}th {percentile", "labels.percentile_row.en: stray '{' in '{n}th {percentile': a placeholder is a name in braces (this label takes: {n})"),
]


@pytest.mark.parametrize("field, text, expected", LABEL_TEMPLATES, ids=[c[1] for c in LABEL_TEMPLATES])
def test_a_label_uses_only_and_all_of_its_placeholders(tmp_path, field, text, expected):
    assert_reported(tmp_path, expected, set_at(field, text))


def test_optional_placeholders_may_be_left_out(tmp_path):
    def spoil(data):
        data["labels"]["quick_outlook_value"]["en"] = "{percent}"
        data["labels"]["caption_experience"]["en"] = "Annual pay by experience ({source})"

    assert load_guide_data(spoiled(tmp_path, spoil)).labels["quick_outlook_value"]["en"] == "{percent}"


def _label_calls() -> list[tuple[str, str, set[str]]]:
    """Every `.label("key", name=...)` call in the hooks: file, key and the names it fills."""
    import ast

    found = []
    for path in sorted((REPO / "hooks").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "label"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.keywords
            ):
                found.append((path.name, node.args[0].value, {keyword.arg for keyword in node.keywords}))
    return found


def test_the_placeholder_table_allows_every_name_the_hooks_fill():
    from guide_data import LABEL_PLACEHOLDERS
    from sharing_data import PLACEHOLDERS as SHARING_PLACEHOLDERS

    calls = _label_calls()
    assert calls, "no label calls found"
    for file, key, names in calls:
        # The link page's own texts live in data/sharing.yml, checked by hooks/sharing_data.py.
        allowed = set(SHARING_PLACEHOLDERS[key]) if key in SHARING_PLACEHOLDERS else set(LABEL_PLACEHOLDERS.get(key, ((), ()))[0])
        assert names <= allowed, f"{file}: label {key!r} is filled with {names - allowed}, which guide_data.LABEL_PLACEHOLDERS does not allow"


# -- Oversized values ---------------------------------------------------------------

OVERSIZED = [
    ("labels.measure.nb", "x" * 10_000, "labels.measure.nb: 10000 characters; a value has at most 300"),  # review
    ("sources[0].supplies.en", "x" * 301, "sources[0].supplies.en: 301 characters; a value has at most 300"),
    ("publishers[1].name", "x" * 201, "publishers[1].name: String should have at most 200 characters"),
    ("publishers[0].short.en", "x" * 201, "publishers[0].short.en: String should have at most 200 characters"),
    ("occupation.codes[0].name", "x" * 201, "occupation.codes[0].name: String should have at most 200 characters"),
]


@pytest.mark.parametrize("field, value, expected", OVERSIZED, ids=[c[0] for c in OVERSIZED])
def test_an_oversized_value_is_refused(tmp_path, field, value, expected):
    assert_reported(tmp_path, expected, set_at(field, value))


def test_a_huge_chart_label_is_reported_once(tmp_path):
    path, lines = errors_for(tmp_path, set_at("pay_by_industry[0].label.en", "x" * 10_000))
    assert lines == [f"{path}: pay_by_industry[0].label.en: 10000 characters; a value has at most 300"]


def test_an_oversized_key_is_refused(tmp_path):
    def spoil(data):
        data["labels"]["x" * 301] = dict(data["labels"]["measure"])

    assert_reported(tmp_path, "labels: a key of 301 characters; a key has at most 300", spoil)


# -- The build ----------------------------------------------------------------------------


def _build_with(tmp_path, caplog, data: dict) -> str:
    project = copy_project(tmp_path / "project")
    (project / "data" / "figures.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_project(project, tmp_path / "site")
    return caplog.text


def test_an_amount_out_of_range_stops_the_build_with_a_message_not_a_traceback(tmp_path, caplog):
    data = copy.deepcopy(RAW)
    data["median_pay"]["annual"] = "1e30"
    log = _build_with(tmp_path, caplog, data)
    assert "figures.yml: median_pay.annual: Input should be less than 10000000" in log
    assert "Traceback" not in log and "InvalidOperation" not in log
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_bad_label_template_stops_the_build_with_a_message_not_a_traceback(tmp_path, caplog):
    data = copy.deepcopy(RAW)
    data["labels"]["permalink"]["nb"] = "Lenke {0}"
    log = _build_with(tmp_path, caplog, data)
    assert "figures.yml: labels.permalink.nb: unknown placeholder {0} (this label takes: {heading})" in log
    assert "Traceback" not in log and "IndexError" not in log
