"""In Chromium: promised URLs land on their section, a language switch keeps
the section, and search answers in the reader's language only."""

from __future__ import annotations

import re

import pytest

from conftest import load_contract

CONTRACT = load_contract()
pytestmark = pytest.mark.browser

# A Korean stem that the pages only use with a particle attached ("고용주가", "고용주는").
KOREAN_STEM = "고용주"


def contract_urls(code: str):
    for path, anchors in CONTRACT.pages.items():
        for anchor in anchors:
            yield CONTRACT.prefix(code) + path, anchor


def heading_in_view(page, anchor: str) -> bool:
    return page.locator(f"#{anchor}").evaluate(
        "e => { const r = e.getBoundingClientRect(); return /^H[1-6]$/.test(e.tagName) && r.top >= 0 && r.bottom <= innerHeight; }"
    )


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_every_contract_url_opens_on_its_section(page, base_url, code):
    checked = 0
    for path, anchor in contract_urls(code):
        page.goto(f"{base_url}{path}#{anchor}")
        assert heading_in_view(page, anchor), f"/{path}#{anchor}"
        checked += 1
    assert checked == sum(len(anchors) for anchors in CONTRACT.pages.values())


def switch_language(page, code: str) -> None:
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header .md-select a[hreflang="{code}"]').click()
    page.wait_for_load_state()


def test_switching_language_keeps_the_section(page, base_url):
    page.goto(f"{base_url}nl/skills/#empathy")
    switch_language(page, "ko")
    assert page.url == f"{base_url}ko/skills/#empathy"
    assert heading_in_view(page, "empathy")


def test_switch_keeps_the_section_after_a_table_of_contents_jump(page, base_url):
    page.set_viewport_size({"width": 1400, "height": 900})  # the table of contents shows beside the text
    page.goto(f"{base_url}fi/job-outlook/")
    page.locator('.md-sidebar--secondary a[href="#outsourcing"]').click()
    page.wait_for_url(re.compile(r"#outsourcing$"))
    switch_language(page, "nb")
    assert page.url == f"{base_url}nb/job-outlook/#outsourcing"
    assert heading_in_view(page, "outsourcing")


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_switch_keeps_every_section_of_a_page(page, base_url, code):
    """Every contract anchor of the skills page survives a switch into `code`."""
    source = CONTRACT.codes[(CONTRACT.codes.index(code) + 1) % len(CONTRACT.codes)]
    for anchor in CONTRACT.pages["skills/"]:
        page.goto(f"{base_url}{CONTRACT.prefix(source)}skills/#{anchor}")
        switch_language(page, code)
        assert page.url == f"{base_url}{CONTRACT.prefix(code)}skills/#{anchor}"


def test_switcher_works_without_javascript(browser, base_url):
    with browser.new_context(java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(f"{base_url}ko/salary/")
        switch_language(page, "fi")
        assert page.url == f"{base_url}fi/salary/"


def search(page, query: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)
    field.press("End")  # Material searches on key events; Hangul arrives without them
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    return [link.evaluate("a => a.href") for link in results.all()]


QUERIES = {"en": "BLS", "nl": "BLS", "fi": "BLS", "ko": "BLS", "nb": "BLS"}


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_search_returns_only_pages_of_the_reader_language(page, base_url, code):
    page.goto(f"{base_url}{CONTRACT.prefix(code)}skills/")
    hits = search(page, QUERIES[code])
    assert hits
    for hit in hits:
        assert CONTRACT.language_of(hit[len(base_url):]) == code, hit


def test_korean_search_finds_a_stem_that_carries_a_particle(page, base_url):
    page.goto(f"{base_url}ko/")
    hits = search(page, KOREAN_STEM)
    assert hits and all(hit.startswith(f"{base_url}ko/") for hit in hits)
