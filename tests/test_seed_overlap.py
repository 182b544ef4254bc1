"""Every sentence is our own: no run of ten words in the pages matches a source article.

The source articles (../shared/seeds/) are rough machine translations; the guide
takes facts from them, never wording. Words are compared in lower case, split on
anything that is not a letter, with markers removed. The test runs where the seeds
are beside the repository (as in this project's CI) and is skipped elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
RUN = 10
MARKER = re.compile(r"<!--.*?-->", re.S)
WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    return WORD.findall(MARKER.sub(" ", text).lower())


def runs(text: str) -> set[str]:
    found = words(text)
    return {" ".join(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


@pytest.fixture(scope="module")
def seed_runs() -> set[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not beside the repository")
    return set().union(*(runs(seed.read_text(encoding="utf-8")) for seed in sorted(SEEDS.glob("*.txt"))))


def test_the_comparison_ignores_case_punctuation_and_markers():
    seed = runs("Het is een feit dat veel bedrijven hun klantenservice hebben verbeterd, zegt men.")
    page = "HET is een feit: dat veel <!-- figure: x --> bedrijven hun klantenservice hebben verbeterd"
    assert runs(page) & seed
    assert not runs("Het is een feit dat veel bedrijven hun service hebben verbeterd") & seed


@pytest.mark.parametrize("page", sorted((REPO / "docs").rglob("*.md")), ids=lambda p: str(p.relative_to(REPO)))
def test_no_ten_word_run_matches_a_seed(page: Path, seed_runs):
    copied = sorted(runs(page.read_text(encoding="utf-8")) & seed_runs)
    assert copied == [], f"{page.relative_to(REPO)} repeats a source article: {copied[:3]}"
