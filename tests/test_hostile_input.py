"""Markup and Markdown typed into the data file or front matter reach readers as text.

A copy of the project gets a hostile tail on every text the site renders from its
inputs: every page's front-matter `title` and `description`, every translated text of
the data file (labels, the 404 page's labels, source names, what each source supplies,
the occupation and industry names) and every source's publisher. Every built file a
browser reads as markup (every page, the not-found pages, the /go/ pages, the search
indexes, whose titles Material shows as HTML, the sitemap) must carry it escaped: no
script element, no image with an error handler, no attribute broken by a quote, no
`javascript:` link made from Markdown.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

import nginx_site
from conftest import build_project, copy_project, load_contract

CONTRACT = load_contract()
CODES = set(CONTRACT.codes)
HOSTILE = ' "><script>alert(1)</script><img src=x onerror=alert(2)> Tom & "Jerry" [click me](javascript:alert(3))'
# What must never be found raw in a file a browser reads as markup.
RAW = ("<script>alert", "<img src=x")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _hostile_front_matter(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else {}
    meta["title"] = "Title" + HOSTILE
    meta["description"] = (meta.get("description") or "Description") + HOSTILE
    body = text[match.end():] if match else text
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    page.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


# Chart labels (industries, experience bands, percentile rows) are at most 60
# characters; they get a shorter tail of the same kinds.
SHORT_HOSTILE = '"><script>alert(1)</script>[m](javascript:alert(3))'
SHORT_FIELDS = {"label", "percentile_row", "median_row"}
LONGEST = 300  # the data file's limit for any value


def _with_tail(value: str, key: str) -> str:
    tail = SHORT_HOSTILE if key in SHORT_FIELDS else HOSTILE
    limit = 60 if key in SHORT_FIELDS else LONGEST
    if len(value) + len(tail) <= limit:
        return value + tail
    # Too long with the tail: keep the label's placeholders, which the build requires.
    return " ".join(re.findall(r"\{\w+\}", value) + [tail])


def _hostile_data(node, key: str = ""):
    """Every translated text ({en: ..., ko: ...}) and every publisher's names, with the tail."""
    if isinstance(node, dict):
        if node and set(node) <= CODES and all(isinstance(value, str) for value in node.values()):
            return {code: _with_tail(value, key) for code, value in node.items()}
        return {name: _hostile_data(value, name) for name, value in node.items()}
    if isinstance(node, list):
        return [_hostile_data(item, key) for item in node]
    return node


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for page in sorted((project / "docs").rglob("*.md")):
        _hostile_front_matter(page)
    data_file = project / "data" / "figures.yml"
    data = _hostile_data(yaml.safe_load(data_file.read_text(encoding="utf-8")))
    for entry in data["publishers"] + data["sources"]:
        for field in ("name", "short"):
            if isinstance(entry.get(field), str):
                entry[field] = entry[field][:80] + HOSTILE
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    site = project / "site"
    build_project(project, site)
    return site


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of every executable script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        self._in_script = tag == "script" and attributes.get("type", "") in ("", "text/javascript", "module")
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _name(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def test_the_hostile_text_reaches_the_pages_escaped(hostile_site):
    """The test is not vacuous: the text is there, as text, on the 404 page and in the head."""
    not_found = (hostile_site / "ko" / "404.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in not_found
    salary = (hostile_site / "ko" / "salary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="[^"]*&lt;script&gt;alert\(1\)', salary)
    assert re.search(r"<title>Title &#34;&gt;&lt;script&gt;|<title>Title &quot;&gt;&lt;script&gt;", salary)
    assert (hostile_site / "go" / "skills" / "index.html").is_file()


def test_no_page_carries_raw_markup_from_the_inputs(hostile_site):
    found = {
        _name(hostile_site, page): [raw for raw in RAW if raw in page.read_text(encoding="utf-8")]
        for page in _pages(hostile_site)
    }
    assert {page: raws for page, raws in found.items() if raws} == {}


def test_no_page_runs_or_loads_what_the_inputs_say(hostile_site):
    problems: dict[str, list[str]] = {}
    for page in _pages(hostile_site):
        elements = _Elements()
        elements.feed(page.read_text(encoding="utf-8"))
        found = [f"<script>{script[:60]}" for script in elements.scripts if "alert(" in script]
        for tag, attributes in elements.tags:
            if tag == "img" and attributes.get("src") == "x":
                found.append("<img src=x>")
            found += [f"<{tag} {name}=...>" for name in attributes if name.startswith("on")]
            # A quote that ends an attribute early leaves words of the text as attribute names.
            found += [f"<{tag} {name}>" for name in attributes if not re.fullmatch(r"[a-z][a-z0-9_:.-]*", name)]
            found += [f"<{tag} {name}>" for name in attributes if name in ("jerry", "tom", "[click")]
        if found:
            problems[_name(hostile_site, page)] = found
    assert problems == {}


def test_markdown_in_the_inputs_is_not_interpreted(hostile_site):
    """`[click me](javascript:...)` in a source name or label stays text, never a link."""
    links = {
        _name(hostile_site, page): re.findall(r"""href\s*=\s*["']?\s*javascript:[^"'>]*""", page.read_text(encoding="utf-8"), re.I)
        for page in _pages(hostile_site)
    }
    assert {page: found for page, found in links.items() if found} == {}


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def test_search_indexes_hold_no_markup_from_the_inputs(hostile_site):
    """Material shows the index's titles and texts as HTML."""
    indexes = sorted(hostile_site.rglob("search_index.json"))
    assert len(indexes) == len(CODES)
    found = {}
    for index in indexes:
        strings = list(_strings(json.loads(index.read_text(encoding="utf-8"))))
        bad = [s[:80] for s in strings if any(raw in s for raw in RAW) or re.search(r"href\s*=\s*[\"']?javascript:", s, re.I)]
        if bad:
            found[_name(hostile_site, index)] = bad[:3]
    assert found == {}


def test_sitemap_is_well_formed_and_holds_no_markup(hostile_site):
    sitemap = (hostile_site / "sitemap.xml").read_text(encoding="utf-8")
    ElementTree.fromstring(sitemap)
    assert not [raw for raw in RAW if raw in sitemap]


def test_the_hosting_policy_finds_no_script_but_the_shipped_ones(hostile_site):
    """Rendering the nginx configuration fails on any inline script the project does
    not ship (hosting/nginx_site.py); the hostile inputs added none."""
    assert nginx_site.inline_script_hashes(hostile_site)
