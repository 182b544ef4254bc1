"""MkDocs hook: link previews for every page, and share pages for every promised section.

Link previews (Slack, Teams, LinkedIn, KakaoTalk, ...) read a page's Open Graph and
Twitter card tags and ignore the #fragment of a link. This hook gives

- every page a preview image in its language (hooks/preview_images.py): its title
  under the guide's name; overrides/partials/seo.html prints the og:image and
  twitter:image tags from the `preview` object put into the page context;
- every promised section (data/link-contract.yml) in every language a small static
  share page, `<language prefix>s/<page>/<anchor>/` (for example `nl/s/skills/empathy/`,
  and `s/quick-facts/` for a section of the English home page), whose preview is that
  section: its heading as the title, the first sentence under it as the description,
  and an image with the heading and the page's title. The share page's canonical link
  is the section; a `<meta http-equiv="refresh">` and a plain link take the reader
  there without JavaScript. The share pages are not in the sitemap or search index.
- (hooks/go_links.py draws the /go/ pages' images: the page's title in every language.)

Image names carry a hash of their bytes, so a changed title gets a new URL and
previews cached by a chat service are not stale. Two builds write identical bytes.
Images and share pages are written once, after static-i18n built every language.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.plugins import event_priority

from babel import Locale
from babel.core import get_global

import site_languages
from link_contract import load_link_contract
from preview_images import HEIGHT, IMAGE_DIR, WIDTH, Card, draw_card, file_name
from sharing_data import sharing_labels

SHARE_PREFIX = "s/"


@dataclass(frozen=True)
class Preview:
    image: str  # absolute URL
    alt: str
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True)
class Section:
    language: str
    path: str
    anchor: str
    heading: str
    sentence: str
    page_title: str


_images: dict[str, bytes] = {}  # site-relative path -> PNG
_drawn: dict[object, tuple[str, bytes]] = {}  # card -> (file name, PNG), kept across rebuilds
_sections: dict[tuple[str, str, str], Section] = {}
_site_names: dict[str, str] = {}


def on_pre_build(config) -> None:
    if site_languages.is_final_build(config):  # the outermost build starts: forget the last one
        _images.clear()
        _sections.clear()
        _site_names.clear()


def image_path(name: str, key, draw) -> str:
    """Draw (once) and register an image; returns its site-relative path."""
    if key not in _drawn:
        png = draw()
        _drawn[key] = (file_name(name, png), png)
    file, png = _drawn[key]
    path = IMAGE_DIR + file
    _images[path] = png
    return path


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def page_heading(page) -> str:
    for item in page.toc or []:
        if item.level == 1:
            return html.unescape(item.title)
    return page.title or ""


def on_page_context(context, page, config, nav):
    language = site_languages.page_language(page, config)
    _site_names[language] = config.site_name
    title = page_heading(page)
    path = site_languages.path_in_language(page.url, config)
    card = Card(site_name=config.site_name, title=title)
    image = image_path(f"{language}/{_name(path)}", card, lambda: draw_card(card))
    context["language_hint"] = language_hint(config)
    context["preview"] = Preview(
        image=site_languages.absolute_url(image, config),
        # A home page's heading may be the guide's name itself: say it once.
        alt=title if title == config.site_name else f"{title} – {config.site_name}",
    )
    return context


def language_hint(config) -> Markup:
    """The language suggestion's texts (partials/language-hint.js), each in its language."""
    labels = sharing_labels(config)
    texts = {
        code: {"text": labels("hint_text", code), "read": labels("read_in", code), "close": labels("hint_close", code)}
        for code in site_languages.languages(config)
    }
    return htmlsafe_json_dumps({"texts": texts, "aliases": {"no": "nb", "nn": "nb"}}, dumps=json.dumps, ensure_ascii=False)


# -- Sections: heading and first sentence, from the built page ------------------

_TAG = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# A sentence ends at . ! ? followed by a space, except after an abbreviation.
_SENTENCE_END = re.compile(r"(?<!\bU\.S)(?<!\be\.g)(?<!\bi\.e)(?<!\besim)(?<!\bbijv)(?<!\bf\.eks)[.!?](?=\s)")
MAX_DESCRIPTION = 200
# "(Publisher, source, period)" in running text: a parenthesis around a link to the sources page.
_CITATION = re.compile(r"\s?\([^()<]*<a href=\"[^\"]*sources/#[^\"]*\"[^>]*>.*?</a>[^()]*\)", re.S)


def plain(fragment: str) -> str:
    text = html.unescape(_TAG.sub("", _HEADERLINK.sub("", fragment)))
    return re.sub(r"\s+", " ", text.replace("\u2060", "")).strip()


def first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    sentence = text[: match.end()] if match else text
    if len(sentence) > MAX_DESCRIPTION:
        sentence = sentence[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


def section_text(output: str, anchor: str) -> tuple[str, str] | None:
    """The heading with this id and the first sentence of the first paragraph under it."""
    heading = re.search(rf'<h([1-6])\b[^>]*\bid="{re.escape(anchor)}"[^>]*>(.*?)</h\1>', output, re.S)
    if not heading:
        return None
    rest = output[heading.end():]
    following = re.search(r"<h[1-6]\b|</article>", rest)
    body = rest[: following.start()] if following else rest
    # The first paragraph of prose (tables' source lines have a class), without citations.
    paragraph = re.search(r"<p>(.*?)</p>", body, re.S)
    text = _CITATION.sub("", paragraph.group(1)) if paragraph else ""
    return plain(heading.group(2)), first_sentence(plain(text))


def on_post_page(output: str, page, config) -> str:
    contract = load_link_contract(config)
    language = site_languages.page_language(page, config)
    path = contract.path_of(page.url, language)
    if path not in contract.pages:
        return output
    title = page_heading(page)
    for anchor in contract.pages[path]:
        found = section_text(output, anchor)
        if found is None:
            continue  # link_contract stops the build for a missing promised anchor
        heading, sentence = found
        _sections[(language, path, anchor)] = Section(
            language, path, anchor, heading, sentence or (page.meta or {}).get("description", ""), title
        )
    return output


def og_locale(language: str) -> str:
    """Open Graph's language_TERRITORY form, as hooks/seo.py writes it: "nb" -> "nb_NO"."""
    likely = Locale.parse(get_global("likely_subtags").get(language, language))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def share_url(prefix: str, path: str, anchor: str) -> str:
    """A section's share page, relative to the site root: "nl/s/skills/empathy/"."""
    return f"{prefix}{SHARE_PREFIX}{path}{anchor}/"


def sections(language: str) -> dict[tuple[str, str], Section]:
    return {(path, anchor): s for (code, path, anchor), s in _sections.items() if code == language}


@event_priority(-150)  # after static-i18n built every language, before go_links writes /go/
def on_post_build(config) -> None:
    if not site_languages.is_final_build(config):
        return
    contract = load_link_contract(config)
    labels = sharing_labels(config)
    site = Path(config.site_dir)
    for section in list(_sections.values()):
        prefix = contract.prefix(section.language)
        here = share_url(prefix, section.path, section.anchor)
        site_name = _site_names.get(section.language, config.site_name)
        card = Card(site_name=site_name, title=section.heading, subtitle=section.page_title)
        image = image_path(f"{section.language}/{_name(section.path)}.{section.anchor}", card, lambda: draw_card(card))
        target = contract.url(section.language, section.path, section.anchor)
        relative = posixpath.relpath(prefix + section.path or ".", here.rstrip("/")) + "/#" + section.anchor
        page = SHARE_PAGE.format(
            lang=section.language,
            title=f"{section.heading} – {section.page_title}",
            heading=section.heading,
            description=section.sentence,
            canonical=site_languages.absolute_url(target, config),
            url=site_languages.absolute_url(here, config),
            image=site_languages.absolute_url(image, config),
            alt=f"{section.heading} – {site_name}",
            width=WIDTH,
            height=HEIGHT,
            site_name=site_name,
            locale=og_locale(section.language),
            relative=relative,
            open=labels("share_open", section.language, heading=section.heading),
        )
        _write(site / here / "index.html", str(page).encode("utf-8"))
    for path, png in _images.items():
        _write(site / path, png)


def _write(target: Path, data: bytes) -> None:
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


SHARE_PAGE = Markup("""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={relative}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site_name}">
<meta property="og:title" content="{heading}">
<meta property="og:description" content="{description}">
<meta property="og:url" content="{url}">
<meta property="og:locale" content="{locale}">
<meta property="og:image" content="{image}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{width}">
<meta property="og:image:height" content="{height}">
<meta property="og:image:alt" content="{alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{heading}">
<meta name="twitter:description" content="{description}">
<meta name="twitter:image" content="{image}">
<meta name="twitter:image:alt" content="{alt}">
<link rel="icon" href="data:,">
</head>
<body>
<main>
<p><a href="{relative}">{open}</a></p>
<p>{description}</p>
</main>
</body>
</html>
""")
