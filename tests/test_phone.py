"""The guide on a phone: 360x640 and 412x823 touch screens, in every language.

No page scrolls sideways; no figure in a table is split over two lines; Korean words
are never broken inside (every text element, links and table cells too, keeps words
whole); the link page's controls are at least
44 px tall; a reader whose browser prefers Finnish gets a suggestion in Finnish on an
English page, leading to the same section, and it stays closed once closed; copying a
section's ready-made text puts plain text and HTML on the clipboard.
"""

from __future__ import annotations

import json

import pytest

from conftest import load_contract

pytestmark = pytest.mark.browser
CONTRACT = load_contract()
PHONES = {"360x640": (360, 640), "412x823": (412, 823)}
LINK_PAGE = "link-to-this-guide/"


def phone(browser, size, **options):
    width, height = PHONES[size]
    return browser.new_context(
        viewport={"width": width, "height": height}, has_touch=True, is_mobile=True, device_scale_factor=2, **options
    )


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("code", CONTRACT.codes)
def test_no_page_scrolls_sideways(browser, base_url, code, size):
    width = PHONES[size][0]
    with phone(browser, size, locale=code) as context:
        tab = context.new_page()
        for path in CONTRACT.pages:
            tab.goto(base_url + CONTRACT.prefix(code) + path)
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            wide = tab.evaluate(
                """width => [...document.querySelectorAll('body *')].filter(e => {
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.right <= width + 0.5) return false;
                    for (let p = e.parentElement; p; p = p.parentElement) {
                      const s = getComputedStyle(p);
                      if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 0.5) return false;
                    }
                    return true;
                  }).map(e => e.tagName + '.' + e.className).slice(0, 5)""",
                width,
            )
            scroll = tab.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width and not wide, (path, scroll, wide)


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("code", CONTRACT.codes)
def test_figures_in_tables_stay_on_one_line(browser, base_url, code, size):
    """An amount, a count or a percentage in a table cell is never split over two lines.

    Figures are the short cells with a digit and no ordinary space (figures are
    formatted with no-break spaces)."""
    with phone(browser, size, locale=code) as context:
        tab = context.new_page()
        checked = 0
        for path in CONTRACT.pages:
            tab.goto(base_url + CONTRACT.prefix(code) + path)
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            split, cells = tab.evaluate(
                """() => {
                  const cells = [...document.querySelectorAll('article td')]
                    .filter(c => c.getClientRects().length)
                    .filter(c => { const t = c.textContent.trim(); return t.length <= 16 && /\\d/.test(t) && !t.includes(' '); });
                  const split = cells.filter(c => {
                    const range = document.createRange();
                    range.selectNodeContents(c);
                    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
                  }).map(c => c.textContent.trim());
                  return [split.slice(0, 5), cells.length];
                }"""
            )
            checked += cells
            assert not split, (path, split)
        assert checked > 20, "too few figures in tables were found to check"


@pytest.mark.parametrize("size", PHONES)
def test_korean_words_are_never_broken_inside(browser, base_url, size):
    with phone(browser, size, locale="ko") as context:
        tab = context.new_page()
        for path in CONTRACT.pages:
            tab.goto(base_url + "ko/" + path)
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            breaking = tab.evaluate(
                """() => [...document.querySelectorAll('p, li, a, td, th, h1, h2, h3, summary, figcaption, caption, .md-ellipsis, button')]
                   .filter(e => /[\\uac00-\\ud7a3]/.test(e.textContent) && e.getClientRects().length)
                   .filter(e => getComputedStyle(e).wordBreak !== 'keep-all')
                   .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 30)).slice(0, 5)"""
            )
            assert not breaking, (path, breaking)
            # And where a line does break inside a text node, it is between words.
            inside = tab.evaluate(
                """() => {
                  const found = [];
                  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node && found.length < 5; node = walker.nextNode()) {
                    const text = node.textContent;
                    if (!/[\\uac00-\\ud7a3]/.test(text)) continue;
                    const range = document.createRange();
                    let top = null;
                    for (let i = 0; i < text.length; i++) {
                      range.setStart(node, i); range.setEnd(node, i + 1);
                      const rect = range.getClientRects()[0];
                      if (!rect) continue;
                      if (top !== null && rect.top > top + 2 && i > 0 && /[\\uac00-\\ud7a3]/.test(text[i]) && /[\\uac00-\\ud7a3]/.test(text[i - 1])) {
                        found.push(text.slice(Math.max(0, i - 6), i) + '|' + text.slice(i, i + 6));
                      }
                      top = rect.top;
                    }
                  }
                  return found;
                }"""
            )
            assert not inside, (path, inside)


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_controls_are_44_px(browser, base_url, code, size):
    with phone(browser, size, locale=code) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        tab = context.new_page()
        tab.goto(base_url + CONTRACT.prefix(code) + LINK_PAGE, wait_until="networkidle")
        tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        small = tab.evaluate(
            """() => [...document.querySelectorAll('article button, article summary, article input')]
               .filter(e => e.getClientRects().length)
               .map(e => [e.textContent.trim() || e.id, e.getBoundingClientRect()])
               .filter(([, r]) => r.height < 44 || r.width < 44)
               .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)).slice(0, 5)"""
        )
        assert not small, small
        assert tab.locator("article button.guide-copy").first.is_visible()


def test_a_finnish_browser_is_offered_the_finnish_page_and_can_close_the_offer(browser, base_url):
    with phone(browser, "360x640", locale="fi-FI") as context:
        tab = context.new_page()
        tab.goto(base_url + "skills/#empathy")
        hint = tab.locator("aside.guide-language-hint")
        hint.wait_for()
        assert hint.get_attribute("lang") == "fi"
        assert "suomeksi" in hint.inner_text()
        link = hint.locator("a")
        assert link.get_attribute("href").endswith("fi/skills/#empathy")
        # No layout shift: the note is fixed, out of the page's flow.
        assert tab.evaluate("getComputedStyle(document.querySelector('.guide-language-hint')).position") == "fixed"
        link.click()
        tab.wait_for_url(base_url + "fi/skills/#empathy")
        # On the Finnish page itself there is nothing to suggest.
        assert tab.locator("aside.guide-language-hint").count() == 0
        tab.goto(base_url + "salary/")
        hint.wait_for()
        hint.locator("button").click()
        assert hint.count() == 0
        tab.goto(base_url + "duties/")
        tab.wait_for_load_state("load")
        assert tab.locator("aside.guide-language-hint").count() == 0


def test_an_english_browser_gets_no_suggestion_on_an_english_page(browser, base_url):
    with phone(browser, "412x823", locale="en-US") as context:
        tab = context.new_page()
        tab.goto(base_url + "skills/")
        tab.wait_for_load_state("load")
        assert tab.locator("aside.guide-language-hint").count() == 0


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_copy_text_puts_plain_text_and_a_real_link_on_the_clipboard(browser, base_url, code):
    with phone(browser, "412x823", locale=code) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
        tab = context.new_page()
        tab.goto(base_url + CONTRACT.prefix(code) + LINK_PAGE, wait_until="networkidle")
        group = tab.locator("details#links-skills")
        group.locator("summary").click()
        block = group.locator("div.guide-link").nth(1)
        block.locator("button.guide-copy").first.click()
        tab.wait_for_function("() => document.querySelector('.guide-copy-status').textContent !== ''")
        items = tab.evaluate(
            """async () => {
              const out = {};
              for (const item of await navigator.clipboard.read())
                for (const type of item.types) out[type] = await (await item.getType(type)).text();
              return out;
            }"""
        )
        url = block.locator(".guide-link__url a").get_attribute("href")
        name = block.locator("h3").inner_text()
        assert items["text/plain"].endswith(" " + url) and name in items["text/plain"], items
        assert f'<a href="{url}">{name}</a>' in items["text/html"], items
        # A language's button copies that language's share link, whole.
        block.locator("button.guide-copy").nth(3).click()
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("http") and "/s/skills/" in copied, copied
