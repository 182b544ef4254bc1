"""Nothing a page loads comes from another host: no font service, CDN or tracker.

A reader's browser asks only the site's own origin for fonts, styles, scripts,
images and the search index. The browser test visits every built page in every
language, as it loads and once the reader's first scroll has started Material's
script and search; the file test catches what a desktop Chromium would not load (other
media, other viewports); the last test shows the guard notices a font host.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from browser_checks import OffsiteGuard, built_pages
from material_start import start_material
from conftest import build_project, copy_project

# Attributes through which HTML makes the browser fetch something by itself.
FETCHING = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}
# <link> relations that only name another address and fetch nothing.
NAMING_RELATIONS = {"canonical", "alternate", "prev", "next", "author", "license", "me"}
OFFSITE = re.compile(r"^\s*(https?:)?//", re.I)
GO = "go/"
CSS_OFFSITE = re.compile(r"""(url\(\s*['"]?|@import\s+['"])\s*(https?:)?//""", re.I)


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.offsite: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and set((attributes.get("rel") or "").split()) <= NAMING_RELATIONS:
            return
        for name, value in attributes.items():
            if (tag, name) in FETCHING and value and OFFSITE.match(value):
                self.offsite.append(f"<{tag} {name}={value!r}>")
            if name == "style" and value and CSS_OFFSITE.search(value):
                self.offsite.append(f"<{tag} style={value!r}>")


def test_built_files_fetch_nothing_from_another_host(site):
    problems = []
    for page in sorted(site.root.rglob("*.html")):
        parser = _Fetches()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site.root)}: {fetch}" for fetch in parser.offsite]
    for sheet in sorted(site.root.rglob("*.css")):
        if CSS_OFFSITE.search(sheet.read_text(encoding="utf-8")):
            problems.append(f"{sheet.relative_to(site.root)}: url() or @import from another host")
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_no_page_requests_another_host(browser, site, base_url, contract):
    pages = built_pages(site.root)
    with browser.new_context() as context:
        guard = OffsiteGuard(context, base_url)
        tab = context.new_page()
        for path in pages:
            tab.goto(base_url + path, wait_until="networkidle")
            assert guard.blocked == [], f"/{path} requested {guard.blocked}"
            if path.startswith(GO):
                continue  # a /go/ page only sends the reader on
            # The reader's first scroll starts Material, its search worker and its
            # index and language files.
            start_material(tab)
            assert guard.blocked == [], f"/{path}, Material running, requested {guard.blocked}"
    # The guard saw the worker's requests as well as the page's.
    assert any(url.endswith("/search/search_index.json") for url in guard.allowed)
    assert any(re.search(r"/lunr\.\w+\.min\.js$", url) for url in guard.allowed)
    assert all(contract.prefix(code) in pages for code in contract.codes)


@pytest.mark.browser
def test_the_guard_catches_a_font_host(browser, tmp_path):
    """With Material's default Google Fonts switched back on, the guard notices."""
    from browser import serve

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  font: false\n" in text
    config.write_text(text.replace("\n  font: false\n", "\n  font:\n    text: Roboto\n"), encoding="utf-8")
    build_project(project, tmp_path / "site")
    with serve(tmp_path / "site") as url:
        with browser.new_context() as context:
            guard = OffsiteGuard(context, url)
            context.new_page().goto(url, wait_until="load")
    assert any("fonts.googleapis.com" in blocked for blocked in guard.blocked), guard.blocked
