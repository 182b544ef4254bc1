"""MkDocs hook: language-neutral links, /go/<page>/#<anchor>, for job postings.

For every page of the link contract it writes a static go/<page>/index.html whose
inline script sends the reader, with location.replace and the #anchor kept, to
that page in the first of navigator.languages the guide has (by primary subtag;
Norwegian no/nn/nb all go to nb), else to the root language. Without JavaScript
the page lists the links to every language. The pages are noindex and, being
written after the build, stay out of the sitemap and the search index.

static-i18n builds the languages from its own on_post_build (priority -100), so
the files are written at -200, once, after the last language.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority

from site_languages import is_final_build
from link_contract import LinkContract, PageTitles, load_link_contract, page_titles

# Browser language tags whose primary subtag is not a code of the guide.
ALIASES = {"no": "nb", "nn": "nb"}

_titles: dict[str, PageTitles] = {}
_site_name = ""


def on_env(env, config, files):
    # Only the top-level build is in the root language; remember its titles.
    global _site_name
    if is_final_build(config):
        contract = load_link_contract(config)
        _titles.clear()
        _titles.update(page_titles(contract, files).get(contract.root.code, {}))
        _site_name = config.site_name
    return env


@event_priority(-200)
def on_post_build(config) -> None:
    if not is_final_build(config):
        return
    contract = load_link_contract(config)
    site = Path(config.site_dir)
    for path in contract.pages:
        target = site / contract.go_url(path) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        html = go_page(contract, path)
        if not target.is_file() or target.read_text(encoding="utf-8") != html:
            target.write_text(html, encoding="utf-8")


def relative(target: str, here: str) -> str:
    """A directory URL relative to another: ("ko/skills/", "go/skills/") -> "../../ko/skills/"."""
    link = posixpath.relpath(target or ".", here.rstrip("/") or ".")
    return "./" if link == "." else link + "/"


def go_page(contract: LinkContract, path: str) -> str:
    here = contract.go_url(path)
    targets = {language.code: relative(contract.url(language.code, path), here) for language in contract.languages}
    aliases = {tag: code for tag, code in ALIASES.items() if code in targets}
    titles = _titles.get(path)
    heading = titles.title if titles else _site_name
    title = f"{heading} – {_site_name}" if titles and _site_name else heading
    links = Markup("\n").join(
        Markup('<li><a href="{}" hreflang="{code}" lang="{code}">{}</a></li>').format(
            targets[language.code], language.name, code=language.code
        )
        for language in contract.languages
    )
    data = json.dumps({"targets": targets, "aliases": aliases, "fallback": contract.root.code})
    # "</" cannot occur in the JSON (paths and codes only), so it is safe inline. It is
    # a data block: the script itself is the same on every /go/ page, so a
    # Content-Security-Policy needs one hash for all of them.
    return str(_PAGE.format(title=title, heading=heading, site_name=_site_name, links=links, data=Markup(data)))


_PAGE = Markup("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{site_name}: choose your language.</p>
<ul>
{links}
</ul>
</main>
<script type="application/json" id="go-targets">{data}</script>
<script>
(function (d) {{
  var hash = location.hash, wanted = navigator.languages || [navigator.language || ""];
  document.querySelectorAll("li a").forEach(function (a) {{ a.href = a.getAttribute("href") + hash; }});
  for (var i = 0; i < wanted.length; i++) {{
    var code = String(wanted[i]).toLowerCase().split(/[-_]/)[0];
    code = d.aliases[code] || code;
    if (Object.prototype.hasOwnProperty.call(d.targets, code)) {{
      return location.replace(d.targets[code] + hash);
    }}
  }}
  location.replace(d.targets[d.fallback] + hash);
}})(JSON.parse(document.getElementById("go-targets").textContent));
</script>
</body>
</html>
""")
