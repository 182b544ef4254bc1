"""The "Link to this guide" page: every promised URL in every language, ready to copy."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config

from conftest import REPO, load_contract
from guide_data import load_guide_data
from html_tree import Element, parse
from inline_scripts import compact

CONTRACT = load_contract()
LINK_PAGE = "link-to-this-guide/"
LABELS = load_guide_data(REPO / "data" / "figures.yml").labels
SNIPPET_TARGET = "go/skills/#qualities"


@pytest.fixture(scope="module")
def site_url() -> str:
    return load_config(str(REPO / "mkdocs.yml")).site_url


def built(site, code: str, path: str) -> Element:
    return parse(site.page(CONTRACT.prefix(code), path))


def heading_text(page: Element, anchor: str) -> str:
    """The text of the heading with this id, or of the H1 when no anchor is given."""
    for element in page.iter():
        if re.fullmatch(r"h[1-6]", element.tag) and (element.attrs.get("id") == anchor if anchor else element.tag == "h1"):
            # The heading's own words, without its permalink ("¶").
            words = [
                child if isinstance(child, str) else child.text
                for child in element.children
                if isinstance(child, str) or "headerlink" not in child.attrs.get("class", "")
            ]
            return re.sub(r"[ \t\r\n]+", " ", "".join(words)).strip()
    raise AssertionError(f"no heading {anchor or 'h1'}")


def article(site, code: str) -> Element:
    page = built(site, code, LINK_PAGE)
    assert page.find("html").attrs["lang"] == code
    return page.find("article")


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_has_its_own_title_intro_and_description(site, code):
    page = built(site, code, LINK_PAGE)
    description = page.find("meta", name="description").attrs["content"]
    assert 100 <= len(description) <= 160
    body = page.find("article")
    assert len(body.find_all("h1")) == 1
    assert body.find("p").text  # the intro
    assert "<!-- link-" not in site.page(CONTRACT.prefix(code), LINK_PAGE).read_text(encoding="utf-8")


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_lists_every_page_and_section_with_six_links(site, site_url, code):
    groups_checked = 0
    details = article(site, code).find_all("details")
    assert len(details) == len(CONTRACT.pages)
    for block, path in zip(details, CONTRACT.pages):
        target = built(site, code, path)
        title = heading_text(target, "")
        assert block.find("summary").text == title
        table = block.find("table")
        assert title in table.find("caption").text
        assert [th.attrs.get("scope") for th in table.find("thead").find_all("th")] == ["col"] * 3
        groups = table.find_all("tbody")
        anchors = [""] + list(CONTRACT.pages[path])
        assert len(groups) == len(anchors), path
        for group, anchor in zip(groups, anchors):
            section = heading_text(target, anchor) if anchor else LABELS["link_whole_page"][code]
            assert group.find("th", scope="rowgroup").text == section
            fragment = f"#{anchor}" if anchor else ""
            expected = [f"{site_url}go/{path}{fragment}"]
            expected += [f"{site_url}{CONTRACT.prefix(c)}{path}{fragment}" for c in CONTRACT.codes]
            rows = group.find_all("tr")
            assert [row.find("a").attrs["href"] for row in rows] == expected
            assert [row.find("a").text for row in rows] == expected
            assert [row.find("th", scope="row").attrs.get("lang") for row in rows] == [None, *CONTRACT.codes]
            for row in rows:
                button = row.find("button")
                assert button.attrs["type"] == "button" and button.text == LABELS["link_copy"][code]
                name = button.attrs["aria-label"]
                assert (title if not anchor else section) in name and button.text in name
            groups_checked += 1
    assert groups_checked == sum(1 + len(anchors) for anchors in CONTRACT.pages.values())


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_offers_both_snippets_in_its_language(site, site_url, code):
    snippets = article(site, code).find_all("div", class_="guide-snippet")
    assert len(snippets) == 2
    markdown, html = (snippet.find("code").text for snippet in snippets)
    link_text, url = LABELS["link_snippet_link"][code], site_url + SNIPPET_TARGET
    before, _, after = LABELS["link_snippet"][code].partition("{link}")
    assert markdown == f"{before}[{link_text}]({url}){after}"
    assert html == f'<p>{before}<a href="{url}">{link_text}</a>{after}</p>'
    for snippet, format_name in zip(snippets, ("Markdown", "HTML")):
        button = snippet.find("button")
        assert format_name in button.attrs["aria-label"] and button.text == LABELS["link_copy"][code]


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_runs_its_copy_script_and_has_a_status_region(site, code):
    page = built(site, code, LINK_PAGE)
    script = compact((REPO / "overrides" / "partials" / "link-copy.js").read_text(encoding="utf-8"))
    inline = [element.text for element in page.find("article").find_all("script")]
    assert inline == [re.sub(r"[ \t\r\n]+", " ", script).strip()]
    status = page.find("p", class_="guide-copy-status")
    assert status.attrs["role"] == "status" and status.attrs["data-copied"] == LABELS["link_copied_status"][code]


def test_other_pages_do_not_carry_the_copy_script(site):
    html = site.page("", "skills/").read_text(encoding="utf-8")
    assert "guide-copy" not in html and "navigator.clipboard" not in html
