"""MkDocs hook: language-neutral links, /go/<page>/#<anchor>, for job postings.

For every page of the link contract it writes a static go/<page>/index.html whose
inline script sends the reader, with location.replace and the #anchor kept, to
that page in the first of navigator.languages the guide has (by primary subtag;
Norwegian no/nn/nb all go to nb), else to the root language. Without JavaScript
the page lists the links to every language. The pages are noindex and, being
written after the build, stay out of the sitemap and the search index.

A /go/ link is posted for readers of every language, so the page speaks all of
them: its title and heading give the page's title in every language, each link
says "Read in <language>" in its own language (data/sharing.yml), and its link
preview (Open Graph, Twitter card) shows an image listing the titles
(hooks/preview_images.py) with those lines as its description.

static-i18n builds the languages from its own on_post_build (priority -100), so
the files are written at -200, once, after the last language.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority

import site_languages
from link_contract import LinkContract, PageTitles, load_link_contract, page_titles
from preview_images import HEIGHT, IMAGE_DIR, WIDTH, draw_list, file_name
from sharing_data import sharing_labels

# Browser language tags whose primary subtag is not a code of the guide.
ALIASES = {"no": "nb", "nn": "nb"}

# Titles and site names by language, gathered as static-i18n builds each language.
_titles: dict[str, dict[str, PageTitles]] = {}
_site_names: dict[str, str] = {}


def on_pre_build(config) -> None:
    if site_languages.is_final_build(config):  # the outermost build starts
        _titles.clear()
        _site_names.clear()


def on_env(env, config, files):
    contract = load_link_contract(config)
    _titles.update(page_titles(contract, files))
    _site_names[site_languages.build_language(config)] = config.site_name
    return env


@event_priority(-200)
def on_post_build(config) -> None:
    if not site_languages.is_final_build(config):
        return
    contract = load_link_contract(config)
    labels = sharing_labels(config)
    site = Path(config.site_dir)
    for path in contract.pages:
        lines = [_title(contract, language.code, path) for language in contract.languages]
        png = draw_list(_site_names.get(contract.root.code, config.site_name), lines)
        image = IMAGE_DIR + file_name("go/" + (path.strip("/") or "home"), png)
        _write(site / image, png)
        html = go_page(contract, path, labels, site_languages.absolute_url(image, config), config)
        _write(site / contract.go_url(path) / "index.html", html.encode("utf-8"))


def _write(target: Path, data: bytes) -> None:
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _title(contract: LinkContract, code: str, path: str) -> str:
    """The page's title in a language; the home page is the guide itself."""
    titles = _titles.get(code, {}).get(path)
    return titles.title if titles and path else _site_names.get(code, "") or (titles.title if titles else path)


def relative(target: str, here: str) -> str:
    """A directory URL relative to another: ("ko/skills/", "go/skills/") -> "../../ko/skills/"."""
    link = posixpath.relpath(target or ".", here.rstrip("/") or ".")
    return "./" if link == "." else link + "/"


def go_page(contract: LinkContract, path: str, labels, image: str, config) -> str:
    here = contract.go_url(path)
    targets = {language.code: relative(contract.url(language.code, path), here) for language in contract.languages}
    aliases = {tag: code for tag, code in ALIASES.items() if code in targets}
    codes = [language.code for language in contract.languages]
    titles = {code: _title(contract, code, path) for code in codes}
    unique = list(dict.fromkeys(titles.values()))
    title = " · ".join(unique)
    description = " · ".join(labels("read_in", code) for code in codes)
    heading = Markup(" · ").join(
        Markup('<span lang="{}">{}</span>').format(code, text)
        for code, text in titles.items()
        if list(titles.values()).index(text) == codes.index(code)
    )
    choose = Markup(" · ").join(
        Markup('<span lang="{}">{}</span>').format(code, labels("go_choose", code)) for code in codes
    )
    links = Markup("\n").join(
        Markup('<li lang="{code}"><a href="{}" hreflang="{code}" lang="{code}">{}</a>: {}</li>').format(
            targets[code], labels("read_in", code), titles[code], code=code
        )
        for code in codes
    )
    alternate = [og_locale(code) for code in codes if code != contract.root.code]
    data = json.dumps({"targets": targets, "aliases": aliases, "fallback": contract.root.code})
    # "</" cannot occur in the JSON (paths and codes only), so it is safe inline. It is
    # a data block: the script itself is the same on every /go/ page, so a
    # Content-Security-Policy needs one hash for all of them.
    return str(
        _PAGE.format(
            title=title,
            heading=heading,
            choose=choose,
            description=description,
            site_name=_site_names.get(contract.root.code, config.site_name),
            url=site_languages.absolute_url(here, config),
            image=image,
            alt=title,
            width=WIDTH,
            height=HEIGHT,
            locale=og_locale(contract.root.code),
            alternates=Markup("").join(
                Markup('<meta property="og:locale:alternate" content="{}">\n').format(locale) for locale in alternate
            ),
            links=links,
            data=Markup(data),
            script=SCRIPT_ELEMENT,
        )
    )


def og_locale(language: str) -> str:
    """Open Graph's language_TERRITORY form, as hooks/seo.py writes it: "nb" -> "nb_NO"."""
    from babel import Locale
    from babel.core import get_global

    likely = Locale.parse(get_global("likely_subtags").get(language, language))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


# The redirect, the same on every /go/ page, so a Content-Security-Policy needs one
# hash for all of them (hosting/nginx_site.py reads it from here).
SCRIPT_ELEMENT = Markup("""<script>
(function (d) {
  var hash = location.hash, wanted = navigator.languages || [navigator.language || ""];
  document.querySelectorAll("li a").forEach(function (a) { a.href = a.getAttribute("href") + hash; });
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).toLowerCase().split(/[-_]/)[0];
    code = d.aliases[code] || code;
    if (Object.prototype.hasOwnProperty.call(d.targets, code)) {
      return location.replace(d.targets[code] + hash);
    }
  }
  location.replace(d.targets[d.fallback] + hash);
})(JSON.parse(document.getElementById("go-targets").textContent));
</script>""")

_PAGE = Markup("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<meta name="description" content="{description}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="{site_name}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:url" content="{url}">
<meta property="og:locale" content="{locale}">
{alternates}<meta property="og:image" content="{image}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{width}">
<meta property="og:image:height" content="{height}">
<meta property="og:image:alt" content="{alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{title}">
<meta name="twitter:description" content="{description}">
<meta name="twitter:image" content="{image}">
<meta name="twitter:image:alt" content="{alt}">
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{choose}</p>
<ul>
{links}
</ul>
</main>
<script type="application/json" id="go-targets">{data}</script>
{script}
</body>
</html>
""")
