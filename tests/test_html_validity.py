"""Every built page is valid HTML by the Nu HTML Checker (vnu), but for named upstream markup.

vnu comes from npm (vnu-jar, pinned in package-lock.json; `make test` runs `npm ci`)
and runs on Java (`make test` installs Debian's default-jre-headless when `java`
is missing). One run checks every page, the not-found and /go/ pages included.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = os.environ.get("JAVA") or shutil.which("java") or "/usr/bin/java"

# Errors in markup that Material's own templates emit, each with why it stays.
UPSTREAM = {
    # Material's base.html: <input class="md-toggle" type="checkbox" autocomplete="off">
    # for the drawer and search toggles. Firefox would otherwise restore a checked
    # toggle after a reload (an open drawer or search on a fresh page), so Material
    # keeps the attribute; the markup is Material's (base.html, not overridden here).
    "Material's checkbox toggles carry autocomplete=off": (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">'),
    ),
}


def _page(site, url: str) -> str:
    """The page a message is about, relative to the site ("ko/salary/index.html")."""
    return Path(unquote(urlsplit(url).path)).relative_to(site.root.resolve()).as_posix()


def _upstream(message: dict) -> str | None:
    for reason, (text, extract) in UPSTREAM.items():
        if text.search(message.get("message", "")) and extract.search(message.get("extract", "")):
            return reason
    return None


@pytest.fixture(scope="module")
def vnu_messages(site) -> list[dict]:
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `make test` (it runs `npm ci` for vnu-jar)")
    if not Path(JAVA).exists():
        pytest.fail("java is missing: run `make test` (it installs Debian's default-jre-headless)")
    run = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(site.root)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu writes its report to standard error and exits 1 when it found errors.
    report = json.loads(run.stderr or run.stdout)
    return report["messages"]


def test_vnu_checked_the_pages(site, vnu_messages):
    """Every message names a built page; a failing checker (non-document) shows here."""
    pages = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")}
    assert len(pages) > 50
    assert [m for m in vnu_messages if m.get("type") == "non-document-error"] == []
    assert {_page(site, m["url"]) for m in vnu_messages} <= pages


def test_no_page_has_an_html_error_of_its_own(site, vnu_messages):
    errors: dict[str, list[str]] = {}
    for message in vnu_messages:
        if message.get("type") != "error" or _upstream(message):
            continue
        page = _page(site, message["url"])
        errors.setdefault(page, []).append(f'{message.get("lastLine")}: {message["message"]} {message.get("extract", "")!r}')
    assert errors == {}


def test_the_listed_upstream_errors_still_occur(vnu_messages):
    """An upstream error that Material fixed should leave the list."""
    reasons = {_upstream(message) for message in vnu_messages} - {None}
    assert reasons == set(UPSTREAM)
