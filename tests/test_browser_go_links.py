"""In Chromium: /go/ links pick the reader's language; copy buttons fill the clipboard."""

from __future__ import annotations

import pytest

from conftest import load_contract

CONTRACT = load_contract()
URLS = [(path, "") for path in CONTRACT.pages] + [
    (path, anchor) for path, anchors in CONTRACT.pages.items() for anchor in anchors
]
TIMEOUT = 10_000  # ms

pytestmark = pytest.mark.browser


def expected_url(base_url: str, code: str, path: str, anchor: str = "") -> str:
    return base_url + CONTRACT.prefix(code) + path + (f"#{anchor}" if anchor else "")


def follow_go_link(context, base_url: str, path: str, anchor: str, languages: list[str] | None = None):
    """Open /go/<path>#<anchor> in a new tab; with `languages`, as navigator.languages."""
    tab = context.new_page()
    if languages:
        # Chromium derives navigator.languages from the Accept-Language override.
        session = context.new_cdp_session(tab)
        agent = tab.evaluate("navigator.userAgent")
        session.send("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": ",".join(languages)})
        assert tab.evaluate("navigator.languages") == languages
    tab.goto(base_url + "go/" + path + (f"#{anchor}" if anchor else ""))
    return tab


@pytest.mark.parametrize(
    "locale, code",
    [("ko", "ko"), ("fi", "fi"), ("nb", "nb"), ("no", "nb"), ("nn", "nb"), ("nl", "nl"), ("de", "en"),
     ("en-GB", "en"), ("ko-KR", "ko"), ("nb-NO", "nb"), ("fi-FI", "fi"), ("nl-BE", "nl")],
)
def test_go_link_opens_the_section_in_the_browser_language(browser, base_url, locale, code):
    with browser.new_context(locale=locale) as context:
        tab = follow_go_link(context, base_url, "skills/", "empathy")
        tab.wait_for_url(expected_url(base_url, code, "skills/", "empathy"), timeout=TIMEOUT)
        assert tab.locator("html").get_attribute("lang") == code
        assert tab.locator("#empathy").count() == 1


@pytest.mark.parametrize(
    "languages, code",
    [(["de", "fi"], "fi"), (["de-DE", "fr", "nn-NO", "ko"], "nb"), (["fr", "de"], "en"), (["nl", "ko"], "nl")],
)
def test_go_link_takes_the_first_preference_the_guide_has(browser, base_url, languages, code):
    with browser.new_context(locale=languages[0]) as context:
        tab = follow_go_link(context, base_url, "skills/", "empathy", languages)
        tab.wait_for_url(expected_url(base_url, code, "skills/", "empathy"), timeout=TIMEOUT)


def test_every_promised_url_works_through_go(browser, base_url):
    """Each page and anchor of the contract, each in one language, every language in turn."""
    contexts = {code: browser.new_context(locale=code) for code in CONTRACT.codes}
    checked = []
    try:
        tabs = {code: context.new_page() for code, context in contexts.items()}
        for index, (path, anchor) in enumerate(URLS):
            code = CONTRACT.codes[index % len(CONTRACT.codes)]
            tab = tabs[code]
            tab.goto(base_url + "go/" + path + (f"#{anchor}" if anchor else ""))
            tab.wait_for_url(expected_url(base_url, code, path, anchor), timeout=TIMEOUT)
            assert tab.locator("html").get_attribute("lang") == code
            assert tab.locator("article h1").count() == 1
            if anchor:
                assert tab.locator(f"article [id='{anchor}']").count() == 1, (code, path, anchor)
            checked.append((code, path, anchor))
    finally:
        for context in contexts.values():
            context.close()
    assert len(checked) == len(URLS)
    assert {code for code, _, _ in checked} == set(CONTRACT.codes)
    assert {path for _, path, _ in checked} == set(CONTRACT.pages)


def test_go_page_without_javascript_lists_the_languages(browser, base_url):
    with browser.new_context(java_script_enabled=False, locale="ko") as context:
        tab = context.new_page()
        tab.goto(base_url + "go/skills/#empathy")
        assert tab.url == base_url + "go/skills/#empathy"
        links = tab.locator("main a")
        assert links.count() == len(CONTRACT.codes)
        links.nth(CONTRACT.codes.index("ko")).click()
        tab.wait_for_url(base_url + "ko/skills/")


def test_copy_buttons_put_the_link_and_the_text_on_the_clipboard(browser, base_url):
    with browser.new_context(locale="fi", permissions=["clipboard-read", "clipboard-write"]) as context:
        tab = context.new_page()
        problems = []
        tab.on("pageerror", lambda error: problems.append(str(error)))
        tab.goto(base_url + "fi/link-to-this-guide/", wait_until="networkidle")
        group = tab.locator("details.guide-links").nth(list(CONTRACT.pages).index("skills/"))
        group.locator("summary").click()
        block = group.locator("div.guide-link", has=tab.locator('a[href$="/go/skills/#empathy"]'))
        # The Korean button (named in Finnish) copies the Korean share link of the section.
        button = block.locator("button.guide-copy").nth(2 + CONTRACT.codes.index("ko"))
        assert button.is_visible() and button.inner_text() == "Korea"
        label = button.inner_text()
        button.click()
        status = tab.locator(".guide-copy-status")
        status.wait_for(state="visible")
        assert tab.evaluate("navigator.clipboard.readText()") == button.get_attribute("data-copy")
        assert button.get_attribute("data-copy").endswith("/ko/s/skills/empathy/")
        assert button.inner_text() == status.get_attribute("data-done") != label
        assert status.inner_text() == status.get_attribute("data-copied")

        text_button = block.locator("button.guide-copy").first
        text_label = text_button.inner_text()
        text_button.click()
        tab.wait_for_function("label => document.querySelector('.guide-copy--done').textContent !== label", arg=text_label)
        text = tab.evaluate("navigator.clipboard.readText()")
        assert text == text_button.get_attribute("data-text") and text.endswith("/go/skills/#empathy")
        assert button.inner_text() == label, "the button copied before is back to its label"
        assert problems == []


def test_the_filter_finds_a_section_on_any_page(browser, base_url):
    with browser.new_context(locale="nl") as context:
        tab = context.new_page()
        tab.goto(base_url + "nl/link-to-this-guide/", wait_until="networkidle")
        field = tab.locator("#guide-filter")
        field.fill("empathie")
        shown = tab.locator("div.guide-link:visible h3")
        assert shown.all_inner_texts() == ["Empathie"]
        field.fill("zzzz")
        assert tab.locator(".guide-filter-none").inner_text()
        field.fill("")
        assert tab.locator("div.guide-link[hidden], details.guide-links[hidden]").count() == 0
        assert tab.locator(".guide-filter-none").inner_text() == ""


def test_copy_buttons_stay_hidden_without_the_clipboard_api(browser, base_url):
    with browser.new_context(locale="en") as context:
        tab = context.new_page()
        tab.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
        tab.goto(base_url + "link-to-this-guide/", wait_until="networkidle")
        tab.locator("details.guide-links summary").first.click()
        assert tab.locator("details.guide-links a").first.is_visible()
        assert not tab.locator("details.guide-links button.guide-copy").first.is_visible()


def _axe_findings(tab) -> set[tuple[str, str]]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(tab).response["violations"]
    return {(rule["id"], str(node["target"])) for rule in violations for node in rule["nodes"]}


def test_go_page_passes_axe(browser, base_url):
    """Checked as a reader without JavaScript sees it (the script would leave at once)."""
    import re

    with browser.new_context() as context:
        tab = context.new_page()

        def without_script(route):
            response = route.fetch()
            route.fulfill(response=response, body=re.sub(r"<script>.*?</script>", "", response.text(), flags=re.S))

        tab.route("**/go/**", without_script)
        tab.goto(base_url + "go/skills/#empathy")
        assert tab.url == base_url + "go/skills/#empathy"
        assert _axe_findings(tab) == set()


@pytest.mark.parametrize("code", ["en", "ko"])
def test_link_page_adds_no_axe_findings_to_an_ordinary_page(browser, base_url, code):
    """Whatever axe finds in the theme on every page, the link page's own content adds nothing."""
    with browser.new_context(locale=code, permissions=["clipboard-read", "clipboard-write"]) as context:
        tab = context.new_page()
        tab.goto(base_url + CONTRACT.prefix(code) + "skills/", wait_until="networkidle")
        ordinary = _axe_findings(tab)
        tab.goto(base_url + CONTRACT.prefix(code) + "link-to-this-guide/", wait_until="networkidle")
        tab.evaluate("document.querySelectorAll('details').forEach(block => { block.open = true; })")
        assert tab.locator("button.guide-copy").first.is_visible()
        assert _axe_findings(tab) - ordinary == set()
