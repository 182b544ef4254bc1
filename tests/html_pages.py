"""Small readers for the built HTML, shared by the tests."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.heading_ids: set[str] = set()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.head_links: list[dict[str, str]] = []
        self.permalinks: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if "id" in attributes:
            self.ids.add(attributes["id"] or "")
            if re.fullmatch(r"h[1-6]", tag):
                self.heading_ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self.permalinks.append({k: v or "" for k, v in attributes.items()})
        if tag == "link":
            self.head_links.append({k: v or "" for k, v in attributes.items()})


def read_page(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def main_text(path: Path) -> str:
    """The article's visible text, tags stripped, whitespace folded."""
    html = path.read_text(encoding="utf-8")
    match = re.search(r"<article.*?</article>", html, re.S)
    text = re.sub(r"<[^>]+>", " ", match.group(0) if match else html)
    from html import unescape

    # Fold only ASCII white space: no-break spaces belong to formatted numbers.
    return re.sub(r"[ \t\r\n]+", " ", unescape(text))
