"""The data file is published with the site (JSON, JSON Schema, CSV) and linked in every language."""

from __future__ import annotations

import csv
import json
import posixpath
import re
from decimal import Decimal

import pytest

import formatting
from conftest import REPO, load_contract
from guide_data import DATA_FILE, PERIOD_PATTERN, GuideData, load_guide_data
from html_pages import main_text, read_page

CONTRACT = load_contract()
DATA = load_guide_data(REPO / DATA_FILE)
JSON_FILE, CSV_FILE, SCHEMA_FILE = "data/figures.json", "data/figures.csv", "data/figures.schema.json"
CSV_COLUMNS = ["figure_id", "value", "value_max", "unit", "source_id", "source_publisher", "period"]
UNITS = {"USD per year", "USD per hour", "percent", "ratio (value in value_max)", "count", "weeks", "years"}
FIGURE_MARKER = re.compile(r"<!--\s*figure:\s*([^\s|]+)\s*(?:\|[^>]*)?-->")
TABLE_MARKER = re.compile(r"<!--\s*(?:table|chart):\s*([\w-]+)[^>]*-->")
# The table that shows a figure, by the first part of its id, for pages without its marker.
TABLE_FOR = {
    "percentile": "pay-percentiles",
    "average-pay": "average-pay",
    "industry": "pay-by-industry",
    "experience": "pay-by-experience",
    "projection": "projections",
}
# Kinds of figure that must be shown, and checked, in every language.
MUST_SHOW = ("median-pay", "percentile", "industry", "experience", "bonus", "employment", "projection")


def csv_rows(site) -> list[dict[str, str]]:
    with open(site.root / CSV_FILE, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_files_are_published_once_at_the_site_root(site):
    for path in (JSON_FILE, CSV_FILE, SCHEMA_FILE):
        assert (site.root / path).is_file(), path
    elsewhere = [str(p.relative_to(site.root)) for p in site.root.rglob("figures*") if p.parent != site.root / "data"]
    assert elsewhere == []


def test_json_reloads_as_the_validated_data_file(site):
    assert load_guide_data(site.root / JSON_FILE) == DATA


def _schema_type(schema: dict, node: dict) -> str | None:
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return _schema_type(schema, schema["$defs"][name])
    return node.get("type")


JSON_TYPES = {dict: "object", list: "array", str: "string", int: "integer", float: "number"}


def test_json_names_its_schema_and_matches_it_at_the_top_level(site):
    schema = json.loads((site.root / SCHEMA_FILE).read_text(encoding="utf-8"))
    document = json.loads((site.root / JSON_FILE).read_text(encoding="utf-8"))

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/" + SCHEMA_FILE)
    assert document["$schema"] == schema["$id"]
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(GuideData.model_fields) | {"$schema"}
    refs = set(re.findall(r'"#/\$defs/([^"]+)"', json.dumps(schema)))
    assert refs <= set(schema["$defs"]), f"unresolved references {refs - set(schema['$defs'])}"

    assert set(schema["required"]) <= set(document) <= set(schema["properties"])
    for key, value in document.items():
        assert _schema_type(schema, schema["properties"][key]) == JSON_TYPES[type(value)], key


def test_csv_has_one_row_per_figure_with_unit_source_and_period(site):
    rows = csv_rows(site)
    with open(site.root / CSV_FILE, newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == CSV_COLUMNS
    ids = [row["figure_id"] for row in rows]
    assert len(ids) == len(set(ids)), "a figure is listed twice"
    used = {match for page in (REPO / "docs").rglob("*.md") for match in FIGURE_MARKER.findall(page.read_text("utf-8"))}
    assert used <= set(ids), f"figures the pages use but the CSV lacks: {used - set(ids)}"

    sources = {source.id: source for source in DATA.sources}
    for row in rows:
        Decimal(row["value"])
        assert row["unit"] in UNITS, row
        assert row["source_id"] in sources, row
        publisher = DATA.publisher(sources[row["source_id"]].publisher).name
        assert row["source_publisher"] == (publisher if isinstance(publisher, str) else publisher["en"]), row
        assert re.fullmatch(PERIOD_PATTERN, row["period"]), row
        assert row["value_max"] == "" or row["unit"] in ("weeks", "ratio (value in value_max)"), row


def shown(row: dict[str, str], language: str) -> list[str]:
    """The ways the pages of `language` write the CSV value: in running text and in tables."""
    value, unit = Decimal(row["value"]), row["unit"]
    if unit.endswith((" per year", " per hour")):
        return [formatting.money(value, unit.split()[0], language, style) for style in ("prose", "compact")]
    if unit == "percent":
        return [formatting.percent(value, language)]
    if unit.startswith("ratio"):
        return [formatting.ratio(int(value), int(row["value_max"]), language)]
    if row["value_max"]:
        return [formatting.count_range(int(value), int(row["value_max"]), language)]
    forms = [formatting.count(int(value), language), formatting.signed_count(int(value), language)]
    try:
        forms.append(formatting.words(int(value), language))  # `| words`: "six", "kuusi"
    except formatting.UnknownForm:
        pass
    return forms


def on_page(text: str, page_text: str) -> bool:
    """`text` stands in `page_text` as a whole number, not as part of a longer one."""
    return re.search(rf"(?<![\d.,\u00a0\u202f]){re.escape(text)}(?![\d]|[.,\u00a0\u202f]\d)", page_text) is not None


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_published_values_are_the_ones_the_pages_show(site, code):
    markdown = {page: page.read_text("utf-8") for page in sorted((REPO / "docs" / code).glob("*.md"))}
    texts = {
        page: main_text(site.page(CONTRACT.prefix(code), "" if page.stem == "index" else f"{page.stem}/"))
        for page in markdown
    }
    checked, problems = set(), []
    for row in csv_rows(site):
        figure_id, kind = row["figure_id"], row["figure_id"].split(".")[0]
        pages = [page for page, text in markdown.items() if figure_id in FIGURE_MARKER.findall(text)]
        if not pages and kind in TABLE_FOR:
            pages = [page for page, text in markdown.items() if TABLE_FOR[kind] in TABLE_MARKER.findall(text)]
        if not pages:
            continue
        expected = shown(row, code)
        problems += [
            f"{page.name}: {figure_id} is not shown as any of {expected!r}"
            for page in pages
            if not any(on_page(form, texts[page]) for form in expected)
        ]
        checked.add(kind)
    assert problems == []
    assert set(MUST_SHOW) <= checked, f"not shown in {code}: {set(MUST_SHOW) - checked}"


def test_the_check_tells_a_figure_from_part_of_a_longer_number():
    assert on_page("5%", "grows 5% by")
    assert not on_page("5%", "grows 15% by")
    assert not on_page("$15.8", "earned $15.81 an hour")
    assert not on_page("32\u00a0890\u00a0$", "132\u00a0890\u00a0$")


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_sources_page_links_every_published_file(site, code):
    prefix = CONTRACT.prefix(code)
    page = site.page(prefix, "sources/")
    collected = read_page(page)
    assert "open-data" in collected.heading_ids
    here = f"/{prefix}sources/"
    targets = {posixpath.normpath(posixpath.join(here, href)) for href in collected.links}
    for path in (JSON_FILE, CSV_FILE, SCHEMA_FILE):
        assert f"/{path}" in targets, f"/{prefix}sources/ does not link {path}"
    text = main_text(page)
    for label in ("open_data_json", "open_data_csv", "open_data_schema"):
        assert DATA.label(label, code) in text, label
