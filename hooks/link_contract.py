"""The link contract: the pages, anchors and languages whose URLs the guide promises.

The contract is kept in ../shared/link-contract.yml; the build reads its copy in
data/link-contract.yml, so the site can be published from this repository alone
(a test keeps the copy equal to the shared file). The go/ pages and the "Link to
this guide" page are both generated from it. Its languages must be the ones
mkdocs.yml builds, with the same root language, or the build stops. The contract
names the languages; their URL prefixes come from the site (site_languages), so
there is one rule for where a language lives.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

import site_languages

CONTRACT_FILE = "data/link-contract.yml"
GO_PREFIX = "go/"
LINK_PAGE = "link-to-this-guide/"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    root: bool = False


@dataclass(frozen=True)
class LinkContract:
    languages: tuple[Language, ...]
    pages: dict[str, tuple[str, ...]]  # page path ("" for home, "skills/") -> anchors
    prefixes: dict[str, str]  # language code -> URL prefix, from site_languages.prefix

    @property
    def root(self) -> Language:
        return next(language for language in self.languages if language.root)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def prefix(self, code: str) -> str:
        """URL prefix of a language: "" for the root language, else "ko/"."""
        return self.prefixes[code]

    def url(self, code: str, path: str, anchor: str = "") -> str:
        """A promised URL relative to the site root: "ko/skills/#empathy"."""
        return self.prefix(code) + path + (f"#{anchor}" if anchor else "")

    def go_url(self, path: str, anchor: str = "") -> str:
        """The language-neutral URL relative to the site root: "go/skills/#empathy"."""
        return GO_PREFIX + path + (f"#{anchor}" if anchor else "")

    def path_of(self, url: str, code: str) -> str:
        """A page URL of a language without its prefix: "ko/skills/" -> "skills/"."""
        return url.removeprefix(self.prefix(code))


@dataclass(frozen=True)
class PageTitles:
    """A page's H1 and the headings of its promised sections, in its language."""

    title: str
    sections: dict[str, str]


def load_link_contract(config) -> LinkContract:
    path = Path(config.config_file_path).parent / CONTRACT_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        languages = tuple(
            Language(code=str(item["code"]), name=str(item["name"]), root=bool(item.get("root")))
            for item in raw["languages"]
        )
        pages = {str(page): tuple(anchors or ()) for page, anchors in raw["pages"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        raise PluginError(f"{path}: cannot read the link contract: {error}") from None
    if sum(language.root for language in languages) != 1:
        raise PluginError(f"{path}: languages: exactly one language must have root: true")
    _check_languages(languages, config, path)
    prefixes = {language.code: site_languages.prefix(language.code, config) for language in languages}
    return LinkContract(languages=languages, pages=pages, prefixes=prefixes)


def _check_languages(languages: tuple[Language, ...], config, path: Path) -> None:
    promised = sorted(language.code for language in languages)
    built = sorted(site_languages.languages(config))
    if promised != built:
        raise PluginError(
            f"{path}: languages: the contract promises {', '.join(promised)}, "
            f"mkdocs.yml builds {', '.join(built)}; they must be the same"
        )
    default = site_languages.default_language(config)
    root = next(language.code for language in languages if language.root)
    if root != default:
        raise PluginError(
            f"{path}: languages: root is {root}, but the default language "
            f"in mkdocs.yml is {default}; they must be the same"
        )


def page_titles(contract: LinkContract, files) -> dict[str, dict[str, PageTitles]]:
    """Titles of the contract's pages and sections built so far, by language and path.

    Call it once every page is rendered (from `on_env`). A promised page or anchor
    missing from a built language stops the build, naming the file.
    """
    found: dict[str, dict[str, PageTitles]] = {}
    for file in files.documentation_pages():
        page = file.page
        code = getattr(file, "locale", None) or contract.root.code
        path = contract.path_of(page.url, code)
        if path not in contract.pages or page.toc is None:
            continue
        headings = dict(_headings(page.toc))
        missing = [anchor for anchor in contract.pages[path] if anchor not in headings]
        if missing:
            raise PluginError(f"{file.src_uri}: no heading with id {', '.join(missing)} (promised by the link contract)")
        title = next((title for _, title, level in _walk(page.toc) if level == 1), None) or page.title
        sections = {anchor: headings[anchor] for anchor in contract.pages[path]}
        found.setdefault(code, {})[path] = PageTitles(title=_text(title), sections=sections)
    for code, built in found.items():
        missing = [path or "(home)" for path in contract.pages if path not in built]
        if missing:
            raise PluginError(f"language {code}: no page for {', '.join(missing)} (promised by the link contract)")
    return found


def _walk(toc):
    for item in toc:
        yield item.id, item.title, item.level
        yield from _walk(item.children)


def _headings(toc):
    for anchor, title, _ in _walk(toc):
        yield anchor, _text(title)


def _text(title: str) -> str:
    """TOC titles are HTML-escaped text; the renderers escape on output themselves."""
    return html.unescape(title)
