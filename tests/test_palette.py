"""The light/dark toggle (overrides/partials/palette.js), in Chromium.

The scheme follows the reader's system until they choose one; the choice is kept
across pages and languages; Enter switches like a click. The scheme is set while
the header is parsed, without Material's script, and loading a page never marks
it as switching (which restyles every element).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import load_contract

CONTRACT = load_contract()
SCHEMES = {"light": "default", "dark": "slate"}
SWITCHING = "data-md-color-switching"
# Attributes set on <body> while the page loads, recorded from the very start.
RECORD_BODY_ATTRIBUTES = """
window.__bodyAttributes = [];
new MutationObserver(records => records.forEach(record => {
  if (record.type === "attributes" && record.target === document.body) window.__bodyAttributes.push(record.attributeName);
})).observe(document, {attributes: true, subtree: true});
"""

pytestmark = pytest.mark.browser


def visible_toggle(page):
    return page.locator(".md-header__option label:not([hidden])")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_scheme_is_set_before_material_runs(browser, base_url, scheme):
    with browser.new_context(color_scheme=scheme) as context:
        context.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(base_url + "ko/skills/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        assert page.locator("meta[name=color-scheme]").get_attribute("content") == scheme
        header = page.locator("header.md-header").evaluate("el => getComputedStyle(el).backgroundColor")
        assert page.locator("meta[name=theme-color]").get_attribute("content") == header
        # The one toggle on show leads to the other scheme; it carries the name that
        # the current option has in the page's language ("Switch to dark mode").
        toggle = visible_toggle(page)
        assert toggle.count() == 1
        target = page.locator("#" + toggle.get_attribute("for"))
        assert target.get_attribute("data-md-color-scheme") != SCHEMES[scheme]
        current = page.locator("input[name=__palette]:checked")
        assert current.get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        assert toggle.get_attribute("title") == current.get_attribute("aria-label")


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_loading_a_page_does_not_mark_it_switching(browser, base_url, code):
    with browser.new_context() as context:
        context.add_init_script(RECORD_BODY_ATTRIBUTES)
        page = context.new_page()
        page.goto(base_url + CONTRACT.prefix(code) + "salary/", wait_until="networkidle")
        recorded = page.evaluate("window.__bodyAttributes")
        assert "data-md-color-scheme" in recorded  # the recorder saw the toggle's work
        assert SWITCHING not in recorded


def test_a_chosen_scheme_is_kept_across_pages_and_languages(browser, base_url):
    with browser.new_context(color_scheme="light") as context:
        page = context.new_page()
        page.goto(base_url + "skills/", wait_until="networkidle")
        body = page.locator("body")
        visible_toggle(page).click()
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        expect(body).not_to_have_attribute(SWITCHING, "")
        assert page.locator("meta[name=color-scheme]").get_attribute("content") == "dark"
        for path in ("salary/", "ko/skills/", "nb/"):
            page.goto(base_url + path, wait_until="networkidle")
            assert body.get_attribute("data-md-color-scheme") == "slate", path
        # A chosen scheme stays when the system's changes.
        page.emulate_media(color_scheme="dark")
        page.emulate_media(color_scheme="light")
        assert body.get_attribute("data-md-color-scheme") == "slate"


def test_enter_switches_the_scheme(browser, base_url):
    with browser.new_context(color_scheme="dark") as context:
        page = context.new_page()
        page.goto(base_url + "fi/duties/", wait_until="networkidle")
        body = page.locator("body")
        page.locator("input[name=__palette]:checked").focus()
        page.keyboard.press("Enter")
        expect(body).to_have_attribute("data-md-color-scheme", "default")
        assert page.locator("input[name=__palette]:checked").evaluate("el => el === document.activeElement")
        page.keyboard.press("Enter")
        expect(body).to_have_attribute("data-md-color-scheme", "slate")


def test_until_the_reader_chooses_the_scheme_follows_the_system(browser, base_url):
    with browser.new_context(color_scheme="light") as context:
        page = context.new_page()
        page.goto(base_url + "nl/", wait_until="networkidle")
        body = page.locator("body")
        assert body.get_attribute("data-md-color-scheme") == "default"
        page.emulate_media(color_scheme="dark")
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", "dark")
        page.emulate_media(color_scheme="light")
        expect(body).to_have_attribute("data-md-color-scheme", "default")
