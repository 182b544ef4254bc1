"""Material's script starts at the reader's first use of the page, not with it.

overrides/partials/material-start.js loads Material's bundle on the first key,
touch, pointer, click, scroll or focus, or at once for a search (?q=) or
highlight (?h=) address. These tests check both sides: a page that is only read
fetches neither the bundle nor the search index, and everything the bundle runs
works when the reader's very first action needs it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import is_share_page, load_contract
from html_tree import parse
from material_start import MATERIAL_RUNNING, start_material

CONTRACT = load_contract()
BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}


def test_every_page_names_a_bundle_the_build_wrote(site):
    """The loader's data-src is Material's bundle as built (it changes with Material)."""
    pages = sorted(site.root.rglob("*.html"))
    checked = 0
    for page in pages:
        for script in parse(page).find_all("script"):
            source = script.attrs.get("data-src")
            if source is None:
                continue
            assert "src" not in script.attrs, f"{page}: Material's bundle also loads with the page"
            # Not-found pages use addresses from the site root: they answer anywhere.
            target = (site.root / source.lstrip("/") if source.startswith("/") else page.parent / source).resolve()
            assert target.is_file() and BUNDLE.search(target.as_posix()), f"{page}: {source}"
            checked += 1
    guide_pages = [
        page for page in pages
        if not page.relative_to(site.root).parts[0] == "go" and not is_share_page(page.relative_to(site.root))
    ]
    assert checked == len(guide_pages), (checked, len(guide_pages))



def _requests(context) -> list[str]:
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.mark.browser
@pytest.mark.parametrize("code", CONTRACT.codes)
def test_a_page_that_is_only_read_loads_no_material_script(browser, base_url, code):
    with browser.new_context(**PHONE) as context:
        seen = _requests(context)
        tab = context.new_page()
        tab.goto(f"{base_url}{CONTRACT.prefix(code)}salary/", wait_until="networkidle")
        assert not tab.evaluate(MATERIAL_RUNNING)
        assert not [url for url in seen if BUNDLE.search(url) or url.endswith("search_index.json")], seen
        # The search button is there from the start: the first tap starts Material.
        assert tab.locator("html").evaluate("el => el.classList.contains('js') && !el.classList.contains('no-js')")
        expect(tab.locator("label.md-header__button[for='__search']")).to_be_visible()

        start_material(tab)
        assert [url for url in seen if BUNDLE.search(url)], seen
        assert [url for url in seen if url.endswith(f"/{CONTRACT.prefix(code)}search/search_index.json")], seen


@pytest.mark.browser
def test_the_first_tap_on_search_opens_it_with_the_keyboard_up(browser, base_url):
    """A phone shows its keyboard only for a field focused within the tap."""
    with browser.new_context(**PHONE) as context:
        tab = context.new_page()
        tab.goto(f"{base_url}fi/skills/", wait_until="networkidle")
        tab.locator("label.md-header__button[for='__search']").tap()
        field = tab.locator("input.md-search__input")
        expect(field).to_be_focused()
        expect(tab.locator("#__search")).to_be_checked()
        tab.keyboard.type("BLS")
        expect(tab.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
        links = tab.locator(".md-search-result__link").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
        assert links and all(link.startswith("/fi/") for link in links), links


@pytest.mark.browser
@pytest.mark.parametrize("key", ["/", "s"])
def test_the_first_key_reaches_material(page, base_url, key):
    """Material's search shortcut works as the reader's very first key press."""
    page.goto(f"{base_url}ko/duties/", wait_until="networkidle")
    page.keyboard.press(key)
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page.locator("input.md-search__input")).to_have_value("")


@pytest.mark.browser
def test_a_search_address_opens_the_search_at_once(page, base_url):
    page.goto(f"{base_url}nb/?q=BLS", wait_until="load")
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)


@pytest.mark.browser
def test_a_highlight_address_marks_the_terms_at_once(page, base_url):
    """A search result link (?h=) highlights its terms without any other action."""
    page.goto(f"{base_url}skills/?h=empathy", wait_until="load")
    expect(page.locator("article mark").first).to_be_visible(timeout=10_000)


@pytest.mark.browser
def test_scrolling_starts_material_and_the_back_to_top_button(browser, base_url):
    with browser.new_context(**PHONE) as context:
        tab = context.new_page()
        tab.goto(f"{base_url}nl/skills/", wait_until="networkidle")
        tab.mouse.wheel(0, 2000)
        tab.wait_for_function(MATERIAL_RUNNING)
        tab.wait_for_timeout(300)
        tab.mouse.wheel(0, -400)
        expect(tab.locator(".md-top")).to_be_visible()
