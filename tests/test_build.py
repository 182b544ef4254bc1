"""The real site builds strictly and keeps every promise of the link contract."""

from __future__ import annotations

import pytest

from conftest import load_contract
from html_pages import read_page

CONTRACT = load_contract()
PAGES = list(CONTRACT.pages)


def test_strict_build_has_no_warnings(site):
    assert site.warnings == []


@pytest.mark.parametrize("code", CONTRACT.codes)
@pytest.mark.parametrize("path", PAGES)
def test_page_exists_with_its_language(site, code, path):
    page = site.page(CONTRACT.prefix(code), path)
    assert page.is_file(), f"missing {CONTRACT.prefix(code)}{path}"
    assert read_page(page).html_lang == code


@pytest.mark.parametrize("code", CONTRACT.codes)
@pytest.mark.parametrize("path", PAGES)
def test_promised_anchors_are_heading_ids(site, code, path):
    headings = read_page(site.page(CONTRACT.prefix(code), path)).heading_ids
    missing = [anchor for anchor in CONTRACT.pages[path] if anchor not in headings]
    assert not missing, f"/{CONTRACT.prefix(code)}{path}: no heading with id {missing}"


def test_every_language_has_the_same_pages(site):
    """No page exists in one language only (a reader switching would hit a 404)."""
    trees = {}
    for code in CONTRACT.codes:
        base = site.root / CONTRACT.prefix(code)
        others = {CONTRACT.prefix(c).rstrip("/") for c in CONTRACT.codes if CONTRACT.prefix(c)}
        trees[code] = sorted(
            str(p.relative_to(base))
            for p in base.rglob("index.html")
            # go/ holds the language-neutral links, at the root only.
            if p.relative_to(base).parts[0] not in others | {"search", "assets", "go"}
        )
    assert all(tree == trees["en"] for tree in trees.values()), trees
