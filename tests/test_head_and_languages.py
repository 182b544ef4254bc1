"""Canonical and hreflang URLs, sitemap alternates, not-found pages, permalinks
and one search index per language, checked on the real build."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import REPO, is_share_page, load_contract
from html_pages import read_page

CONTRACT = load_contract()
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is unset
LUNR = {"en": ["en"], "nl": ["nl"], "fi": ["fi"], "ko": ["ko"], "nb": ["no"]}


def built_pages(site):
    return sorted(
        p for p in site.root.rglob("index.html")
        if "go" not in p.relative_to(site.root).parts[:1] and not is_share_page(p.relative_to(site.root))
    )


def site_path(site, page) -> str:
    path = str(page.relative_to(site.root).parent)
    return "" if path == "." else path + "/"


def test_every_page_has_a_self_referencing_canonical_and_all_alternates(site):
    pages = built_pages(site)
    assert len(pages) >= len(CONTRACT.codes) * 9
    for page in pages:
        path = site_path(site, page)
        language = CONTRACT.language_of(path)
        in_language = path[len(CONTRACT.prefix(language)):]
        links = read_page(page).head_links
        canonical = [link["href"] for link in links if link.get("rel") == "canonical"]
        assert canonical == [SITE_URL + path], path
        alternates = {link["hreflang"]: link["href"] for link in links if link.get("rel") == "alternate" and "hreflang" in link}
        expected = {code: SITE_URL + CONTRACT.prefix(code) + in_language for code in CONTRACT.codes}
        expected["x-default"] = SITE_URL + in_language
        assert alternates == expected, path


def test_sitemap_alternates_include_x_default(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>.*?</url>", sitemap, re.S)
    assert urls
    for url in urls:
        hreflangs = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', url)
        langs = dict(hreflangs)
        assert set(langs) == set(CONTRACT.codes) | {"x-default"}, url
        assert langs["x-default"] == langs[CONTRACT.root_code]
    assert "/go/" not in sitemap


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_not_found_page_in_each_language(site, code):
    data = yaml.safe_load((REPO / "data" / "figures.yml").read_text(encoding="utf-8"))
    page = site.root / CONTRACT.prefix(code) / "404.html"
    html = page.read_text(encoding="utf-8")
    assert read_page(page).html_lang == code
    assert f"<h1>{data['labels']['not_found_title'][code]}</h1>" in html
    # Absolute link home: the page is served at whatever address was missing.
    assert f'href="/{CONTRACT.prefix(code)}">{data["labels"]["not_found_home"][code]}</a>' in html


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_one_search_index_per_language(site, code):
    index = json.loads((site.root / CONTRACT.prefix(code) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == LUNR[code]
    locations = [doc["location"] for doc in index["docs"]]
    assert "skills/#empathy" in locations
    others = [CONTRACT.prefix(c) for c in CONTRACT.codes if CONTRACT.prefix(c)]
    assert not [loc for loc in locations if any(loc.startswith(p) for p in others)]
    titles = " ".join(doc["title"] for doc in index["docs"])
    html_lang_page = read_page(site.page(CONTRACT.prefix(code), "skills/"))
    assert html_lang_page.html_lang == code and titles


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_every_heading_permalink_is_named_in_the_page_language(site, code):
    data = yaml.safe_load((REPO / "data" / "figures.yml").read_text(encoding="utf-8"))
    prefix_text = data["labels"]["permalink"][code].split("{heading}")[0]
    for path in CONTRACT.pages:
        page = site.page(CONTRACT.prefix(code), path)
        if not page.exists():
            continue
        collected = read_page(page)
        assert collected.permalinks, path
        for link in collected.permalinks:
            assert link["aria-label"].startswith(prefix_text) and len(link["aria-label"]) > len(prefix_text), link
        linked = {link["href"].lstrip("#") for link in collected.permalinks}
        assert set(CONTRACT.pages[path]) <= linked, path
