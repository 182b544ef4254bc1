"""Two clean builds of the same commit write the same bytes, file for file."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from datetime import datetime, timezone

import pytest

import reproducible
from conftest import REPO, build_project, copy_project

EPOCH = "1700000000"
BUILD = "import sys; from pathlib import Path; from conftest import build_project; build_project(Path(sys.argv[1]), Path(sys.argv[2]))"


def _files(root):
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def _lastmods(sitemap):
    return re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def twin_builds(tmp_path_factory):
    """The site built twice with one SOURCE_DATE_EPOCH: here, and in another process
    with another hash seed from a copy of the project elsewhere on disk."""
    root = tmp_path_factory.mktemp("twins")
    other_seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", EPOCH)
        build_project(REPO, root / "a")
        project = copy_project(root / "project")
        second = subprocess.run(
            [sys.executable, "-c", BUILD, str(project), str(root / "b")],
            cwd=REPO / "tests",
            env={**os.environ, "PYTHONHASHSEED": other_seed},
            capture_output=True,
            text=True,
        )
    assert second.returncode == 0, f"the second build failed:\n{second.stderr[-3000:]}"
    return root / "a", root / "b"


def test_two_builds_are_byte_identical(twin_builds):
    first, second = twin_builds
    assert _files(first) == _files(second)
    differ = sorted(path for path in _files(first) if (first / path).read_bytes() != (second / path).read_bytes())
    assert differ == [], f"files that differ between two builds: {differ}"


def test_sitemap_dates_are_source_date_epoch_and_gzip_has_no_timestamp(twin_builds):
    site = twin_builds[0]
    day = datetime.fromtimestamp(int(EPOCH), timezone.utc).date().isoformat()
    assert set(_lastmods(site / "sitemap.xml")) == {day}
    compressed = (site / "sitemap.xml.gz").read_bytes()
    assert compressed[4:8] == bytes(4), "gzip header carries a timestamp"
    assert gzip.decompress(compressed) == (site / "sitemap.xml").read_bytes()


def test_without_source_date_epoch_the_sitemap_has_no_dates(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "sitemap.xml").write_text(
        "<urlset>\n    <url>\n        <loc>https://example.org/</loc>\n        <lastmod>2026-11-22</lastmod>\n"
        "        <changefreq>daily</changefreq>\n    </url>\n</urlset>",
        encoding="utf-8",
    )
    reproducible.settle_sitemap(tmp_path)
    xml = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert xml == (
        "<urlset>\n    <url>\n        <loc>https://example.org/</loc>\n"
        "        <changefreq>daily</changefreq>\n    </url>\n</urlset>"
    )
    compressed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert compressed[4:8] == bytes(4)
    assert gzip.decompress(compressed).decode("utf-8") == xml


def test_the_session_build_dates_its_sitemap_only_from_source_date_epoch(site):
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    expected = {datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()} if epoch else set()
    assert set(_lastmods(site.root / "sitemap.xml")) == expected
    assert (site.root / "sitemap.xml.gz").read_bytes()[4:8] == bytes(4)
