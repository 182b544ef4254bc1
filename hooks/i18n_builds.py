"""Tell the build that finishes the site from static-i18n's nested language builds."""

from __future__ import annotations


def final_build(config) -> bool:
    """True in the outermost build, where files for the whole site are written once.

    static-i18n builds each further language by calling MkDocs' build again from its
    on_post_build (priority -100), with `building` True meanwhile. An on_post_build
    with a lower priority that sees it False runs once, after every language.
    """
    plugin = config.plugins.get("i18n")
    return not getattr(plugin, "building", False)
