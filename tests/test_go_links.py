"""Language-neutral links: a /go/ page for every page of the link contract."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import SHARED_CONTRACT_FILE, REPO, build_project, copy_project, load_contract
from html_pages import read_page
from html_tree import parse

CONTRACT = load_contract()
PAGES = list(CONTRACT.pages)
# Every promised URL: each page, then each of its anchors.
URLS = [(path, "") for path in PAGES] + [(path, anchor) for path in PAGES for anchor in CONTRACT.pages[path]]
BASE = "http://example.test/"


def _id(path: str, anchor: str = "") -> str:
    return f"/{path}#{anchor}" if anchor else f"/{path}"


def go_page(site, path: str):
    return site.root / "go" / path / "index.html"


@pytest.mark.skipif(not SHARED_CONTRACT_FILE.exists(), reason="no ../shared beside this clone")
def test_the_data_copy_of_the_contract_matches_the_shared_one():
    shared = yaml.safe_load(SHARED_CONTRACT_FILE.read_text(encoding="utf-8"))
    copy = yaml.safe_load((REPO / "data" / "link-contract.yml").read_text(encoding="utf-8"))
    assert copy["languages"] == shared["languages"]
    assert copy["pages"] == shared["pages"]


@pytest.mark.parametrize("path, anchor", URLS, ids=[_id(*url) for url in URLS])
def test_go_page_links_to_the_section_in_every_language(site, path, anchor):
    """The links a reader without JavaScript gets lead to pages that have the anchor."""
    go = go_page(site, path)
    assert go.is_file(), f"no /go/{path}"
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in parse(go).find("main").find_all("a")}
    assert list(links) == CONTRACT.codes
    for code, href in links.items():
        expected = BASE + CONTRACT.prefix(code) + path
        assert urljoin(f"{BASE}go/{path}", href) == expected, (code, href)
        target = site.page(CONTRACT.prefix(code), path)
        assert target.is_file(), expected
        if anchor:
            assert anchor in read_page(target).heading_ids, f"{expected}#{anchor}"


@pytest.mark.parametrize("path", PAGES, ids=[_id(path) for path in PAGES])
def test_go_page_script_targets_match_its_links(site, path):
    html = go_page(site, path).read_text(encoding="utf-8")
    tree = parse(go_page(site, path))
    (block,) = [script for script in tree.find_all("script") if script.attrs.get("id") == "go-targets"]
    assert block.attrs["type"] == "application/json"
    data = json.loads(block.text)
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in tree.find("main").find_all("a")}
    assert data["targets"] == links
    assert data["aliases"] == {"no": "nb", "nn": "nb"}
    assert data["fallback"] == CONTRACT.root_code
    assert "location.replace(" in html and "navigator.languages" in html and "location.hash" in html


def test_every_go_page_runs_the_same_script(site):
    """One script for all: a Content-Security-Policy allows it with one hash."""
    scripts = {
        script.text
        for path in PAGES
        for script in parse(go_page(site, path)).find_all("script")
        if "type" not in script.attrs
    }
    assert len(scripts) == 1, scripts


@pytest.mark.parametrize("path", PAGES, ids=[_id(path) for path in PAGES])
def test_go_page_is_accessible_noindex_and_self_contained(site, path):
    tree = parse(go_page(site, path))
    assert tree.find("html").attrs.get("lang") == "en"
    assert tree.find("title").text
    assert len(tree.find_all("h1")) == 1 and tree.find("h1").text
    assert tree.find_all("meta", name="robots") and tree.find("meta", name="robots").attrs["content"] == "noindex"
    assert not tree.find_all("link", rel="canonical")
    for element in tree.iter():
        for attribute in ("src", "href"):
            value = element.attrs.get(attribute, "")
            assert not urlsplit(value).netloc, f"external request: <{element.tag} {attribute}={value!r}>"
        assert "src" not in element.attrs, f"<{element.tag}> loads a file"
    for link in tree.find("main").find_all("a"):
        assert link.attrs["lang"] == link.attrs["hreflang"] and link.text


def test_go_pages_stay_out_of_the_sitemap_and_the_search_index(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "/skills/" in sitemap and "/go/" not in sitemap
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert "skills/#empathy" in locations
    assert not [location for location in locations if location.startswith("go/")]


def test_every_go_page_is_written_once_and_nothing_else_under_go(site):
    written = sorted(str(p.relative_to(site.root / "go")) for p in (site.root / "go").rglob("*") if p.is_file())
    assert written == sorted(f"{path}index.html" for path in PAGES)


def test_a_promised_anchor_missing_from_a_page_stops_the_build(tmp_path, caplog):
    """The build reads data/link-contract.yml and refuses to publish a broken promise."""
    project = copy_project(tmp_path / "project")
    contract_copy = project / "data" / "link-contract.yml"
    raw = yaml.safe_load(contract_copy.read_text(encoding="utf-8"))
    raw["pages"]["skills/"].append("no-such-section")
    contract_copy.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_project(project, tmp_path / "site")
    assert "en/skills.md: no heading with id no-such-section (promised by the link contract)" in caplog.text


def _drop_last_language(languages: list[dict]) -> str:
    languages.pop()
    return "the contract promises en, fi, ko, nl, mkdocs.yml builds en, fi, ko, nb, nl; they must be the same"


def _move_the_root(languages: list[dict]) -> str:
    for language in languages:
        language["root"] = language["code"] == "nl"
    return "root is nl, but the default language in mkdocs.yml is en; they must be the same"


@pytest.mark.parametrize("spoil", [_drop_last_language, _move_the_root])
def test_contract_languages_that_differ_from_the_site_stop_the_build(tmp_path, caplog, spoil):
    """A contract with other languages or another root would promise URLs the site lacks."""
    project = copy_project(tmp_path / "project")
    contract_copy = project / "data" / "link-contract.yml"
    raw = yaml.safe_load(contract_copy.read_text(encoding="utf-8"))
    message = spoil(raw["languages"])
    contract_copy.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_project(project, tmp_path / "site")
    assert f"link-contract.yml: languages: {message}" in caplog.text
