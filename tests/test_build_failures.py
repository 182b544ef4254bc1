"""A build that fails says where, without a traceback, and keeps the last good site/.

Any exception a marker's renderer raises becomes an error naming the page and the
marker (hooks/markers.py); `make build` builds into a new folder and replaces
site/ only when the build succeeds (hosting/build_site.py).
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

import markers
import renderers
from conftest import PROJECT_PARTS, REPO, copy_project

RAW = yaml.safe_load((REPO / "data" / "figures.yml").read_text(encoding="utf-8"))


# -- Marker rendering errors ------------------------------------------------------------


def _render(markdown: str) -> str:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="salary.md", locale="en"), url="salary/")
    config = SimpleNamespace(plugins={}, theme={"language": "en"}, config_file_path=str(REPO / "mkdocs.yml"))
    return markers.on_page_markdown(markdown, page=page, config=config, files=None)


@pytest.mark.parametrize(
    "failure", [ZeroDivisionError("division by zero"), KeyError("en"), ArithmeticError("overflow"), TypeError("bad operand")]
)
def test_any_failure_in_a_renderer_names_the_page_and_the_marker(monkeypatch, failure):
    def broken(ctx):
        raise failure

    monkeypatch.setitem(renderers.TABLES, "sources", broken)
    with pytest.raises(PluginError) as error:
        _render("Intro.\n\n<!-- table: sources -->\n")
    assert str(error.value) == (
        f"salary.md: cannot render the marker <!-- table: sources -->: {type(failure).__name__}: {failure}"
    )
    assert error.value.__cause__ is None and error.value.__suppress_context__


# -- A failed build keeps the last good site -------------------------------------------------

BUILD_SITE = REPO / "hosting" / "build_site.py"


def test_a_failed_build_leaves_the_existing_site_intact(tmp_path):
    project = copy_project(tmp_path / "project")
    data = copy.deepcopy(RAW)
    data["employment"]["period"] = "0000"
    (project / "data" / "figures.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = project / "site"
    (site / "salary").mkdir(parents=True)
    (site / "index.html").write_text("last good build", encoding="utf-8")
    (site / "salary" / "index.html").write_text("last good salary page", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(BUILD_SITE), "--site-dir", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "figures.yml: employment.period: year 0000 in '0000' is outside 1900-2100" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"
    assert (site / "salary" / "index.html").read_text(encoding="utf-8") == "last good salary page"
    assert sorted(path.name for path in project.iterdir()) == sorted([*PROJECT_PARTS, "site"]), (
        "the temporary build folder was left behind"
    )


def test_a_successful_build_replaces_the_site_as_a_whole(tmp_path):
    import build_site

    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("from the last build", encoding="utf-8")

    def build(folder: Path) -> int:
        assert folder.parent == tmp_path and folder != site and site.exists()
        (folder / "index.html").write_text("new build", encoding="utf-8")
        return 0

    assert build_site.build_into(site, build) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "new build"


def test_a_failed_build_step_keeps_the_site_and_removes_its_folder(tmp_path):
    import build_site

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")

    def build(folder: Path) -> int:
        (folder / "index.html").write_text("half a build", encoding="utf-8")
        return 1

    assert build_site.build_into(site, build) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"


def test_a_first_build_creates_the_site(tmp_path):
    import build_site

    site = tmp_path / "site"
    assert build_site.build_into(site, lambda folder: (folder / "index.html").write_text("x", encoding="utf-8") and 0) == 0
    assert (site / "index.html").read_text(encoding="utf-8") == "x"
