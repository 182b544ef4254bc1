"""What the privacy and accessibility tests check in the browser.

- `built_pages`: every page of a built site (each `index.html` and `404.html`).
- `OffsiteGuard`: sees every request of a browser context, lets the site's own
  origin through and blocks and records anything else.
- `axe_violations`: axe-core's WCAG 2.1 A and AA rules (axe-playwright-python
  ships axe-core), run in the page as it is at that moment.

A reader's first scroll, which starts Material's script, is hosting/material_start.py
(the audit drives pages the same way).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from conftest import is_share_page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def built_pages(root: Path) -> list[str]:
    """URL paths of every page in the built site: "", "skills/", "ko/skills/"...,
    then each language's not-found page ("404.html", "ko/404.html")."""
    paths = []
    for index in sorted(root.rglob("index.html")):
        if is_share_page(index.relative_to(root)):
            continue  # a share page forwards to its section at once (tests/test_previews.py)
        folder = index.parent.relative_to(root).as_posix()
        paths.append("" if folder == "." else f"{folder}/")
    return paths + sorted(page.relative_to(root).as_posix() for page in root.rglob("404.html"))


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


class OffsiteGuard:
    """Route every request of `context`: same origin passes, anything else is blocked."""

    def __init__(self, context, base_url: str) -> None:
        self.origin = _origin(base_url)
        self.allowed: list[str] = []
        self.blocked: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if _origin(url) == self.origin:
            self.allowed.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")


def axe_violations(page, where: str, extra_rules: tuple[str, ...] = ()) -> list[str]:
    """One line per element that breaks a rule: "where: rule (impact) target: why"."""
    options: dict = {
        "runOnly": {"type": "tag", "values": WCAG_21_AA},
        "resultTypes": ["violations"],
    }
    if extra_rules:
        # An enabled rule runs even when its tags are not in runOnly.
        options["rules"] = {rule: {"enabled": True} for rule in extra_rules}
    found = _axe.run(page, options=options).response["violations"]
    lines = []
    for violation in found:
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = checks[0]["message"] if checks else violation["help"]
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) {target}: {why}")
    return lines

