"""The site works when published under a sub-path (GitHub Pages: /<repository>/).

The site is built with SITE_URL=http://127.0.0.1:<port>/career-guide/ (publishing
sets it the same way) and nginx serves the folder above it, so the site appears
under /career-guide/ only. In Chromium every page must load all its stylesheets and
scripts, and every link and address it names on this host must stay under
/career-guide/ and resolve, #section included.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

import nginx_site
from conftest import REPO, build_project, is_share_page, load_contract

pytestmark = pytest.mark.browser
CONTRACT = load_contract()
SUBPATH = "/career-guide/"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """(base URL, built site folder) of a build published under SUBPATH."""
    port = nginx_site.free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    parent = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", url)
        warnings = build_project(REPO, parent / SUBPATH.strip("/"))
    assert warnings == []
    with nginx_site.running(parent, base=SUBPATH, port=port) as served:
        assert served == url
        yield url, parent / SUBPATH.strip("/")


def _pages(site_dir) -> list[str]:
    """The guide's pages; the /go/ pages redirect and are checked on their own."""
    return sorted(
        "" if index.parent == site_dir else index.parent.relative_to(site_dir).as_posix() + "/"
        for index in site_dir.rglob("index.html")
        if index.relative_to(site_dir).parts[0] != "go" and not is_share_page(index.relative_to(site_dir))
    )


def test_go_links_stay_under_the_sub_path(published, browser):
    base_url, _ = published
    with browser.new_context(locale="fi-FI") as context:
        tab = context.new_page()
        tab.goto(base_url + "go/skills/#empathy")
        tab.wait_for_url(base_url + "fi/skills/#empathy")


class _Fetcher:
    """GETs each address once; remembers status and body."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[int, str]] = {}

    def __call__(self, url: str) -> tuple[int, str]:
        if url not in self.seen:
            try:
                with urllib.request.urlopen(url) as response:
                    self.seen[url] = (response.status, response.read().decode("utf-8", "replace"))
            except urllib.error.HTTPError as error:
                self.seen[url] = (error.code, "")
        return self.seen[url]


def test_every_page_loads_its_assets_and_links_resolve(published, page):
    base_url, site_dir = published
    origin = base_url[: -len(SUBPATH) + 1]
    broken: list[str] = []
    page.on("response", lambda response: response.status >= 400 and broken.append(f"{response.status} {response.url}"))
    page.on("requestfailed", lambda request: broken.append(f"failed {request.url}"))
    fetch = _Fetcher()
    pages = _pages(site_dir)
    assert len(pages) >= 40

    for path in pages:
        response = page.goto(base_url + path, wait_until="networkidle")
        assert response.status == 200, path
        assert page.locator("link[rel=canonical]").get_attribute("href") == base_url + path
        assert page.evaluate("document.styleSheets.length") >= 2, f"/{path}: stylesheets missing"
        addresses = page.eval_on_selector_all(
            "a[href], link[href], script[src]", "nodes => nodes.map(n => n.href || n.src)"
        )
        for address in addresses:
            if not address.startswith(origin):
                continue  # sources on other sites
            if not address.startswith(base_url):
                broken.append(f"/{path}: {address} leaves {SUBPATH}")
                continue
            target, _, fragment = address.partition("#")
            if target.startswith(base_url + "go/"):
                # A /go/ page passes the fragment on to the default language's page.
                fetch_target = base_url + target[len(base_url + "go/"):]
                if fetch(target)[0] != 200:
                    broken.append(f"/{path}: {fetch(target)[0]} {address}")
                target = fetch_target
            status, body = fetch(target)
            if status != 200:
                broken.append(f"/{path}: {status} {address}")
            elif fragment and not re.search(rf'\sid="{re.escape(urllib.parse.unquote(fragment))}"', body):
                broken.append(f"/{path}: no #{fragment} on {target}")

    assert broken == []


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_not_found_page_keeps_its_styles_under_the_sub_path(published, page, code):
    base_url, site_dir = published
    prefix = CONTRACT.prefix(code)
    loaded: list[str] = []
    broken: list[str] = []
    page.on("response", lambda response: loaded.append(response.url) if response.status < 400 else broken.append(response.url))
    response = page.goto(base_url + prefix + "no-such-page/", wait_until="networkidle")
    assert response.status == 404
    assert broken == [base_url + prefix + "no-such-page/"]
    assert any(re.search(r"/career-guide/assets/stylesheets/main\.[0-9a-f]+\.min\.css$", url) for url in loaded)


def test_sitemap_lists_addresses_under_the_sub_path(published):
    base_url, site_dir = published
    locations = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(location.startswith(base_url) for location in locations)
