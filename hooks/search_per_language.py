"""MkDocs hook: one search index per language, with lunr's rules for it.

static-i18n merges every language into one index at the root, so a Korean reader
would get English, Dutch, Finnish and Norwegian hits. After the last language is
built, this hook splits that index: /search/search_index.json keeps the default
language, /<code>/search/search_index.json each other one, with locations made
relative to the language's root and lunr's stemmer and stop words for it.
The theme (overrides/main.html) points each page's search at its language root.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

import site_languages

INDEX = "search/search_index.json"
# lunr.js has no "nb": Norwegian Bokmål is its "no". (lunr's Korean word
# characters include Latin letters, so "BLS" in a Korean page stays searchable.)
LUNR_LANGUAGES = {"nb": ["no"]}


def split_index(index: dict, languages: list[str], prefixes: dict[str, str]) -> dict[str, dict]:
    """The merged index as one index per language, locations relative to its root."""
    own_prefixes = {language: p for language, p in prefixes.items() if p}
    per_language: dict[str, list] = {language: [] for language in languages}
    for doc in index["docs"]:
        language = next(
            (lang for lang, p in own_prefixes.items() if doc["location"].startswith(p)),
            next(lang for lang, p in prefixes.items() if not p),
        )
        per_language[language].append({**doc, "location": doc["location"][len(prefixes[language]):]})
    return {
        language: {**index, "config": {**index["config"], "lang": LUNR_LANGUAGES.get(language, [language])}, "docs": docs}
        for language, docs in per_language.items()
    }


def on_page_context(context, page, config, nav):
    language_prefix = site_languages.prefix(site_languages.page_language(page, config), config)
    # A trailing slash: the browser resolves "search/search_index.json" against it.
    context["search_base"] = context["base_url"].rstrip("/") + "/" + language_prefix
    return context


@event_priority(-200)
def on_post_build(config) -> None:
    if not site_languages.is_final_build(config):
        return
    site = Path(config.site_dir)
    merged = site / INDEX
    if not merged.exists():
        return
    languages = site_languages.languages(config)
    prefixes = {language: site_languages.prefix(language, config) for language in languages}
    index = json.loads(merged.read_text(encoding="utf-8"))
    for language, language_index in split_index(index, languages, prefixes).items():
        target = site / prefixes[language] / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(language_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
