"""MkDocs hook: replace figure markers in every page with data for its language.

Markers are HTML comments, so an unprocessed page still reads cleanly:

    <!-- table: pay-percentiles -->     a captioned table with its source line
    <!-- figure: median-pay.annual -->  one figure, formatted for the locale
    <!-- period: median-pay -->         an entry's reference period
    <!-- cite: median-pay -->           "(publisher, name (period))" linked to the sources
    <!-- downloads: open-data -->       links to the data files published with the site

An unknown marker, or one naming a missing entry, fails the build. The data file
is read at the start of every build (static-i18n builds once per language, and
`mkdocs serve` does not reload hook modules), so the hook keeps no other state.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import renderers
from guide_data import DATA_FILE, DataFileError, GuideData, load_guide_data

SOURCES_PAGE = "sources/"

# Any comment shaped like a marker ("<!-- word: argument -->") is treated as one,
# so a misspelt kind fails loudly instead of vanishing from the page.
MARKER = re.compile(r"<!--\s*([a-z][a-z-]*)\s*:\s*(.*?)\s*-->")

_data: GuideData | None = None


def on_pre_build(config) -> None:
    global _data
    path = Path(config.config_file_path).parent / DATA_FILE
    try:
        _data = load_guide_data(path)
    except DataFileError as error:
        raise PluginError(f"invalid data file\n{error}") from None


def on_page_markdown(markdown: str, page, config, files) -> str:
    language = page_language(page, config)
    ctx = renderers.Context(
        data=_data,
        language=language,
        sources_href=sources_href(page.url, language, config),
        root_href=root_href(page.url),
    )

    def replace(match: re.Match) -> str:
        kind, argument = match.group(1), match.group(2)
        render = _RENDERERS.get(kind)
        if render is None:
            raise PluginError(f"{page.file.src_uri}: unknown marker kind {kind!r} in {match.group(0)}")
        try:
            return render(ctx, argument)
        except renderers.UnknownEntry as error:
            raise PluginError(f"{page.file.src_uri}: {error.args[0]} (marker {match.group(0)})") from None

    return MARKER.sub(replace, markdown)


def page_language(page, config) -> str:
    """The page's language: static-i18n sets file.locale; the theme's otherwise."""
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")


def language_root(language: str, config) -> str:
    """URL prefix of a language: "" for the default language at the root, else "ko/"."""
    default = _default_language(config)
    return "" if language == default else f"{language}/"


def _default_language(config) -> str:
    for plugin in config.plugins.values():
        for language in getattr(plugin, "config", {}).get("languages", None) or []:
            if language.get("default"):
                return language["locale"]
    return "en"


def sources_href(page_url: str, language: str, config) -> str:
    """The language's sources page relative to the page (directory URLs)."""
    target = language_root(language, config) + SOURCES_PAGE
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target, here or ".")
    return "" if relative == "." else relative.rstrip("/") + "/"


def root_href(page_url: str) -> str:
    """The site root relative to the page: "" at the root, "../../" from "ko/sources/"."""
    return "../" * page_url.count("/")


def _table(ctx: renderers.Context, name: str) -> str:
    render = renderers.TABLES.get(name)
    if render is None:
        raise renderers.UnknownEntry(f"no table {name!r}; known: {', '.join(renderers.TABLES)}")
    return render(ctx)


_RENDERERS = {
    "table": _table,
    "figure": renderers.figure,
    "period": renderers.period,
    "cite": renderers.cite,
    "downloads": renderers.downloads,
}
