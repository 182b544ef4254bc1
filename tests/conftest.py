"""Shared fixtures: the link contract, and real builds of the site.

Builds follow mkdocs-static-i18n's own tests: `load_config` and `build` into a
temporary folder, then assertions on the files written. A build of a modified
copy of the project (for example a changed data file) uses `copy_project`.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED_CONTRACT_FILE = REPO.parent / "shared" / "link-contract.yml"
# CI here has ../shared beside the clone; a lone clone (GitHub Actions) tests the
# build's own copy, which test_go_links keeps equal to the shared one.
CONTRACT_FILE = SHARED_CONTRACT_FILE if SHARED_CONTRACT_FILE.exists() else REPO / "data" / "link-contract.yml"
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data")

sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "hosting"))


@dataclass(frozen=True)
class Contract:
    languages: list[dict]
    pages: dict[str, list[str]]

    @property
    def codes(self) -> list[str]:
        return [language["code"] for language in self.languages]

    def prefix(self, code: str) -> str:
        """URL prefix of a language: "" for the root language, else "ko/"."""
        root = next(language for language in self.languages if language.get("root"))
        return "" if code == root["code"] else f"{code}/"

    def language_of(self, site_path: str) -> str:
        """The language a built file belongs to, from its path in the site."""
        first = site_path.split("/", 1)[0]
        return first if first in self.codes and self.prefix(first) else self.root_code

    @property
    def root_code(self) -> str:
        return next(language["code"] for language in self.languages if language.get("root"))


def load_contract() -> Contract:
    raw = yaml.safe_load(CONTRACT_FILE.read_text(encoding="utf-8"))
    return Contract(languages=raw["languages"], pages=raw["pages"])


SHARE_PREFIX = "s"


def is_share_page(relative) -> bool:
    """A section share page (hooks/previews.py): "s/skills/empathy/index.html",
    "ko/s/skills/empathy/index.html". It forwards to its section and is checked on its own."""
    parts = Path(relative).parts
    codes = {language["code"] for language in yaml.safe_load(CONTRACT_FILE.read_text(encoding="utf-8"))["languages"]}
    return parts[:1] == (SHARE_PREFIX,) or (len(parts) > 1 and parts[0] in codes and parts[1] == SHARE_PREFIX)


@pytest.fixture(scope="session")
def contract() -> Contract:
    return load_contract()


class WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def copy_project(destination: Path) -> Path:
    """A copy of everything the build reads, to modify without touching the repo."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


def build_project(project: Path, site_dir: Path) -> list[str]:
    """Build `project` strictly into `site_dir`; return the warnings logged."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    counter = WarningCounter()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        build(config)
    finally:
        logger.removeHandler(counter)
    return [record.getMessage() for record in counter.records]


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    warnings: list[str]

    def page(self, prefix: str, path: str) -> Path:
        return self.root / prefix / path / "index.html"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once per test session from the repository as it is."""
    site_dir = tmp_path_factory.mktemp("site")
    warnings = build_project(REPO, site_dir)
    return BuiltSite(root=site_dir, warnings=warnings)


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served over HTTP on 127.0.0.1."""
    from browser import serve

    with serve(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (it cannot download its own here)."""
    from browser import CHROMIUM, chromium

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium as root)")
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    with browser.new_context() as context:
        yield context.new_page()
