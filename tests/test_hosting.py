"""The built site served by nginx with the repository's configuration (hosting/nginx/).

Every page answers, a missing page gets the not-found page in its language,
responses are compressed, fingerprinted assets are cached for a year and pages are
revalidated, every response carries the security headers, and Chromium reports no
Content-Security-Policy violation on any page.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import nginx_site
from conftest import REPO, is_share_page, load_contract
from material_start import start_material

CONTRACT = load_contract()
YEAR = "public, max-age=31536000, immutable"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(css|js)$")
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy")


@pytest.fixture(scope="module")
def nginx_url(site):
    if not Path(nginx_site.NGINX).exists():
        pytest.fail(f"{nginx_site.NGINX} is missing: run `make test` (it installs Debian's nginx-light)")
    with nginx_site.running(site.root) as url:
        yield url


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, gzip: bool = False):
    """(status, headers, body), as the server answered: no redirect followed, no exception."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        with _OPENER.open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_paths(root: Path) -> list[str]:
    """URL paths of every built page ("", "salary/", "ko/salary/", ...)."""
    paths = []
    for index in sorted(root.rglob("index.html")):
        path = index.parent.relative_to(root).as_posix()
        paths.append("" if path == "." else path + "/")
    return paths


def test_every_page_answers(site, nginx_url):
    paths = page_paths(site.root)
    assert {CONTRACT.prefix(code) + path for code in CONTRACT.codes for path in ("", "salary/")} <= set(paths)
    statuses = {path: fetch(nginx_url + path)[0] for path in paths}
    assert {path: status for path, status in statuses.items() if status != 200} == {}


def test_directory_without_slash_redirects_relatively(nginx_url):
    status, headers, _ = fetch(nginx_url + "ko/salary")
    assert (status, headers["Location"]) == (301, "/ko/salary/")


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_missing_page_gets_the_not_found_page_in_its_language(site, nginx_url, code):
    prefix = CONTRACT.prefix(code)
    status, headers, body = fetch(nginx_url + prefix + "no-such-page/")
    assert status == 404
    assert re.search(rf'<html[^>]* lang="{code}"', body.decode("utf-8"))
    assert headers["Cache-Control"] == "no-cache"


def test_not_found_page_follows_the_language_folder(tmp_path):
    """The server's half of the promise, on a stand-in site with a 404 page per language."""
    for code in CONTRACT.codes:
        folder = tmp_path / CONTRACT.prefix(code)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(f'<html lang="{code}"><script>a()</script></html>', encoding="utf-8")
    # The stand-in's script is none the project ships: served, but not allowed.
    with nginx_site.running(tmp_path, block_unknown_scripts=True) as url:
        for code in CONTRACT.codes:
            for missing in ("no-such-page/", "deeper/still/missing.html"):
                status, _, body = fetch(url + CONTRACT.prefix(code) + missing)
                assert (status, body.decode()) == (404, f'<html lang="{code}"><script>a()</script></html>'), missing
        # A folder that merely starts like a language code is not that language.
        assert fetch(url + "nlx/page/")[2].decode().startswith(f'<html lang="{CONTRACT.root_code}"')


def test_pages_and_assets_are_compressed(site, nginx_url):
    assets = [p.relative_to(site.root).as_posix() for p in (site.root / "assets").rglob("*.min.*") if FINGERPRINTED.search(p.name)]
    for path in ["", "ko/salary/", "search/search_index.json", "sitemap.xml", *assets]:
        status, headers, body = fetch(nginx_url + path, gzip=True)
        assert (status, headers["Content-Encoding"]) == (200, "gzip"), path
        assert "Accept-Encoding" in headers["Vary"], path
        assert body[:2] == b"\x1f\x8b", path
        _, plain_headers, plain = fetch(nginx_url + path)
        assert plain_headers["Content-Encoding"] is None, path
        assert len(body) < len(plain) / 2, path


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("data/figures.csv", "text/csv; charset=utf-8"),
        ("data/figures.json", "application/json; charset=utf-8"),
        ("data/figures.schema.json", "application/json; charset=utf-8"),
    ],
)
def test_open_data_is_served_as_compressed_text(nginx_url, path, content_type):
    status, headers, body = fetch(nginx_url + path, gzip=True)
    assert (status, headers["Content-Type"], headers["Content-Encoding"]) == (200, content_type, "gzip")
    assert body[:2] == b"\x1f\x8b"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_inlined_script_sources_are_not_published(site, nginx_url):
    """The pages inline overrides/partials/*.js; their source files stay unpublished."""
    sources = sorted(p.name for p in (REPO / "overrides" / "partials").glob("*.js"))
    assert sources
    published = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*.js") if p.name in sources]
    assert published == []
    for name in sources:
        assert fetch(nginx_url + "partials/" + name)[0] == 404, name


def test_the_rewritten_bundle_is_named_after_its_content(site):
    """Cached for a year by name, so the name changes with every change of content."""
    bundles = list(site.root.glob("assets/javascripts/bundle.*.min.js"))
    assert len(bundles) == 1
    bundle = bundles[0]
    content = bundle.read_bytes()
    assert b'M("link[rel=alternate][data-md-language-root]")' in content
    assert bundle.name == f"bundle.{hashlib.sha256(content).hexdigest()[:8]}.min.js"
    named = {}
    for page in site.root.rglob("*.html"):
        for reference in re.findall(r"bundle\.[0-9a-f]{8,}\.min\.js", page.read_text(encoding="utf-8")):
            named.setdefault(reference, []).append(page.relative_to(site.root).as_posix())
    assert set(named) == {bundle.name}
    # /go/ and share pages only forward the reader: they load no script.
    pages = [
        p
        for p in site.root.rglob("*.html")
        if "/go/" not in f"/{p.relative_to(site.root).as_posix()}" and not is_share_page(p.relative_to(site.root))
    ]
    assert len(named[bundle.name]) == len(pages)


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_revalidated(site, nginx_url):
    assets = [p for p in (site.root / "assets").rglob("*") if FINGERPRINTED.search(p.name)]
    assert {p.suffix for p in assets} == {".js", ".css"}
    for asset in assets:
        _, headers, _ = fetch(nginx_url + asset.relative_to(site.root).as_posix())
        assert headers["Cache-Control"] == YEAR, asset.name
    # Files that keep their name from build to build must not be kept unasked.
    for path in ["", "nl/skills/", "assets/guide.css", "search/search_index.json", "assets/images/favicon.png"]:
        _, headers, _ = fetch(nginx_url + path)
        assert headers["Cache-Control"] == "no-cache", path


def test_security_headers_on_pages_assets_and_errors(nginx_url):
    pages = ["", "ko/skills/", "no-such-page/", "ko/no-such-page/"]
    for path in pages + ["assets/guide.css", "search/search_index.json"]:
        _, headers, _ = fetch(nginx_url + path)
        # Policies govern documents (and workers); every response gets the rest.
        expected = SECURITY_HEADERS if path in pages else ("X-Content-Type-Options", "Referrer-Policy")
        missing = [name for name in expected if not headers[name]]
        assert not missing, f"/{path}: no {missing}"
        if path not in pages:
            assert not headers["Content-Security-Policy"], f"/{path}: a policy on a non-document"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] in {"strict-origin-when-cross-origin", "no-referrer"}
        for feature in ("camera", "microphone", "geolocation"):
            if path in pages:
                assert f"{feature}=()" in headers["Permissions-Policy"]


def test_the_search_worker_carries_the_policy_and_other_scripts_do_not(site, nginx_url):
    """A worker takes its policy from its own script's response; a browser ignores
    the header on any other script, so there it would only cost bytes."""
    worker = next(site.root.glob("assets/javascripts/workers/search.*.min.js"))
    _, headers, _ = fetch(nginx_url + worker.relative_to(site.root).as_posix())
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    scripts = [next(site.root.glob("assets/javascripts/bundle.*.min.js")), site.root / "assets/javascripts/lunr/min/lunr.ko.min.js"]
    for script in scripts:
        _, headers, _ = fetch(nginx_url + script.relative_to(site.root).as_posix())
        assert not headers["Content-Security-Policy"], script.name


def test_content_security_policy_is_strict(nginx_url):
    _, headers, _ = fetch(nginx_url)
    policy = dict(
        (directive.split()[0], directive.split()[1:])
        for directive in headers["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["script-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:])


TABS_SCRIPT = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'


def test_only_runnable_inline_scripts_are_hashed(tmp_path):
    """Data blocks (JSON, JSON-LD) and external scripts need no hash; data-src is not src."""
    (tmp_path / "index.html").write_text(
        f'<script>{TABS_SCRIPT}</script><script id="c" type="application/json">{{}}</script>'
        '<script type="application/ld+json">{"@type": "Occupation"}</script><script src="x.js"></script>'
        f'<script data-src="y.js">{TABS_SCRIPT}</script><script type=" text/javascript ">{TABS_SCRIPT}</script>'
    )
    assert nginx_site.inline_script_hashes(tmp_path) == [nginx_site.csp_hash(TABS_SCRIPT)]


def test_the_policy_allows_what_the_project_ships(site):
    """Every allowed hash is one of the shipped scripts; every shipped script of the site's own is allowed."""
    exact, patterns = nginx_site.shipped_scripts()
    hashes = set(nginx_site.inline_script_hashes(site.root))
    own = {nginx_site.csp_hash(body) for body in exact}
    # The site's own scripts: the loader, language switcher, palette, copy buttons, /go/ redirect.
    assert len(own & hashes) >= 5
    scopes = {body for page in site.root.rglob("*.html") for body in nginx_site.inline_scripts(page.read_text(encoding="utf-8"))
              if any(pattern.fullmatch(body) for pattern in patterns)}
    assert hashes == (own & hashes) | {nginx_site.csp_hash(body) for body in scopes}


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        '<script type="module">alert(1)</script>',
        '<script TYPE="Text/JavaScript">alert(1)</script>',
        '<script data-x=" type=application/json">alert(1)</script>',
        '<script type="" type="application/json">alert(1)</script>',
        '<script>__md_scope=new URL("javascript:alert(1)",location)</script>',
        "<script>" + TABS_SCRIPT + ";alert(1)</script>",
    ],
)
def test_rendering_fails_on_a_script_the_project_does_not_ship(site, tmp_path, script):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    page = copy / "ko" / "skills" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8")
    with pytest.raises(nginx_site.UnknownInlineScripts, match=r"ko/skills/index\.html"):
        nginx_site.render(tmp_path / "nginx", copy, nginx_site.free_port())
    assert nginx_site.main([str(copy), "--render", str(tmp_path / "nginx")]) == 1


@pytest.mark.browser
def test_the_browser_refuses_an_injected_script(site, tmp_path, page):
    """Served anyway (an explicit opt-in), an injected inline script is refused by Chromium."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    target = copy / "ko" / "skills" / "index.html"
    injected = "<script>document.documentElement.dataset.injected = 'ran'</script>"
    target.write_text(target.read_text(encoding="utf-8").replace("</body>", injected + "</body>"), encoding="utf-8")
    problems = _watch(page)
    with nginx_site.running(copy, block_unknown_scripts=True) as url:
        page.goto(url + "ko/skills/", wait_until="networkidle")
        violations = page.evaluate("window.__violations")
        ran = page.evaluate("document.documentElement.dataset.injected")
    assert ran is None
    assert [v for v in violations if v.startswith("script-src")] and "inline" in violations[0]
    assert any("Content Security Policy" in problem for problem in problems)


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    # A 404 page logs its own status as an error; only policy reports count here.
    page.on("console", lambda message: "Content Security Policy" in message.text and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("code", CONTRACT.codes)
def test_no_content_security_policy_violation_in_chromium(site, nginx_url, page, code):
    problems = _watch(page)
    prefix = CONTRACT.prefix(code)
    paths = [path for path in page_paths(site.root) if CONTRACT.language_of(path or ".") == code]
    paths.append(prefix + "no-such-page/")
    for index, path in enumerate(paths):
        page.goto(nginx_url + path, wait_until="networkidle")
        if index == 0:
            # Switch the scheme: every later page reads the stored choice back.
            page.locator(".md-header__option label:not([hidden])").click()
        # The reader's first scroll starts Material's script and search worker.
        start_material(page)
        problems += [f"/{path}: {violation}" for violation in page.evaluate("window.__violations")]
    assert problems == []


@pytest.mark.browser
def test_search_works_under_the_policy(nginx_url, page):
    """The search worker, its language scripts and the index load under the policy."""
    problems = _watch(page)
    page.goto(nginx_url + "salary/", wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type("customer")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    problems += page.evaluate("window.__violations")
    assert problems == []
