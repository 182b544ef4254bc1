"""MkDocs hook: the site's own scripts are inlined without comment lines or indentation.

The scripts in overrides/partials/*.js are inlined into pages (as files, their
request headers would weigh more than they do), so every byte of them is sent with
every page. Their files keep the comments for the reader of the source; templates
inline them through the `inline_script` filter:

    <script>{% filter inline_script %}{% include "partials/palette.js" %}{% endfilter %}</script>

Only whole-line `//` comments go, and lines stay lines, so the code runs as written.
"""

from __future__ import annotations


def compact(source: str) -> str:
    """The script without blank lines, indentation and whole-line // comments."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def on_env(env, config, files):
    env.filters["inline_script"] = compact
    return env
