"""Search answers whatever reaches the search field, not only typed keys.

Material reads the field on its key-ups (and when its index is ready, or focus
changes), so a query that arrives with an `input` event and no key (pasted,
dictated, filled in by the browser or a password manager) was left unsearched
("Type to start searching") until the next key. overrides/partials/material-start.js
hands such changes to Material. Each test ends with results on the page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from material_start import MATERIAL_RUNNING, start_material

QUERY = "BLS"
PAGE = "ko/skills/"
FIELD = "input.md-search__input"
RESULT = ".md-search-result__item"


def _results(tab):
    return tab.locator(RESULT).first


@pytest.mark.browser
def test_a_query_filled_in_before_material_starts_is_searched(browser, base_url):
    with browser.new_context() as context:
        tab = context.new_page()
        tab.goto(base_url + PAGE, wait_until="networkidle")
        assert not tab.evaluate(MATERIAL_RUNNING)
        # Playwright's fill focuses the field (which starts Material) and sets the
        # value with one input event, no keys.
        tab.locator(FIELD).fill(QUERY)
        expect(_results(tab)).to_be_visible(timeout=20_000)


@pytest.mark.browser
def test_a_value_set_without_any_event_before_material_starts_is_searched(browser, base_url):
    """The browser's autofill of a restored page: the value is there when Material starts."""
    with browser.new_context() as context:
        tab = context.new_page()
        tab.goto(base_url + PAGE, wait_until="networkidle")
        tab.locator(FIELD).evaluate("(field, query) => { field.value = query; }", QUERY)
        tab.mouse.wheel(0, 1)
        tab.wait_for_function(MATERIAL_RUNNING)
        tab.locator(FIELD).click()
        expect(_results(tab)).to_be_visible(timeout=20_000)


@pytest.mark.browser
def test_a_pasted_query_is_searched(browser, base_url):
    """Pasting (or dictating) inserts text with an input event and no key events."""
    with browser.new_context() as context:
        tab = context.new_page()
        tab.goto(base_url + PAGE, wait_until="networkidle")
        start_material(tab)
        tab.locator(FIELD).click()
        expect(tab.locator(FIELD)).to_be_focused()
        tab.keyboard.insert_text(QUERY)
        expect(_results(tab)).to_be_visible(timeout=20_000)


@pytest.mark.browser
def test_an_input_event_without_keys_is_searched(browser, base_url):
    with browser.new_context() as context:
        tab = context.new_page()
        tab.goto(base_url + PAGE, wait_until="networkidle")
        start_material(tab)
        tab.locator(FIELD).click()
        tab.locator(FIELD).evaluate(
            "(field, query) => { field.value = query; field.dispatchEvent(new InputEvent('input', {bubbles: true})); }",
            QUERY,
        )
        expect(_results(tab)).to_be_visible(timeout=20_000)
