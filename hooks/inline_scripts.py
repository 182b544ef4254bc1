"""MkDocs hook: the site's own scripts are inlined without comment lines or indentation.

The scripts in overrides/partials/*.js are inlined into pages (as files, their
request headers would weigh more than they do), so every byte of them is sent with
every page. Their files keep the comments for the reader of the source; templates
inline them through the `inline_script` filter:

    <script>{% filter inline_script %}{% include "partials/palette.js" %}{% endfilter %}</script>

Only whole-line `//` comments go, and lines stay lines, so the code runs as written.

Material publishes every file of the theme's custom_dir that is not a template, so
the sources would also be served as /partials/*.js, comments and all: they are
dropped from the files to publish (Jinja still includes them from the theme folder).
"""

from __future__ import annotations

from pathlib import Path


def compact(source: str) -> str:
    """The script without blank lines, indentation and whole-line // comments."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def on_env(env, config, files):
    env.filters["inline_script"] = compact
    return env


def on_files(files, config):
    custom_dir = config.theme.custom_dir
    if custom_dir:
        partials = Path(custom_dir).resolve() / "partials"
        for file in list(files):
            source = Path(file.abs_src_path or "").resolve()
            if source.suffix == ".js" and source.parent == partials:
                files.remove(file)
    return files
