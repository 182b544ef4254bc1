"""Every page in every language loads cleanly in Chromium; the switcher keeps the page."""

from __future__ import annotations

import pytest

from conftest import load_contract

CONTRACT = load_contract()
PAGES = list(CONTRACT.pages)

pytestmark = pytest.mark.browser


def _problems(page):
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed request: {request.url}"))
    return problems


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_every_page_loads_without_console_errors(page, base_url, code):
    problems = _problems(page)
    for path in PAGES:
        response = page.goto(base_url + CONTRACT.prefix(code) + path, wait_until="networkidle")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("article h1").count() == 1, path
    assert problems == []


def switch_language(page, code: str) -> None:
    """Use the header's language selector like a reader: open it, pick the language."""
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header .md-select a[hreflang="{code}"]').click()
    page.wait_for_load_state()


@pytest.mark.parametrize("path", PAGES)
def test_switcher_leads_to_the_same_page_in_every_language(page, base_url, path):
    codes = CONTRACT.codes
    for source, target in zip(codes, codes[1:] + codes[:1]):
        page.goto(base_url + CONTRACT.prefix(source) + path)
        switch_language(page, target)
        assert page.url == base_url + CONTRACT.prefix(target) + path
        assert page.locator("html").get_attribute("lang") == target
