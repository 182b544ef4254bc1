"""Link previews as a crawler reads them: no JavaScript, the HTML's head only.

Every page, every section share page (<prefix>s/<page>/<anchor>/) and every /go/
page has a title, a description and an image in the link's language, the image
exists in the build at the size the tags give, and a share page leads to its
section without JavaScript.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.config import load_config
from PIL import Image

from conftest import REPO, load_contract
from html_tree import parse

CONTRACT = load_contract()
SITE_URL = load_config(str(REPO / "mkdocs.yml")).site_url


def meta(tree, key: str) -> str:
    for element in tree.find_all("meta"):
        if element.attrs.get("property") == key or element.attrs.get("name") == key:
            return element.attrs.get("content", "")
    raise AssertionError(f"no <meta> {key}")


def check_preview(site, tree, where: str) -> None:
    for key in ("og:title", "og:description", "twitter:title", "twitter:description", "og:image:alt"):
        assert meta(tree, key).strip(), f"{where}: empty {key}"
    assert meta(tree, "twitter:card") == "summary_large_image", where
    image = meta(tree, "og:image")
    assert image == meta(tree, "twitter:image") and image.startswith(SITE_URL), where
    file = site.root / urlsplit(image).path.removeprefix(urlsplit(SITE_URL).path)
    assert file.is_file(), f"{where}: {image} is not in the build"
    assert file.stat().st_size < 60_000, f"{where}: {file.name} is {file.stat().st_size} bytes"
    with Image.open(file) as picture:
        assert picture.size == (int(meta(tree, "og:image:width")), int(meta(tree, "og:image:height"))) == (1200, 630)


def test_every_page_has_a_preview_in_its_language(site):
    pages = [p for p in site.root.rglob("index.html") if "/s/" not in p.as_posix() and "/go/" not in p.as_posix()]
    pages = [p for p in pages if (p.parent / "index.html").is_file() and p.parent.name not in ("search",)]
    assert len(pages) >= len(CONTRACT.pages) * len(CONTRACT.codes)
    for page in pages:
        tree = parse(page)
        where = str(page.relative_to(site.root))
        check_preview(site, tree, where)
        code = tree.find("html").attrs["lang"]
        assert meta(tree, "og:locale").split("_")[0] == code, where


SECTIONS = [(code, path, anchor) for code in CONTRACT.codes for path, anchors in CONTRACT.pages.items() for anchor in anchors]


@pytest.mark.parametrize("code", CONTRACT.codes)
def test_every_promised_section_has_a_share_page_that_previews_it(site, code):
    for _, path, anchor in [s for s in SECTIONS if s[0] == code]:
        share = site.root / CONTRACT.prefix(code) / "s" / path / anchor / "index.html"
        assert share.is_file(), share
        tree = parse(share)
        where = str(share.relative_to(site.root))
        assert tree.find("html").attrs["lang"] == code
        check_preview(site, tree, where)
        # The preview is the section, in the link's language: its heading as the title.
        page = parse(site.page(CONTRACT.prefix(code), path))
        heading = next(e for e in page.iter() if e.attrs.get("id") == anchor and re.fullmatch(r"h[1-6]", e.tag))
        heading_text = re.sub(r"\s+", " ", "".join(c if isinstance(c, str) else c.text for c in heading.children
                                                  if isinstance(c, str) or "headerlink" not in c.attrs.get("class", ""))).strip()
        assert meta(tree, "og:title") == heading_text, where
        assert meta(tree, "og:description") == meta(tree, "description")
        # Without JavaScript: a canonical link to the section, a refresh and a plain link to it.
        section = f"{SITE_URL}{CONTRACT.prefix(code)}{path}#{anchor}"
        assert tree.find("link", rel="canonical").attrs["href"] == section
        refresh = tree.find("meta", **{"http-equiv": "refresh"}).attrs["content"]
        here = f"{SITE_URL}{CONTRACT.prefix(code)}s/{path}{anchor}/"
        assert urljoin(here, refresh.split("url=", 1)[1]) == section
        assert urljoin(here, tree.find("main").find("a").attrs["href"]) == section
        assert not tree.find_all("script")


def test_go_pages_preview_in_every_language(site):
    for path in CONTRACT.pages:
        page = site.root / "go" / path / "index.html"
        tree = parse(page)
        check_preview(site, tree, str(page))
        # Every language's title is in the preview's title.
        for code in CONTRACT.codes:
            if path:
                target = parse(site.page(CONTRACT.prefix(code), path))
                title = target.find("h1").text.replace("¶", "").strip()
                assert title in meta(tree, "og:title"), (path, code)


def test_the_preview_images_are_in_the_build_once_each(site):
    images = list((site.root / "assets" / "previews").rglob("*.png"))
    pages = len(CONTRACT.pages) * len(CONTRACT.codes)
    sections = len(SECTIONS)
    assert len(images) == pages + sections + len(CONTRACT.pages)
