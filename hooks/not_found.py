"""MkDocs hook: a not-found page in every language.

MkDocs writes one 404.html at the site root, and static-i18n's per-language
builds overwrite it in turn, so the last language built would win. This hook
keeps each language's rendering and writes /404.html (default language) and
/<code>/404.html. The template (overrides/404.html) gets its text from the data
file's labels and links back to that language's home page; its language menu
leads to each language's home page.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

import site_languages
from site_data import guide_data

TEMPLATE = "404.html"

_rendered: dict[str, str] = {}


def on_template_context(context, template_name, config):
    if template_name == TEMPLATE:
        language = site_languages.build_language(config)
        data = guide_data(config)
        site_path = urlsplit(config.site_url or "/").path or "/"
        context["not_found"] = {
            "title": data.label("not_found_title", language),
            "text": data.label("not_found_text", language),
            "home_label": data.label("not_found_home", language),
            "home_url": site_path + site_languages.prefix(language, config),
        }
        # The page may be served at any depth: search its language's index by absolute path.
        context["search_base"] = site_path + site_languages.prefix(language, config)
        # The language menu leads to each language's home; the menu static-i18n left in
        # the config belongs to the last page it rendered.
        context["language_menu"] = [
            {**alternate, "link": site_path + site_languages.prefix(alternate["lang"], config)}
            for alternate in config.extra.get("alternate", [])
        ]
    return context


def on_post_template(output, template_name, config):
    if template_name == TEMPLATE:
        _rendered[site_languages.build_language(config)] = output
    return output


@event_priority(-200)
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    for language, html in _rendered.items():
        target = site / site_languages.prefix(language, config) / TEMPLATE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
