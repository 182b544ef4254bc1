"""MkDocs hook: replace figure markers in every page with data for its language.

Markers are HTML comments, so an unprocessed page still reads cleanly:

    <!-- table: pay-percentiles -->           a captioned table with its source line
    <!-- chart: pay-percentiles -->           the same figures as a bar chart, its table one tap away
    <!-- chart: pay-percentiles.bls-2017-hourly -->   ... only the chart of that set
    <!-- figure: median-pay.annual -->        one figure, formatted for the language's running text
    <!-- figure: median-pay.annual | genitive -->   ... in a grammatical form (language_forms.py)
    <!-- period: median-pay -->               an entry's reference period (also takes a form)
    <!-- cite: median-pay -->                 "(BLS, May 2017)", linked to the sources page
    <!-- notice: us-figures -->               where the figures are from and how old they are
    <!-- downloads: open-data -->             links to the data files published with the site

An unknown marker, a marker-shaped comment in the wrong case, an unknown form or
an entry the data file lacks fails the build, naming the page and the marker.
Markers inside code (fenced blocks and `code spans`) are left as written.

Markers are rendered in two steps so that nothing in the data file is read as
Markdown: `on_page_markdown` swaps each marker for a plain token, and
`on_page_content` swaps the token for the rendered HTML once Markdown is done.
The data file is read through site_data at every build (static-i18n builds once
per language, and `mkdocs serve` does not reload hook modules).
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable

from mkdocs.exceptions import PluginError

import charts
import renderers
import site_languages
from formatting import UnknownForm
from site_data import guide_data

SOURCES_PAGE = "sources/"

# Any comment shaped like a marker ("<!-- word: argument -->"), whatever its case,
# is treated as one, so a misspelt kind fails loudly instead of vanishing.
MARKER = re.compile(r"<!--\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*-->", re.DOTALL)
# Code is left alone: fenced blocks, indented blocks are rare here, and code spans.
CODE = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$|(?P<ticks>`+)[^`\n][^\n]*?(?P=ticks)", re.DOTALL | re.MULTILINE)
# Plain tokens pass through Markdown untouched; a block marker's token stands alone
# in its paragraph, which the rendered block replaces.
TOKEN = "GUIDEMARKER{:04d}X"
TOKEN_PATTERN = re.compile(r"<p>GUIDEMARKER(\d{4})X</p>|GUIDEMARKER(\d{4})X")

_rendered: dict[str, list[str]] = {}  # page src path -> rendered markers, by token number


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
    rendered: list[str] = []

    def replace(match: re.Match) -> str:
        kind, argument = match.group(1), match.group(2)
        argument, _, form = (part.strip() for part in argument.partition("|"))
        render = _RENDERERS.get(kind)
        if render is None:
            raise PluginError(f"{page.file.src_uri}: unknown marker kind {kind!r} in {match.group(0)}")
        try:
            html = render(ctx, argument, form)
        except (renderers.UnknownEntry, UnknownForm) as error:
            raise PluginError(f"{page.file.src_uri}: {error.args[0]} (marker {match.group(0)})") from None
        except Exception as error:  # any other failure still names the page and the marker, without a traceback
            raise PluginError(
                f"{page.file.src_uri}: cannot render the marker {match.group(0)}: "
                f"{type(error).__name__}: {error}"
            ) from None
        rendered.append(html)
        return TOKEN.format(len(rendered) - 1)

    _rendered[page.file.src_uri] = rendered
    return _outside_code(markdown, lambda text: MARKER.sub(replace, text))


def on_page_content(html: str, page, config, files) -> str:
    rendered = _rendered.pop(page.file.src_uri, [])
    return TOKEN_PATTERN.sub(lambda match: rendered[int(match.group(1) or match.group(2))], html)


def _outside_code(markdown: str, transform: Callable[[str], str]) -> str:
    """Apply `transform` to the text between code blocks and code spans."""
    parts, last = [], 0
    for code in CODE.finditer(markdown):
        parts += [transform(markdown[last : code.start()]), code.group(0)]
        last = code.end()
    return "".join(parts + [transform(markdown[last:])])


def sources_href(page_url: str, language: str, config) -> str:
    """The language's sources page relative to the page (directory URLs)."""
    target = site_languages.prefix(language, config) + SOURCES_PAGE
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target, here or ".")
    return "" if relative == "." else relative.rstrip("/") + "/"


def root_href(page_url: str) -> str:
    """The site root relative to the page: "" at the root, "../../" from "ko/sources/"."""
    return "../" * page_url.count("/")


def _named(kind: str, registry: dict, parts: dict | None = None) -> Callable[[renderers.Context, str, str], str]:
    """A marker renderer that looks the marker's argument up in `registry` (no forms).

    "name.part" renders one part of it, for the names listed in `parts`.
    """

    def render(ctx: renderers.Context, argument: str, form: str) -> str:
        name, _, part = argument.partition(".")
        if name not in registry:
            raise renderers.UnknownEntry(f"no {kind} {name!r}; known: {', '.join(registry)}")
        if form:
            raise UnknownForm(f"a {kind} has no forms")
        if not part:
            return registry[name](ctx)
        if name not in (parts or {}):
            raise renderers.UnknownEntry(f"the {kind} {name!r} has no parts to choose from ({argument!r})")
        return parts[name](ctx, part)

    return render


_RENDERERS = {
    "table": _named("table", renderers.TABLES),
    "chart": _named("chart", charts.CHARTS, charts.CHART_PARTS),
    "notice": _named("notice", renderers.NOTICES),
    "downloads": _named("downloads", renderers.DOWNLOADS_LISTS),
    "figure": renderers.figure,
    "period": renderers.period,
    "cite": renderers.cite,
}
