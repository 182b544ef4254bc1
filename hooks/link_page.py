"""MkDocs hook: fill in the "Link to this guide" page from the link contract.

The page's Markdown (docs/<lang>/link-to-this-guide.md) holds the prose and two
placeholder comments; this hook replaces them in the rendered page with

    <!-- link-figures-note -->  that pay figures are US figures, with the first and last
                                year of the pay entries in data/figures.yml
    <!-- link-table -->         a filter, then per contract page a collapsed group with one
                                compact block per section (the page itself first)

Each block, made for a phone first, holds the section's name, a ready-made sentence
for a job posting that links to the section in the reader's language (/go/), the
language-neutral link shortened for display, and 44 px buttons: "Copy text" copies
the sentence as plain text (sentence and URL) and as rich text (HTML, so an editor
pastes a real link), one button copies the /go/ link, and one per language copies
that language's link (for a section, its share page, `<prefix>s/<page>/<anchor>/`,
whose preview shows the section: hooks/previews.py). Every URL is fully qualified
with `site_url` and copied whole. Languages are named in the page's language
(Babel/CLDR). Titles are the built pages' own H1 and section headings, collected in
`on_env`. The script (overrides/partials/link-copy.js) is inlined in this page only;
its styles are in assets/guide.css.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup
from mkdocs.exceptions import PluginError

import language_forms
from guide_data import GuideData
from inline_scripts import compact
from link_contract import LINK_PAGE, LinkContract, PageTitles, load_link_contract, page_titles
from previews import share_url
from sharing_data import SharingLabels, capitalised, language_name, sharing_labels
from site_data import guide_data

SCRIPT = "partials/link-copy.js"

_titles: dict[str, dict[str, PageTitles]] = {}
_script: list[str] = []


def on_env(env, config, files):
    _titles.update(page_titles(load_link_contract(config), files))
    # Read through the theme's loader, like the templates' own includes.
    _script[:] = [compact(env.loader.get_source(env, SCRIPT)[0])]
    return env


def on_post_page(output: str, page, config) -> str:
    if not page.url.endswith(LINK_PAGE):
        return output
    contract = load_link_contract(config)
    language = getattr(page.file, "locale", None) or contract.root.code
    if contract.path_of(page.url, language) != LINK_PAGE:
        return output
    if not config.site_url:
        raise PluginError(f"{page.file.src_uri}: the link page needs site_url in mkdocs.yml")
    ctx = Context(
        contract=contract,
        data=guide_data(config),
        sharing=sharing_labels(config),
        language=language,
        titles=_titles[language],
        site_url=config.site_url.rstrip("/") + "/",
        guide=config.site_name,
    )
    blocks = {
        "<!-- link-figures-note -->": figures_note(ctx),
        "<!-- link-table -->": finder(ctx) + link_groups(ctx) + copy_support(ctx, _script[0]),
    }
    for placeholder, block in blocks.items():
        if output.count(placeholder) != 1:
            raise PluginError(f"{page.file.src_uri}: needs the placeholder {placeholder} exactly once")
        output = output.replace(placeholder, str(block))
    return output


@dataclass(frozen=True)
class Context:
    contract: LinkContract
    data: GuideData
    sharing: SharingLabels
    language: str
    titles: dict[str, PageTitles]
    site_url: str
    guide: str

    def label(self, key: str, **values: str) -> str:
        if key in self.data.labels:
            text = self.data.label(key, self.language)
            return text.format(**values) if values else text
        return self.sharing(key, self.language, **values)

    def absolute(self, url: str) -> str:
        return self.site_url + url

    def language_name(self, code: str) -> str:
        return language_name(code, self.language)


# -- The note on pay figures ---------------------------------------------------

PAY_SECTIONS = ("median_pay", "pay_percentiles", "average_pay", "pay_by_industry", "pay_by_experience", "bonuses")


def pay_years(data: GuideData) -> tuple[int, int]:
    """The first and last year of every dated pay figure in the data file."""
    periods = []
    for name in PAY_SECTIONS:
        entries = getattr(data, name)
        periods += [entry.period for entry in (entries if isinstance(entries, list) else [entries])]
    years = [int(year) for period in periods for year in re.findall(r"\d{4}", period)]
    return min(years), max(years)


def figures_note(ctx: Context) -> Markup:
    first, last = pay_years(ctx.data)
    return Markup('<p class="guide-figures-note">{}</p>').format(
        ctx.label("link_figures_note", first=str(first), last=str(last))
    )


# -- Finding a section ---------------------------------------------------------


def finder(ctx: Context) -> Markup:
    """A filter over the sections' names; hidden until the page's script runs."""
    return Markup(
        '<div class="guide-finder" hidden><label for="guide-filter">{}</label>'
        '<input id="guide-filter" type="search" autocomplete="off" spellcheck="false">'
        '<p class="guide-filter-none" role="status"></p></div>'
    ).format(ctx.label("link_filter")) + Markup('<template id="guide-filter-none">{}</template>').format(
        ctx.label("link_filter_none")
    )


# -- One block per section -----------------------------------------------------


def shortened(url: str) -> str:
    """A URL as shown (the whole one is copied): no scheme, no "www."."""
    return re.sub(r"^https?://(www\.)?", "", url)


def copy_button(name: str, label: str, lang: str = "", **data: str) -> Markup:
    attributes = Markup("").join(Markup(' data-{}="{}"').format(key, value) for key, value in data.items())
    lang_attribute = Markup(' lang="{}"').format(lang) if lang else ""
    return Markup('<button type="button" class="guide-copy"{}{} aria-label="{}">{}</button>').format(
        lang_attribute, attributes, name, label
    )


def ready_text(ctx: Context, name: str, url: str) -> tuple[Markup, str, str]:
    """The posting sentence: as shown (a link), as plain text with the URL, and as HTML."""
    before, _, after = ctx.label("link_ready_text", guide=ctx.guide, link="\0").partition("\0")
    shown = Markup("{}<a href=\"{}\">{}</a>{}").format(before, url, name, after)
    return shown, f"{before}{name}{after} {url}", str(Markup("<p>{}</p>").format(shown))


def section_block(ctx: Context, path: str, anchor: str, target: str, name: str) -> Markup:
    """One section (or, without anchor, the whole page): text, link and copy buttons.

    `name` heads the block; `target` is what the text links and the buttons name."""
    neutral = ctx.absolute(ctx.contract.go_url(path, anchor))
    shown, plain, rich = ready_text(ctx, target, neutral)
    buttons = [
        copy_button(ctx.label("link_copy_text_name", target=target), ctx.label("link_copy_text"), text=plain, html=rich),
        copy_button(ctx.label("link_copy_neutral_name", target=target), ctx.label("link_reader_language"), copy=neutral),
    ]
    for language in ctx.contract.languages:
        prefix = ctx.contract.prefix(language.code)
        url = ctx.absolute(share_url(prefix, path, anchor) if anchor else ctx.contract.url(language.code, path))
        spoken = ctx.language_name(language.code)
        buttons.append(
            copy_button(
                ctx.label("link_copy_language_name", language=spoken, target=target), capitalised(spoken), copy=url
            )
        )
    ident = "link-" + (path.strip("/") or "home") + (f"-{anchor}" if anchor else "")
    search = " ".join([name, target]).lower()
    return Markup(
        '<div class="guide-link" data-search="{search}">'
        '<h3 id="{ident}" class="guide-link__name">{name}</h3>'
        '<p class="guide-link__text">{shown}</p>'
        '<p class="guide-link__url"><a href="{neutral}">{short}</a></p>'
        '<div class="guide-link__buttons">{buttons}</div></div>'
    ).format(
        ident=ident, search=search, name=name, shown=shown, neutral=neutral, short=shortened(neutral),
        buttons=Markup("").join(buttons),
    )


def link_group(ctx: Context, path: str, duplicates: set[str]) -> Markup:
    titles = ctx.titles[path]
    blocks = [section_block(ctx, path, "", titles.title, ctx.label("link_whole_page"))]
    for anchor in ctx.contract.pages[path]:
        heading = titles.sections[anchor]
        # Two pages have a "Call centers" section: their buttons say which page.
        target = language_forms.parenthetical(heading, titles.title, ctx.language) if heading in duplicates else heading
        blocks.append(section_block(ctx, path, anchor, target, heading))
    ident = "links-" + (path.strip("/") or "home")
    return Markup(
        '<details class="guide-links" id="{}" data-search="{}"><summary>{}</summary>{}</details>\n'
    ).format(ident, titles.title.lower(), titles.title, Markup("").join(blocks))


def link_groups(ctx: Context) -> Markup:
    seen: dict[str, int] = {}
    for path, anchors in ctx.contract.pages.items():
        for anchor in anchors:
            heading = ctx.titles[path].sections[anchor]
            seen[heading] = seen.get(heading, 0) + 1
    duplicates = {heading for heading, count in seen.items() if count > 1}
    return Markup("").join(link_group(ctx, path, duplicates) for path in ctx.contract.pages)


def copy_support(ctx: Context, script: str) -> Markup:
    """The live region that reports copying, and the script behind the buttons and the filter."""
    return Markup(
        '<p class="guide-copy-status" role="status" data-done="{}" data-copied="{}" data-failed="{}"></p>'
        "<script>{}</script>"
    ).format(ctx.label("link_copied"), ctx.label("link_copied_status"), ctx.label("link_copy_failed"), Markup(script))


