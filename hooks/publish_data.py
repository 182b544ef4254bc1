"""MkDocs hook: publish the data file with the site as JSON, CSV and JSON Schema.

The files go to /data/ at the site root (see renderers.DOWNLOADS), once, after
static-i18n has built every language, from the validated data file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

import open_data
from site_data import guide_data
from site_languages import is_final_build


@event_priority(-200)
def on_post_build(config) -> None:
    if not is_final_build(config):
        return
    data = guide_data(config)
    for path, text in open_data.files(data, config.site_url or "/").items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
