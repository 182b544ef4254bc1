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

Hosting lets browsers keep `bundle.<hash>.min.js` for a year, trusting the name to
change with the content: the rewritten bundle is renamed after a hash of its own
content, and every built page that names it is updated (once, after static-i18n
built the last language). Its source map keeps Material's name.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from site_languages import is_final_build

LOOKUP = 'M("link[rel=alternate]")'
DISABLED = 'M("link[rel=alternate][data-md-language-root]")'


@event_priority(-300)
def on_post_build(config) -> None:
    # static-i18n builds each extra language into a sub-folder without theme assets,
    # from its own on_post_build (-100); the not-found and /go/ pages are written at
    # -200. At -300 every page exists.
    if not is_final_build(config):
        return
    site = Path(config.site_dir)
    renamed: dict[str, str] = {}
    for bundle in sorted(site.glob("assets/javascripts/bundle.*.min.js")):
        script = bundle.read_text(encoding="utf-8")
        if DISABLED not in script:
            if script.count(LOOKUP) != 1:
                raise PluginError(f"{bundle.name}: Material's alternate-language lookup has changed; review hooks/material_alternate.py")
            script = script.replace(LOOKUP, DISABLED)
        name = f"bundle.{fingerprint(script)}.min.js"
        if name != bundle.name:
            (bundle.parent / name).write_text(script, encoding="utf-8")
            bundle.unlink()
            renamed[bundle.name] = name
    if renamed:
        pattern = re.compile("|".join(re.escape(old) for old in renamed))
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            updated = pattern.sub(lambda match: renamed[match.group(0)], html)
            if updated != html:
                page.write_text(updated, encoding="utf-8")


def fingerprint(content: str) -> str:
    """Eight hex digits of the content's sha256, as long as Material's own."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
