"""Search and the language switcher work with the keyboard alone, in every language.

A reader presses only Tab, Shift+Tab, Enter and Escape and types: Tab reaches the
search field, which opens the search; a query shows results; Escape closes it;
Shift+Tab reaches the language menu in the header, which opens while it holds
the focus; Enter follows a language link to the same page in that language.

Each language runs once in the light scheme at desktop width and once in the dark
scheme at 640 px (a 1280 px screen zoomed to 200 %, Material's mobile header). axe
checks the open search (with its dialog name) and the open language menu.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_checks import axe_violations
from conftest import load_contract

CONTRACT = load_contract()
PAGES = list(CONTRACT.pages)
SETTINGS = {
    "light-1280px": {"color_scheme": "light", "viewport": {"width": 1280, "height": 800}},
    "dark-640px": {"color_scheme": "dark", "viewport": {"width": 640, "height": 800}},
}
MAX_PRESSES = 40
FOCUSED = "el => el === document.activeElement"
MENU_OPEN = "() => getComputedStyle(document.querySelector('.md-header .md-select__inner')).opacity === '1'"
# axe measures colours as they are: let fades and colour transitions end first.
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"

pytestmark = pytest.mark.browser


def _journeys():
    """Each language to the next one, each from a different page."""
    codes = CONTRACT.codes
    for index, code in enumerate(codes):
        yield code, codes[(index + 1) % len(codes)], PAGES[index % len(PAGES)]


def press_until(page, key: str, selector: str) -> None:
    """Press `key` until the element matching `selector` has the focus."""
    target = page.locator(selector)
    for _ in range(MAX_PRESSES):
        page.keyboard.press(key)
        if target.count() and target.evaluate(FOCUSED):
            return
    raise AssertionError(f"{MAX_PRESSES} × {key} never reached {selector}")


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize(("code", "target", "path"), list(_journeys()))
def test_search_and_language_switch_by_keyboard(browser, base_url, code, target, path, setting):
    with browser.new_context(**SETTINGS[setting]) as context:
        page = context.new_page()
        page.goto(base_url + CONTRACT.prefix(code) + path, wait_until="load")
        where = f"/{CONTRACT.prefix(code)}{path} ({setting})"

        press_until(page, "Tab", ".md-search__input")
        search_open = page.locator("#__search")
        expect(search_open).to_be_checked()
        dialog = page.locator('.md-search[role="dialog"]')
        name = dialog.get_attribute("aria-label") or ""
        assert name.strip(), "the search dialog has no name"
        if code != CONTRACT.root_code:
            assert name != "Search", f"the search dialog is named in English on a {code} page"

        # A word of the page's own heading finds at least that page. Playwright
        # enters non-Latin letters as text without key events, the way an input
        # method commits them; Material searches on key-up, so the query ends
        # with a space, as typed queries often do.
        heading = page.locator("article h1").inner_text()
        query = max(re.findall(r"\w+", heading), key=len)
        page.keyboard.type(query + " ")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
        found = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
        assert f"/{CONTRACT.prefix(code)}{path}" in found, (query, found)
        page.wait_for_function(SETTLED)
        problems = axe_violations(page, f"{where}, search open", extra_rules=("aria-dialog-name",))
        assert not problems, "\n".join(problems)

        page.keyboard.press("Escape")
        expect(search_open).not_to_be_checked()

        press_until(page, "Shift+Tab", f'.md-header .md-select__link[hreflang="{target}"]')
        page.wait_for_function(MENU_OPEN)
        page.wait_for_function(SETTLED)
        problems = axe_violations(page, f"{where}, language menu open")
        assert not problems, "\n".join(problems)

        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == base_url + CONTRACT.prefix(target) + path
        assert page.locator("html").get_attribute("lang") == target
