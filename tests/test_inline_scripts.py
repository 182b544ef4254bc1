"""The site's own scripts are inlined without comment lines (hooks/inline_scripts.py)."""

from __future__ import annotations

import re

from conftest import REPO
from inline_scripts import compact

# Inline scripts that run: no src (data-src is another attribute), no data type.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\s(?:src|type)=)[^>]*>(.*?)</script>", re.S)
OWN_SCRIPTS = sorted((REPO / "overrides" / "partials").glob("*.js"))


def test_compact_drops_comment_lines_and_indentation_only():
    source = '// Why.\n(function () {\n  // How.\n  var url = "https://example.org/";  // kept\n\n  run(url);\n})();\n'
    assert compact(source) == '(function () {\nvar url = "https://example.org/";  // kept\nrun(url);\n})();'


def test_every_page_carries_its_own_scripts_compacted(site):
    compacted = [compact(path.read_text(encoding="utf-8")) for path in OWN_SCRIPTS]
    # the light/dark toggle, the language switcher, Material's start, the copy buttons
    assert len(compacted) >= 4
    found = set()
    for page in sorted(site.root.rglob("*.html")):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            assert not any(line.lstrip().startswith("//") for line in script.splitlines()), page
            found.update(index for index, own in enumerate(compacted) if script == own)
    assert found == set(range(len(compacted)))
