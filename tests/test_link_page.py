"""The "Link to this guide" page: every promised URL in every language, ready to copy."""

from __future__ import annotations

import re

import pytest
from babel import Locale
from mkdocs.config import load_config

from conftest import REPO, load_contract
from guide_data import load_guide_data
from html_tree import Element, parse
from inline_scripts import compact

CONTRACT = load_contract()
LINK_PAGE = "link-to-this-guide/"
LABELS = load_guide_data(REPO / "data" / "figures.yml").labels


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


def language_names(code: str) -> list[str]:
    """The button texts: each language named in the page's language (CLDR), capitalised."""
    locale = Locale.parse(code)
    names = [locale.languages["no" if c == "nb" else c] for c in CONTRACT.codes]
    return [name[:1].upper() + name[1:] for name in names]


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_has_a_block_with_copy_buttons_for_every_page_and_section(site, site_url, code):
    groups = article(site, code).find_all("details")
    assert len(groups) == len(CONTRACT.pages)
    checked = 0
    for group, path in zip(groups, CONTRACT.pages):
        target = built(site, code, path)
        title = heading_text(target, "")
        assert group.find("summary").text == title
        blocks = group.find_all("div", class_="guide-link")
        anchors = [""] + list(CONTRACT.pages[path])
        assert len(blocks) == len(anchors), path
        for block, anchor in zip(blocks, anchors):
            name = heading_text(target, anchor) if anchor else LABELS["link_whole_page"][code]
            assert block.find("h3").text == name
            fragment = f"#{anchor}" if anchor else ""
            neutral = f"{site_url}go/{path}{fragment}"
            link = block.find("p", class_="guide-link__url").find("a")
            assert link.attrs["href"] == neutral and neutral.endswith(link.text) and "://" not in link.text
            text_button, neutral_button, *language_buttons = block.find_all("button")
            # The ready-made text: plain (sentence, then the whole URL) and HTML with a real link.
            assert text_button.attrs["data-text"].endswith(" " + neutral)
            assert f'<a href="{neutral}">' in text_button.attrs["data-html"]
            assert neutral_button.attrs["data-copy"] == neutral
            # One button per language, named in the page's language, copying the whole URL:
            # a section's share page (its preview is the section), or the page itself.
            assert [b.text for b in language_buttons] == language_names(code)
            for button, other in zip(language_buttons, CONTRACT.codes):
                url = button.attrs["data-copy"]
                if anchor:
                    assert url == f"{site_url}{CONTRACT.prefix(other)}s/{path}{anchor}/"
                    assert (site.root / CONTRACT.prefix(other) / "s" / path / anchor / "index.html").is_file()
                else:
                    assert url == f"{site_url}{CONTRACT.prefix(other)}{path}"
            for button in block.find_all("button"):
                assert button.attrs["type"] == "button"
                label = button.attrs["aria-label"]
                assert (name if anchor else title) in label, label
                assert button.text.lower() in label.lower(), label  # the visible name is in the spoken one
            checked += 1
    assert checked == sum(1 + len(anchors) for anchors in CONTRACT.pages.values())


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_gives_the_pay_figures_country_and_years_from_the_data(site, code):
    data = load_guide_data(REPO / "data" / "figures.yml")
    periods = [data.median_pay.period] + [
        entry.period
        for name in ("pay_percentiles", "average_pay", "pay_by_industry", "pay_by_experience", "bonuses")
        for entry in getattr(data, name)
    ]
    years = sorted(int(y) for period in periods for y in re.findall(r"\d{4}", period))
    note = article(site, code).find("p", class_="guide-figures-note").text
    assert str(years[0]) in note and str(years[-1]) in note


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_link_page_offers_a_filter(site, code):
    finder = article(site, code).find("div", class_="guide-finder")
    assert "hidden" in finder.attrs  # shown by the script
    field = finder.find("input")
    assert finder.find("label").attrs["for"] == field.attrs["id"] and field.attrs["type"] == "search"


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
