"""MkDocs hook: a front-matter `title:` is text, wherever the page's title lands.

MkDocs and Material treat a page's title as HTML: a title taken from the page's
heading is rendered Markdown (`Pay &amp; benefits`), and the templates print it
unescaped (navigation, header, footer, the page's `<h1>`, the search index, whose
titles Material's search shows as HTML). A `title:` in front matter is plain text
typed by an editor, so it is escaped into HTML once, here, before any template or
the search index reads it: `<script>` in a title is shown, never run.
"""

from __future__ import annotations

import html


def on_page_markdown(markdown, page, config, files):
    title = page.meta.get("title")
    if isinstance(title, str) and not getattr(page, "_title_escaped", False):
        page.meta["title"] = html.escape(title)
        page._title_escaped = True
    return markdown
