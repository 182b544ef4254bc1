"""Nothing is dropped in translation: every page has the markers its English page has.

A figure, period, citation, table, chart, notice or download list that the English
page shows must be on the same page in every language, and no language may show
one that English does not (five citations once went missing from Finnish pages).
Forms (`| genitive`) may differ: they are grammar, not content.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, load_contract

CONTRACT = load_contract()
MARKER = re.compile(r"<!--\s*([A-Za-z][\w-]*)\s*:\s*([^|]*?)\s*(?:\|[^>]*?)?-->", re.S)
ENGLISH = REPO / "docs" / CONTRACT.root_code
PAGES = sorted(page.name for page in ENGLISH.glob("*.md"))
OTHERS = [code for code in CONTRACT.codes if code != CONTRACT.root_code]


def markers(page: Path) -> set[tuple[str, str]]:
    return {(kind.lower(), argument) for kind, argument in MARKER.findall(page.read_text(encoding="utf-8"))}


def test_the_scanner_reads_kinds_ids_and_ignores_forms(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("a <!-- figure: median-pay.annual | genitive --> b <!-- cite: median-pay -->\n<!-- table: sources -->")
    assert markers(page) == {("figure", "median-pay.annual"), ("cite", "median-pay"), ("table", "sources")}


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize("name", PAGES)
def test_every_language_shows_what_english_shows(code, name):
    page = REPO / "docs" / code / name
    assert page.is_file(), f"docs/{code}/{name} is missing"
    english, translated = markers(ENGLISH / name), markers(page)
    assert not english - translated, f"docs/{code}/{name} lacks {sorted(english - translated)}"
    assert not translated - english, f"docs/{code}/{name} has what English lacks: {sorted(translated - english)}"
