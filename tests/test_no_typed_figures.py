"""No figure is typed into the Markdown: every number comes from a marker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

MARKER = re.compile(r"<!--.*?-->", re.S)
HEADING_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# Digits, plus spelled-out percentages ("five percent") that would dodge the digit check.
FIGURE = re.compile(r"\d|\b(percent|per cent|procent|prosent|prosenttia)\b", re.I)


def typed_figures(markdown: str) -> list[str]:
    """Lines that contain a figure outside markers, heading ids and link targets."""
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        visible = LINK_TARGET.sub("]()", HEADING_ID.sub("", MARKER.sub("", line)))
        if FIGURE.search(visible):
            found.append(f"{number}: {line.strip()}")
    return found


def test_the_scanner_catches_typed_figures():
    assert typed_figures("The median was $32,890 a year.")
    assert typed_figures("Growth of 5 % by <!-- period: projection.overall -->.")
    assert typed_figures("About fifteen percent more.")
    assert not typed_figures("## Empathy {#empathy}\nSee [pay](salary.md#pay-by-industry-2).")
    assert not typed_figures("It was <!-- figure: median-pay.annual --> in <!-- period: median-pay -->.")


@pytest.mark.parametrize("page", sorted((REPO / "docs").rglob("*.md")), ids=lambda p: str(p.relative_to(REPO)))
def test_no_figure_outside_markers(page: Path):
    assert typed_figures(page.read_text(encoding="utf-8")) == []
