"""The built site served by nginx with the repository's configuration (hosting/nginx/).

Every page answers, a missing page gets the not-found page in its language,
responses are compressed, fingerprinted assets are cached for a year and pages are
revalidated, every response carries the security headers, and Chromium reports no
Content-Security-Policy violation on any page.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import nginx_site
from conftest import load_contract
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
    with nginx_site.running(tmp_path) as url:
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


def test_only_runnable_inline_scripts_are_hashed(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script>a()</script><script id="c" type="application/json">{}</script><script src="x.js"></script>'
        '<script data-src="y.js">a()</script>'
    )
    # base64 of the sha256 of "a()": the JSON data block and the external script need
    # none; data-src is not src, so the last script counts (with the same hash).
    assert nginx_site.inline_script_hashes(tmp_path) == ["'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"]


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
