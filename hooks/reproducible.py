"""MkDocs hook: keep the build date out of the sitemap unless it is pinned.

MkDocs dates every page in sitemap.xml with the build day, or with
SOURCE_DATE_EPOCH when it is set (the Makefile sets it to the last commit's
time), and stamps that date into the header of sitemap.xml.gz. Without
SOURCE_DATE_EPOCH the dates are left out; either way sitemap.xml.gz is compressed
again from the final sitemap.xml with a zero timestamp, so two builds of the same
commit write the same bytes.
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from site_languages import is_final_build

LASTMOD = re.compile(rb"\n[ \t]*<lastmod>[^<]*</lastmod>")


@event_priority(-200)
def on_post_build(config) -> None:
    if is_final_build(config):
        settle_sitemap(Path(config.site_dir))


def settle_sitemap(site_dir: Path) -> None:
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    xml = sitemap.read_bytes()
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        xml = LASTMOD.sub(b"", xml)
        sitemap.write_bytes(xml)
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml, mtime=0))
