"""Every table on every built page has a caption and header cells with a scope.

The generated tables do (tests/test_renderers.py); this also catches a table
written in Markdown, which gets neither.
"""

from __future__ import annotations

from html.parser import HTMLParser

SCOPES = {"col", "row", "colgroup", "rowgroup"}


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._tables: list[dict] = []  # open tables, innermost last
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self._tables.append({"number": self.getpos()[0], "caption": "", "first": None})
        elif not self._tables:
            return
        table = self._tables[-1]
        if tag != "table" and table["first"] is None:
            table["first"] = tag
        if tag == "caption":
            self._in_caption = True
        if tag == "th" and attributes.get("scope") not in SCOPES:
            self.problems.append(f"line {self.getpos()[0]}: <th> without scope")

    def handle_data(self, data):
        if self._in_caption and self._tables:
            self._tables[-1]["caption"] += data

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        if tag == "table" and self._tables:
            table = self._tables.pop()
            if table["first"] != "caption" or not table["caption"].strip():
                self.problems.append(f"line {table['number']}: <table> without a caption first")


def test_tables_have_captions_and_scoped_headers(site):
    problems, tables = [], 0
    for page in sorted(site.root.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        tables += html.count("<table")
        parser = _Tables()
        parser.feed(html)
        problems += [f"{page.relative_to(site.root)}: {problem}" for problem in parser.problems]
    assert tables > 0
    assert problems == [], "\n".join(problems)
