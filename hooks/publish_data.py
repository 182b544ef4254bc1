"""MkDocs hook: publish the data file with the site as JSON, CSV and JSON Schema.

The files go to /data/ at the site root (see renderers.DOWNLOADS), once, after
static-i18n has built every language, from the data file validated again here.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

import open_data
from guide_data import DATA_FILE, load_guide_data
from site_languages import is_final_build


@event_priority(-200)
def on_post_build(config) -> None:
    if not is_final_build(config):
        return
    data = load_guide_data(Path(config.config_file_path).parent / DATA_FILE)
    for path, text in open_data.files(data, config.site_url or "/").items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
