"""MkDocs hook: replace figure markers in every page with data for its language.

Markers are HTML comments, so an unprocessed page still reads cleanly:

    <!-- table: pay-percentiles -->     a captioned table with its source line
    <!-- chart: pay-percentiles -->     the same figures as a captioned bar chart (SVG)
    <!-- figure: median-pay.annual -->  one figure, formatted for the locale
    <!-- period: median-pay -->         an entry's reference period
    <!-- cite: median-pay -->           "(publisher, name (period))" linked to the sources
    <!-- downloads: open-data -->       links to the data files published with the site

An unknown marker, or one naming a missing entry, fails the build. The data file
is read through site_data at every build (static-i18n builds once per language,
and `mkdocs serve` does not reload hook modules), so the hook keeps no state.
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable

from mkdocs.exceptions import PluginError

import charts
import renderers
import site_languages
from site_data import guide_data

SOURCES_PAGE = "sources/"

# Any comment shaped like a marker ("<!-- word: argument -->") is treated as one,
# so a misspelt kind fails loudly instead of vanishing from the page.
MARKER = re.compile(r"<!--\s*([a-z][a-z-]*)\s*:\s*(.*?)\s*-->")


def on_pre_build(config) -> None:
    guide_data(config)  # fail before any page is written when the data file is bad


def on_page_markdown(markdown: str, page, config, files) -> str:
    language = site_languages.page_language(page, config)
    ctx = renderers.Context(
        data=guide_data(config),
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


def sources_href(page_url: str, language: str, config) -> str:
    """The language's sources page relative to the page (directory URLs)."""
    target = site_languages.prefix(language, config) + SOURCES_PAGE
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target, here or ".")
    return "" if relative == "." else relative.rstrip("/") + "/"


def root_href(page_url: str) -> str:
    """The site root relative to the page: "" at the root, "../../" from "ko/sources/"."""
    return "../" * page_url.count("/")


def _named(kind: str, registry: dict) -> Callable[[renderers.Context, str], str]:
    """A marker renderer that looks the marker's argument up in `registry`."""

    def render(ctx: renderers.Context, name: str) -> str:
        if name not in registry:
            raise renderers.UnknownEntry(f"no {kind} {name!r}; known: {', '.join(registry)}")
        return registry[name](ctx)

    return render


_RENDERERS = {
    "table": _named("table", renderers.TABLES),
    "chart": _named("chart", charts.CHARTS),
    "figure": renderers.figure,
    "period": renderers.period,
    "cite": renderers.cite,
    "downloads": renderers.downloads,
}
