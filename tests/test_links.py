"""Crawl the built HTML of all languages: every internal link and #fragment resolves."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from html_pages import read_page

SITE_URL = "http://127.0.0.1:8000/"


def resolve(site_root, page_path: str, href: str):
    """The file and fragment an internal href points to, or None for external links."""
    if href.startswith(SITE_URL):
        href = "/" + href[len(SITE_URL):]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        target = parts.path.lstrip("/")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path)) if parts.path else page_path
    target = unquote(target)
    if target in (".", ""):
        target = "index.html"
    file = site_root / target
    if file.is_dir() or target.endswith("/"):
        file = file / "index.html"
    return file, parts.fragment


def fragment_target(site_root, file):
    """Where a #fragment must exist: a /go/ page passes it on to the page it opens."""
    relative = file.relative_to(site_root).parts
    if relative[:1] == ("go",):
        return site_root.joinpath(*relative[1:])  # the default language's page
    return file


def test_every_internal_link_and_fragment_resolves(site):
    pages = sorted(p for p in site.root.rglob("*.html"))
    ids: dict = {}
    broken, checked = [], 0
    for page in pages:
        page_path = str(page.relative_to(site.root))
        for href in read_page(page).links:
            if href.startswith(("mailto:", "javascript:")):
                continue
            resolved = resolve(site.root, page_path, href)
            if resolved is None:
                continue
            file, fragment = resolved
            checked += 1
            if not file.exists():
                broken.append(f"{page_path}: {href} (no {file.relative_to(site.root)})")
                continue
            if fragment:
                holder = fragment_target(site.root, file)
                if holder not in ids:
                    ids[holder] = read_page(holder).ids if holder.suffix == ".html" else set()
                if unquote(fragment) not in ids[holder]:
                    broken.append(f"{page_path}: {href} (no id {fragment!r})")
    assert checked > 1000
    assert broken == []


def test_the_checker_finds_a_broken_fragment(site, tmp_path):
    """The crawler itself can fail: a page with a bad fragment is reported."""
    page = site.root / "skills" / "index.html"
    resolved = resolve(site.root, "salary/index.html", "../skills/#no-such-section")
    assert resolved == (page, "no-such-section")
    assert "no-such-section" not in read_page(page).ids
    assert resolve(site.root, "ko/index.html", "https://example.org/") is None
    go_file, _ = resolve(site.root, "link-to-this-guide/index.html", "../go/skills/#empathy")
    assert fragment_target(site.root, go_file) == page
