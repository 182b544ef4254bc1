"""MkDocs hook: fully qualified language alternates for every page's head.

Search engines need absolute hreflang URLs and an x-default; Material's own
alternates are relative. The template (overrides/main.html) prints the list
this hook puts into the page context. The sitemap's alternates get x-default too
(hooks/reproducible.py, registered after this hook, then writes sitemap.xml.gz).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

import site_languages

X_DEFAULT = "x-default"


def alternates(page_url: str, config) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for the same page in every language, plus x-default."""
    path = site_languages.path_in_language(page_url, config)
    links = [
        (language, site_languages.absolute_url(site_languages.prefix(language, config) + path, config))
        for language in site_languages.languages(config)
    ]
    default = site_languages.absolute_url(path, config)
    return links + [(X_DEFAULT, default)]


def on_page_context(context, page, config, nav):
    context["language_alternates"] = alternates(page.url, config)
    return context


SITEMAP_ALTERNATE = re.compile(
    r'(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="(?P<lang>[^"]+)" href="(?P<href>[^"]+)"\s*/>\n'
)


def add_x_default(sitemap: str, default_language: str) -> str:
    """After each URL's default-language alternate, add an x-default alternate."""
    if f'hreflang="{X_DEFAULT}"' in sitemap:
        return sitemap

    def with_default(match: re.Match) -> str:
        line = match.group(0)
        if match.group("lang") != default_language:
            return line
        return line + f'{match.group("indent")}<xhtml:link rel="alternate" hreflang="{X_DEFAULT}" href="{match.group("href")}"/>\n'

    return SITEMAP_ALTERNATE.sub(with_default, sitemap)


@event_priority(-200)
def on_post_build(config) -> None:
    if not site_languages.is_final_build(config):
        return
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if not sitemap.exists():
        return
    text = add_x_default(sitemap.read_text(encoding="utf-8"), site_languages.default_language(config))
    sitemap.write_text(text, encoding="utf-8")  # hooks/reproducible.py compresses it after
