"""MkDocs hook: fill in the "Link to this guide" page from the link contract.

The page's Markdown (docs/<lang>/link-to-this-guide.md) holds the prose and three
placeholder comments; this hook replaces them in the rendered page with

    <!-- link-snippet-markdown -->  a job-posting snippet in Markdown, with a copy button
    <!-- link-snippet-html -->      the same snippet in HTML
    <!-- link-table -->             per contract page, a table of its sections with the
                                    language-neutral link and one link per language

Titles are the built pages' own H1 and section headings in the page's language,
collected in `on_env` (every page of the language is rendered by then), and every
URL is fully qualified with `site_url`. The generated markup is not in the search
index, which MkDocs fills from the Markdown before `on_post_page`. The copy script
(overrides/partials/link-copy.js) is inlined in this page only: as a file of its own,
its request would weigh more than the script. Its styles are in assets/guide.css.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from guide_data import GuideData
from inline_scripts import compact
from site_data import guide_data
from link_contract import LINK_PAGE, LinkContract, PageTitles, load_link_contract, page_titles

SCRIPT = "partials/link-copy.js"
# The section the job-posting snippets link to.
SNIPPET_TARGET = ("skills/", "qualities")

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
        language=language,
        titles=_titles[language],
        site_url=config.site_url.rstrip("/") + "/",
    )
    blocks = {
        "<!-- link-snippet-markdown -->": snippet_block(ctx, "Markdown", markdown_snippet(ctx)),
        "<!-- link-snippet-html -->": snippet_block(ctx, "HTML", html_snippet(ctx)),
        "<!-- link-table -->": link_tables(ctx) + copy_support(ctx, _script[0]),
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
    language: str
    titles: dict[str, PageTitles]
    site_url: str

    def label(self, key: str, **values: str) -> str:
        text = self.data.label(key, self.language)
        return text.format(**values) if values else text

    def absolute(self, url: str) -> str:
        return self.site_url + url


# -- Snippets for job postings ------------------------------------------------


def _snippet_parts(ctx: Context) -> tuple[str, str, str, str]:
    path, anchor = SNIPPET_TARGET
    if anchor not in ctx.contract.pages.get(path, ()):
        raise PluginError(f"the snippet links to {path}#{anchor}, which the link contract does not promise")
    before, _, after = ctx.label("link_snippet").partition("{link}")
    return before, ctx.label("link_snippet_link"), ctx.absolute(ctx.contract.go_url(path, anchor)), after


def markdown_snippet(ctx: Context) -> str:
    before, text, url, after = _snippet_parts(ctx)
    return f"{before}[{text}]({url}){after}"


def html_snippet(ctx: Context) -> str:
    before, text, url, after = _snippet_parts(ctx)
    return str(Markup('<p>{}<a href="{}">{}</a>{}</p>').format(before, url, text, after))


def snippet_block(ctx: Context, format_name: str, code: str) -> Markup:
    button = copy_button(ctx, ctx.label("link_copy_snippet_name", format=format_name))
    return Markup('<div class="guide-snippet"><pre><code>{}</code></pre>{}</div>').format(code, button)


# -- Every promised link ------------------------------------------------------


def copy_button(ctx: Context, name: str) -> Markup:
    """A button that copies the link or code just before it (partials/link-copy.js)."""
    return Markup('<button type="button" class="guide-copy" aria-label="{}">{}</button>').format(
        name, ctx.label("link_copy")
    )


def _link_rows(ctx: Context, target: str, path: str, anchor: str = "") -> Markup:
    """One row group for a page or section: the language-neutral link, then one per language."""
    neutral = ctx.label("link_reader_language")
    rows = [(Markup('<th scope="row">{}</th>').format(neutral), neutral, ctx.contract.go_url(path, anchor), "")]
    for language in ctx.contract.languages:
        header = Markup('<th scope="row" lang="{}">{}</th>').format(language.code, language.name)
        rows.append((header, language.name, ctx.contract.url(language.code, path, anchor), language.code))

    group = Markup('<th scope="rowgroup" rowspan="{}">{}</th>').format(
        len(rows), target if anchor else ctx.label("link_whole_page")
    )
    lines = []
    for header, language_name, url, code in rows:
        absolute = ctx.absolute(url)
        hreflang = Markup(' hreflang="{}"').format(code) if code else ""
        button = copy_button(ctx, ctx.label("link_copy_name", target=target, language=language_name))
        lines.append(
            Markup('<tr>{}{}<td><a href="{}"{}>{}</a> {}</td></tr>').format(
                group, header, absolute, hreflang, absolute, button
            )
        )
        group = ""
    return Markup("<tbody>{}</tbody>").format(Markup("").join(lines))


def link_table(ctx: Context, path: str) -> Markup:
    titles = ctx.titles[path]
    columns = ("link_section", "link_language", "link_address")
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(ctx.label(key)) for key in columns)
    groups = [_link_rows(ctx, titles.title, path)]
    groups += [_link_rows(ctx, titles.sections[anchor], path, anchor) for anchor in ctx.contract.pages[path]]
    return Markup(
        '<details class="guide-links"><summary>{title}</summary>'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
        "<caption>{caption}</caption><thead><tr>{head}</tr></thead>{groups}</table></div></div></details>\n"
    ).format(
        title=titles.title,
        caption=ctx.label("link_caption", page=titles.title),
        head=head,
        groups=Markup("").join(groups),
    )


def link_tables(ctx: Context) -> Markup:
    return Markup("").join(link_table(ctx, path) for path in ctx.contract.pages)


def copy_support(ctx: Context, script: str) -> Markup:
    """The live region that reports copying, and the script behind the buttons."""
    return Markup(
        '<p class="guide-copy-status" role="status" data-done="{}" data-copied="{}" data-failed="{}"></p>'
        "<script>{}</script>"
    ).format(ctx.label("link_copied"), ctx.label("link_copied_status"), ctx.label("link_copy_failed"), Markup(script))
