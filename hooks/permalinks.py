"""MkDocs hook: name each heading's permalink in the page's language.

The toc extension adds a "¶" permalink to every heading with one fixed title
for the whole site; a screen reader would announce the same English words for
each. This hook names every permalink in the page's language after its heading.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

import site_languages
from site_data import guide_data

PLACEHOLDER = "__permalink__"
HEADING = re.compile(
    r'(?P<open><h[1-6][^>]*>)(?P<text>.*?)<a class="headerlink" href="(?P<href>[^"]*)" title="' + PLACEHOLDER + '">'
)


def on_page_content(html, page, config, files):
    template = guide_data(config).label("permalink", site_languages.page_language(page, config))

    def named(match: re.Match) -> str:
        heading = Markup(match.group("text")).striptags()
        label = escape(template.format(heading=heading))
        return f'{match.group("open")}{match.group("text")}<a class="headerlink" href="{match.group("href")}" title="{label}" aria-label="{label}">'

    return HEADING.sub(named, html)
