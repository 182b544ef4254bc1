"""Everything the build writes reads in the page's language.

Checked on the real site: Material's interface and the guide's generated labels
leave no English on a non-English page outside elements marked lang="en"; the
not-found pages' language menus lead to each language's home; a source line says
"Sources" when it names several; running text and tables write amounts each in
their own form; search excerpts keep table cells apart and show each table once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import formatting
import language_forms
from conftest import REPO, load_contract
from guide_data import load_guide_data
from html_tree import Element, parse

CONTRACT = load_contract()
DATA = load_guide_data(REPO / "data" / "figures.yml")
OTHERS = [code for code in CONTRACT.codes if code != CONTRACT.root_code]
# Material's interface strings this site shows (header, footer, search, menus, tables of contents).
MATERIAL_KEYS = (
    "action.skip clipboard.copy clipboard.copied footer footer.next footer.previous header nav "
    "search.reset search.result.initializer search.result.placeholder select.language toc top"
).split()
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
SKIP = {"script", "style", "code", "pre"}


def material_english() -> list[str]:
    import material

    source = (Path(material.__file__).parent / "templates/partials/languages/en.html").read_text(encoding="utf-8")
    strings = dict(re.findall(r'"([\w.]+)": "([^"]*)"', source))
    return [strings[key] for key in MATERIAL_KEYS] + ["Made with"]


def english_interface(code: str) -> list[str]:
    """English interface text that must not appear, unmarked, on a page in `code`."""
    labels = [
        re.split(r"\{\w+\}", texts["en"])
        for key, texts in DATA.labels.items()
        if texts["en"] != texts[code]
    ]
    parts = [part.strip(" :.,()") for pieces in labels for part in pieces]
    return sorted({text for text in material_english() + parts if len(text) >= 4})


def unmarked_texts(element: Element, language: str):
    """Text and interface attributes of the page outside lang="en" elements."""
    language = element.attrs.get("lang", language)
    if language == "en" or element.tag in SKIP:
        return
    for name in ATTRIBUTES:
        if element.attrs.get(name):
            yield element.attrs[name]
    for child in element.children:
        if isinstance(child, str):
            yield child
        else:
            yield from unmarked_texts(child, language)


def pages_of(site_root: Path, code: str) -> list[Path]:
    return sorted((site_root / code).rglob("*.html"))


@pytest.mark.parametrize("code", OTHERS)
def test_no_english_interface_text_outside_lang_en(site, code):
    english = english_interface(code)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(text) for text in english) + r")(?!\w)", re.I)
    found = []
    for page in pages_of(site.root, code):
        # Addresses are addresses (the link page shows them, without https://), not interface text.
        text = re.sub(r"(?:https?://)?[\w.-]+(?::\d+)?/\S*", " ", " ".join(unmarked_texts(parse(page), code)))
        found += [f"{page.relative_to(site.root)}: {match}" for match in sorted(set(pattern.findall(text)))]
    assert found == []


def test_the_interface_check_sees_unmarked_english():
    page = Element("html", {"lang": "fi"}, [Element("nav", {"aria-label": "Header"}), Element("span", {"lang": "en"}, ["Made with"])])
    assert list(unmarked_texts(page, "fi")) == ["Header"]


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_not_found_menu_leads_to_each_languages_home(site, code):
    page = parse(site.root / CONTRACT.prefix(code) / "404.html")
    links = [a.attrs["href"] for a in page.iter() if a.tag == "a" and "md-select__link" in a.attrs.get("class", "")]
    assert links == ["/" + CONTRACT.prefix(other) for other in CONTRACT.codes]


SOURCE_LINE = re.compile(r'<p class="guide-source">(.*?)</p>', re.S)


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_a_source_line_naming_several_sources_says_so(site, code):
    def lines(path: str) -> list[str]:
        html = site.page(CONTRACT.prefix(code), path).read_text(encoding="utf-8")
        return [re.sub(r"<[^>]+>", "", line) for line in SOURCE_LINE.findall(html)]

    many, one = DATA.label("source_line_many", code), DATA.label("source_line", code)
    separator = language_forms.list_separator(code).strip()
    quick_facts = lines("")[0]
    assert quick_facts.startswith(many.split("{sources}")[0]) and quick_facts.count(separator) >= 1
    industry = [line for line in lines("salary/") if separator not in line]
    assert industry and all(line.startswith(one.split("{sources}")[0]) for line in industry)


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_running_text_and_tables_write_amounts_in_their_own_forms(site, code):
    html = site.page(CONTRACT.prefix(code), "salary/").read_text(encoding="utf-8")
    paragraphs = " ".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", html, re.S))
    home = site.page(CONTRACT.prefix(code), "").read_text(encoding="utf-8")
    cells = " ".join(re.findall(r"<td[^>]*>(.*?)</td>", home, re.S))
    median = DATA.median_pay.annual
    assert formatting.money(median, "USD", code, "prose") in paragraphs
    assert formatting.money(median, "USD", code, "compact") in cells


def search_docs(site, code: str) -> list[dict]:
    index = site.root / CONTRACT.prefix(code) / "search" / "search_index.json"
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_search_excerpts_keep_cells_apart_and_show_each_table_once(site, code):
    text = re.sub(r"\s+", " ", " ".join(re.sub(r"<[^>]+>", " ", doc["text"]) for doc in search_docs(site, code)))
    for path in ("", "salary/", "job-outlook/", "sources/"):
        html = site.page(CONTRACT.prefix(code), path).read_text(encoding="utf-8")
        for caption in re.findall(r"<caption>(.*?)</caption>", html):
            caption = re.sub(r"<[^>]+>", "", caption)
            assert text.count(caption) == 1, f"{path}: caption {caption!r} is indexed {text.count(caption)} times"
        for row in re.findall(r'<tr[^>]*><th scope="row">(.*?)</th>\s*<td[^>]*>(.*?)</td>', html, re.S):
            header, cell = (re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", part)).strip() for part in row)
            assert f"{header} {cell}" in text, f"{path}: {header!r} and {cell!r} are not kept apart"
    # The charts are not indexed: their table is.
    for desc in re.findall(r"<desc[^>]*>(.*?)</desc>", site.page(CONTRACT.prefix(code), "salary/").read_text("utf-8")):
        assert desc not in text


# -- The reader's country ------------------------------------------------------

# The official career and pay services each language's readers are pointed to.
COUNTRY_SERVICES = {
    "nl": ("werk.nl", "cbs.nl"),
    "fi": ("tyomarkkinatori.fi", "stat.fi"),
    "ko": ("work24.go.kr", "career.go.kr"),
    "nb": ("utdanning.no", "ssb.no"),
}


@pytest.mark.parametrize("code", CONTRACT.codes)
@pytest.mark.parametrize("path", ["", "salary/", "job-outlook/"])
def test_the_us_notice_gives_the_years_of_the_data_and_current_figures(site, code, path):
    import renderers

    html = site.page(CONTRACT.prefix(code), path).read_text(encoding="utf-8")
    notice = re.search(r'<div class="admonition info guide-notice">(.*?)</div>', html, re.S)
    assert notice, f"/{CONTRACT.prefix(code)}{path}: no US notice"
    years = formatting.period(renderers.figure_years(DATA), code, "")
    assert years in notice.group(1)
    assert f'href="{DATA.source("bls-ooh").url}"' in notice.group(1)
    # Near the top: before the page's second heading.
    assert html.index("guide-notice") < [m.start() for m in re.finditer(r"<h2", html)][0]


@pytest.mark.parametrize("code", list(COUNTRY_SERVICES))
def test_home_page_points_to_the_readers_own_countrys_services(site, code):
    html = site.page(CONTRACT.prefix(code), "").read_text(encoding="utf-8")
    section = re.search(r'<h2 id="your-country">.*?(?=<h2|</article>)', html, re.S)
    assert section, f"/{code}/: no #your-country section"
    hosts = {re.sub(r"^www\.", "", m) for m in re.findall(r'href="https://([^/"]+)/?[^"]*"', section.group(0))}
    assert set(COUNTRY_SERVICES[code]) <= hosts, hosts


# -- Forms in the built pages ----------------------------------------------------

FORM_MARKER = re.compile(r"<!--\s*(figure|period)\s*:\s*([^|\s]+)\s*\|\s*([\w-]+)\s*-->")


def _form_markers():
    for page in sorted((REPO / "docs").glob("*/*.md")):
        for kind, entry, form in FORM_MARKER.findall(page.read_text(encoding="utf-8")):
            yield pytest.param(page, kind, entry, form, id=f"{page.parent.name}/{page.stem}:{entry}|{form}")


@pytest.mark.parametrize("page, kind, entry, form", list(_form_markers()))
def test_a_marker_with_a_form_shows_that_form_on_the_page(site, page, kind, entry, form):
    import renderers
    from html_pages import main_text

    code = page.parent.name
    ctx = renderers.Context(data=DATA, language=code, sources_href="")
    expected = getattr(renderers, kind)(ctx, entry, form)
    built = site.page(CONTRACT.prefix(code), "" if page.stem == "index" else f"{page.stem}/")
    assert expected in main_text(built)

