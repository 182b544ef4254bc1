"""Every built page, in every language and both colour schemes, passes axe-core.

The rules are axe-core's WCAG 2.1 A and AA rules (tags wcag2a, wcag2aa, wcag21a,
wcag21aa). The site follows the reader's `prefers-color-scheme` (light `default`,
dark `slate`), so each scheme is emulated in its own browser context, one per
language, reused for all of that language's pages. Each page is checked as it
loads and again once the reader's first scroll has started Material's script.
The guard also blocks and reports any request to another host.

The language-neutral /go/ pages (hooks/go_links.py) send the reader on at once
by script; what stays on screen is their list of languages for a reader without
JavaScript, so that is what axe checks there.
"""

from __future__ import annotations

import re

import pytest

from browser_checks import OffsiteGuard, axe_violations, built_pages
from material_start import start_material
from conftest import load_contract

CONTRACT = load_contract()
SCHEMES = {"light": "default", "dark": "slate"}
GO = "go/"

pytestmark = pytest.mark.browser


def pages_of(site, code: str) -> list[str]:
    return [
        path for path in built_pages(site.root) if not path.startswith(GO) and CONTRACT.language_of(path) == code
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("code", CONTRACT.codes)
def test_every_page_passes_axe(browser, site, base_url, code, scheme):
    pages = pages_of(site, code)
    assert CONTRACT.prefix(code) in pages, pages  # at least the language's home page
    with browser.new_context(color_scheme=scheme) as context:
        guard = OffsiteGuard(context, base_url)
        problems: list[str] = []
        tab = context.new_page()
        for path in pages:
            tab.goto(base_url + path, wait_until="load")
            assert tab.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], path
            problems += axe_violations(tab, f"/{path} ({scheme})")
            # Material's script starts at the reader's first scroll and changes the page.
            start_material(tab)
            problems += axe_violations(tab, f"/{path} ({scheme}, Material running)")
    assert problems == [], "\n".join(problems)
    assert guard.blocked == []


def _without_scripts(route) -> None:
    response = route.fetch()
    route.fulfill(response=response, body=re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.S))


def test_go_pages_without_javascript_pass_axe(browser, site, base_url):
    pages = [path for path in built_pages(site.root) if path.startswith(GO)]
    assert pages
    with browser.new_context() as context:
        context.route(f"{base_url}{GO}**", _without_scripts)
        problems: list[str] = []
        tab = context.new_page()
        for path in pages:
            tab.goto(base_url + path, wait_until="load")
            assert tab.url == base_url + path, "the page sent the reader on"
            problems += axe_violations(tab, f"/{path} (no JavaScript)")
    assert problems == [], "\n".join(problems)
