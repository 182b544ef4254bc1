"""Every built page describes itself to search engines and link previews.

Reads the real built HTML: meta description, Open Graph and Twitter tags, the
salary pages' schema.org Occupation JSON-LD, and robots.txt.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

import formatting
from conftest import REPO, build_project, copy_project, is_share_page, load_contract
from guide_data import load_guide_data
from html_pages import main_text

CONTRACT = load_contract()
CONFIG = load_config(str(REPO / "mkdocs.yml"))
SITE_URL = CONFIG.site_url
DATA = load_guide_data(REPO / "data" / "figures.yml")
OG_LOCALE = {"en": "en_US", "nl": "nl_NL", "fi": "fi_FI", "ko": "ko_KR", "nb": "nb_NO"}


def site_names() -> dict[str, str]:
    i18n = CONFIG.plugins["i18n"].config
    return {lang.locale: lang.site_name or CONFIG.site_name for lang in i18n.languages}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.h1 = ""
        self.json_ld: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "meta" and "content" in attributes:
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta.setdefault(key, []).append(attributes["content"])
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes.get("href")
        elif tag == "h1" and not self.h1:
            self._in = "h1"
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in = "ld"
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if (tag, self._in) in {("h1", "h1"), ("script", "ld")}:
            self._in = None

    def handle_data(self, data):
        if self._in == "h1":
            self.h1 += data
        elif self._in == "ld":
            self.json_ld[-1] += data

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: expected one tag, found {values}"
        return values[0]


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(root: Path) -> list[Path]:
    """Every page a search engine may index: all HTML but the noindex /go/ redirects."""
    return sorted(
        page for page in root.rglob("*.html")
        if page.relative_to(root).parts[0] != "go" and not is_share_page(page.relative_to(root))
    )


def content_pages(root: Path) -> list[Path]:
    """The guide's pages; /go/ redirects and section share pages are checked on their own
    (tests/test_go_links.py, tests/test_previews.py)."""
    return sorted(
        page for page in root.rglob("index.html")
        if page.relative_to(root).parts[0] != "go" and not is_share_page(page.relative_to(root))
    )


def site_path(site, page: Path) -> str:
    """The page's URL path relative to the site root: "ko/salary/"."""
    relative = page.parent.relative_to(site.root).as_posix()
    return "" if relative == "." else relative + "/"


# -- Meta description ---------------------------------------------------------


def test_every_page_has_its_own_description_in_its_language(site):
    pages = html_pages(site.root)
    assert len(pages) > len(CONTRACT.codes), "the site has (almost) no pages"
    descriptions = {}
    for page in pages:
        parsed = head(page)
        description = parsed.one("description").strip()
        assert description, f"{page}: empty description"
        if parsed.lang != CONTRACT.root_code:
            assert description != CONFIG.site_description, f"{page} ({parsed.lang}) has the English default"
        descriptions[page.relative_to(site.root).as_posix()] = description
    repeated = {text: n for text, n in Counter(descriptions.values()).items() if n > 1}
    assert not repeated, f"descriptions shared by several pages: {repeated}"


@pytest.mark.parametrize(
    "source", sorted((REPO / "docs").rglob("*.md")), ids=lambda p: str(p.relative_to(REPO / "docs"))
)
def test_the_front_matter_description_reaches_the_page(site, source):
    """A front matter MkDocs cannot parse is dropped silently (and shown as text)."""
    text = source.read_text(encoding="utf-8")
    front_matter = get_data(text)[1]
    assert front_matter.get("description"), f"{source}: no description, or front matter that is not valid YAML"
    code, name = source.relative_to(REPO / "docs").parts[0], source.stem
    page = site.page(CONTRACT.prefix(code), "" if name == "index" else f"{name}/")
    assert head(page).one("description") == front_matter["description"]
    assert "description:" not in main_text(page)


# -- Open Graph and Twitter ---------------------------------------------------


def test_open_graph_and_twitter_tags_on_every_page_of_every_language(site):
    names = site_names()
    pages = content_pages(site.root)
    checked = Counter()
    for page in pages:
        path = site_path(site, page)
        code = CONTRACT.language_of(path)
        parsed = head(page)
        where = f"/{path}"
        assert parsed.lang == code, where
        url = SITE_URL + path
        assert parsed.canonical == url, where
        assert parsed.one("og:url") == url, where
        assert parsed.one("og:type") == "website", where
        assert parsed.one("og:site_name") == names[code], where
        assert parsed.one("og:title") == parsed.h1.replace("¶", "").strip(), where  # less the permalink sign
        assert parsed.one("og:description") == parsed.one("description"), where
        assert parsed.one("og:locale") == OG_LOCALE[code], where
        alternates = parsed.meta.get("og:locale:alternate", [])
        assert sorted(alternates) == sorted(v for k, v in OG_LOCALE.items() if k != code), where
        assert parsed.one("twitter:card") == "summary_large_image", where  # with its image: tests/test_previews.py
        assert parsed.one("twitter:title") == parsed.one("og:title"), where
        assert parsed.one("twitter:description") == parsed.one("description"), where
        checked[code] += 1
    expected = len([p for p in CONTRACT.pages if p != "link-to-this-guide/"])
    assert all(checked[code] >= expected for code in CONTRACT.codes), checked


def test_og_urls_are_fully_qualified_and_distinct(site):
    urls = [head(page).one("og:url") for page in content_pages(site.root)]
    assert all(url.startswith(("http://", "https://")) for url in urls), urls
    assert len(set(urls)) == len(urls)


# -- JSON-LD on the salary pages ----------------------------------------------


def salary_json_ld(site, code: str) -> tuple[dict, str, Path]:
    page = site.page(CONTRACT.prefix(code), "salary/")
    scripts = head(page).json_ld
    assert len(scripts) == 1, f"/{CONTRACT.prefix(code)}salary/: {len(scripts)} JSON-LD scripts"
    return json.loads(scripts[0]), scripts[0], page


def _amount(value) -> Decimal:
    assert isinstance(value, (int, float)) and not isinstance(value, bool), value
    return Decimal(str(value))


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_salary_page_describes_the_occupation(site, code):
    ld, raw, _ = salary_json_ld(site, code)
    assert ld["@context"] == "https://schema.org"
    assert ld["@type"] == "Occupation"
    assert ld["name"] == DATA.occupation.name[code]
    assert ld["description"] == DATA.occupation.description[code]
    # The place is named in the page's language.
    country = {"en": "United States", "nl": "Verenigde Staten", "fi": "Yhdysvallat", "ko": "미국", "nb": "USA"}
    assert ld["occupationLocation"] == {"@type": "Country", "name": country[code]}
    categories = {
        (c["@type"], c["inCodeSet"]["@type"], c["inCodeSet"]["name"], c["codeValue"])
        for c in ld["occupationalCategory"]
    }
    assert categories == {
        ("CategoryCode", "CategoryCodeSet", "O*NET-SOC", "43-4051.00"),
        ("CategoryCode", "CategoryCodeSet", "ISCO-08", "4222"),
    }
    assert {(c.code_set, c.code) for c in DATA.occupation.codes} == {(c[2], c[3]) for c in categories}
    assert "</" not in raw and "<!--" not in raw


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_salary_estimate_is_the_data_files_figures_shown_on_the_page(site, code):
    ld, _, page = salary_json_ld(site, code)
    by_unit = {d["unitText"]: d for d in ld["estimatedSalary"]}
    assert all(d["@type"] == "MonetaryAmountDistribution" for d in by_unit.values())
    assert set(by_unit) == {"HOUR", "YEAR"}
    hourly, annual = by_unit["HOUR"], by_unit["YEAR"]
    pset = next(p for p in DATA.pay_percentiles if p.id == "bls-2017-hourly")
    median = DATA.median_pay
    assert hourly["currency"] == annual["currency"] == DATA.currency == "USD"
    assert {k: _amount(v) for k, v in hourly.items() if k.startswith(("median", "percentile"))} == {
        "percentile10": pset.values[10],
        "median": median.hourly,
        "percentile90": pset.values[90],
    }
    assert {k: _amount(v) for k, v in annual.items() if k.startswith(("median", "percentile"))} == {
        "median": median.annual
    }
    text = main_text(page)
    for distribution in by_unit.values():
        for key, value in distribution.items():
            if key.startswith(("median", "percentile")):
                # In running text or in a table, each in its own form.
                shown = [formatting.money(_amount(value), "USD", code, style) for style in ("prose", "compact")]
                assert any(form in text for form in shown), f"/{CONTRACT.prefix(code)}salary/: {key} {shown} is not on the page"


def test_only_the_salary_pages_carry_json_ld(site):
    carrying = sorted(site_path(site, p) for p in content_pages(site.root) if head(p).json_ld)
    assert carrying == sorted(f"{CONTRACT.prefix(code)}salary/" for code in CONTRACT.codes)


def test_json_ld_stays_inside_its_script(tmp_path):
    """Text from the data file cannot close the script element or open a comment."""
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "figures.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    hostile = '</script><script>alert(1)</script><!-- "&'
    data["occupation"]["name"]["en"] = hostile
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert build_project(project, tmp_path / "site") == []
    page = tmp_path / "site" / "salary" / "index.html"
    assert "<script>alert(1)" not in page.read_text(encoding="utf-8")
    scripts = head(page).json_ld
    assert len(scripts) == 1
    assert json.loads(scripts[0])["name"] == hostile


# -- robots.txt ---------------------------------------------------------------


def test_robots_txt_names_the_absolute_sitemap_once_at_the_root(site):
    robots = (site.root / "robots.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in robots.splitlines()]
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert not [line for line in lines if line.lower().startswith("disallow:") and line[len("disallow:") :].strip()]
    assert (site.root / "sitemap.xml").is_file()
    assert sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("robots.txt")) == ["robots.txt"]
