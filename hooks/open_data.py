"""The data file as open data: JSON, its JSON Schema, and CSV with a row per figure.

The JSON is the validated data file as it is (hooks/guide_data.load_guide_data
reads it back); the schema is generated from the same pydantic model; the CSV
lists every figure under the id the `figure:` markers use. Output depends only on
the data, so every build of the same commit writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from guide_data import GuideData, text_in
from renderers import DATA_CSV, DATA_JSON, DATA_SCHEMA, all_figures

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
CSV_COLUMNS = ("figure_id", "value", "value_max", "unit", "source_id", "source_publisher", "period")
UNITS = {
    "annual": "{currency} per year",
    "hourly": "{currency} per hour",
    "percent": "percent",
    "ratio": "ratio (value in value_max)",
    "count": "count",
    "weeks": "weeks",
    "years": "years",
}


def files(data: GuideData, site_url: str) -> dict[str, str]:
    """Each published file's path below the site root, with its text."""
    schema_url = site_url.rstrip("/") + "/" + DATA_SCHEMA
    return {
        DATA_JSON: to_json(data, schema_url),
        DATA_SCHEMA: json_schema(schema_url),
        DATA_CSV: to_csv(data),
    }


def to_json(data: GuideData, schema_url: str) -> str:
    document = {"$schema": schema_url, **data.model_dump(exclude_none=True)}
    return _dumps(document)


def json_schema(schema_url: str) -> str:
    schema = GuideData.model_json_schema()
    schema["properties"] = {
        "$schema": {"type": "string", "format": "uri", "description": "The URL of this schema."},
        **schema["properties"],
    }
    document = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_url,
        **schema,
        "title": "Customer service representative career guide: figures",
        "description": (
            "Every figure the guide shows, with its source and reference period. Amounts are in "
            "`currency`; periods are a month (2017-05), a year (2016), a span (2016/2026) or 'undated'. "
            "Label maps hold a text for every code in `languages`."
        ),
    }
    return _dumps(document)


def to_csv(data: GuideData) -> str:
    """A row per figure; `value_max` is set only where the figure is a range.

    Text cells are neutralised against spreadsheet formulas (_text_cell); numbers are
    written as they are.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for figure in all_figures(data):
        source = data.source(figure.entry.source)
        publisher, _ = text_in(data.publisher(source.publisher).name, "en")
        writer.writerow(
            [
                _text_cell(figure.id),
                _number(figure.value),
                "" if figure.value_max is None else _number(figure.value_max),
                _text_cell(UNITS[figure.unit].format(currency=data.currency)),
                _text_cell(source.id),
                _text_cell(publisher),
                _text_cell(figure.entry.period),
            ]
        )
    return out.getvalue()


# A cell a spreadsheet would read as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _number(value: Decimal | int) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)  # URLs


def _dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_value) + "\n"
