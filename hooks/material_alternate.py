"""MkDocs hook: switch off Material's sitemap-based language redirect.

Material's script treats every `<link rel="alternate">` as the root of a language,
fetches `sitemap.xml` beside it and, on a click in the language selector, sends
the reader to that root or a sitemap match. mkdocs-static-i18n already points
each alternate at the same page in the other language, so Material's guess
fetches /ko/skills/sitemap.xml (a 404 and a console error on every page) and
drops the `#section` a reader was on. Our own links are right as they are, so
the hook points Material's lookup at a selector that matches nothing.

Material is pinned exactly in the lock file; if an upgrade changes the script,
the build fails here instead of silently shipping the old behaviour.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

LOOKUP = 'M("link[rel=alternate]")'
DISABLED = 'M("link[rel=alternate][data-md-language-root]")'


def on_post_build(config) -> None:
    # static-i18n builds each extra language into a sub-folder without theme assets.
    bundles = sorted(Path(config.site_dir).glob("assets/javascripts/bundle.*.min.js"))
    for bundle in bundles:
        script = bundle.read_text(encoding="utf-8")
        if DISABLED in script:
            continue
        if script.count(LOOKUP) != 1:
            raise PluginError(f"{bundle.name}: Material's alternate-language lookup has changed; review hooks/material_alternate.py")
        bundle.write_text(script.replace(LOOKUP, DISABLED), encoding="utf-8")
