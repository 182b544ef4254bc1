"""Which language a page is in, and where each language lives in the built site.

The languages and the default (root) language come from the mkdocs-static-i18n
plugin's configuration, so mkdocs.yml stays the one place that lists them.
"""

from __future__ import annotations

from urllib.parse import urljoin


def i18n_plugin(config):
    return config.plugins.get("i18n")


def languages(config) -> list[str]:
    plugin = i18n_plugin(config)
    if plugin is None:
        return [config.theme.get("language", "en")]
    return [language.locale for language in plugin.config.languages if language.build]


def default_language(config) -> str:
    plugin = i18n_plugin(config)
    for language in plugin.config.languages if plugin else []:
        if language.default:
            return language.locale
    return "en"


def prefix(language: str, config) -> str:
    """URL prefix of a language: "" for the default language, else "ko/"."""
    return "" if language == default_language(config) else f"{language}/"


def page_language(page, config) -> str:
    """static-i18n sets `file.locale`; the theme's language otherwise."""
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")


def build_language(config) -> str:
    """The language static-i18n is building now (it sets the theme's language)."""
    return config.theme.get("language") or default_language(config)


def path_in_language(page_url: str, config) -> str:
    """A page's path within its language: "ko/skills/" -> "skills/"."""
    for language in languages(config):
        language_prefix = prefix(language, config)
        if language_prefix and page_url.startswith(language_prefix):
            return page_url[len(language_prefix):]
    return page_url


def absolute_url(path: str, config) -> str:
    return urljoin(config.site_url or "/", path)


def is_final_build(config) -> bool:
    """True in the outermost post-build, after static-i18n built every language.

    Use from an on_post_build with a priority below static-i18n's (-100).
    """
    plugin = i18n_plugin(config)
    return plugin is None or not getattr(plugin, "building", False)
