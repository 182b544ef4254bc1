"""Measure how long the guide's pages are on a small phone: a measurement, not a test.

    make phone-heights
    .venv/bin/python tests/phone_heights.py --site site --pages salary/ link-to-this-guide/ --shots /tmp/shots

Each page of every language is opened in Chromium as a 360 x 640 touch screen
(Playwright's is_mobile and has_touch, device scale 1) from the built site, and
its full height in CSS pixels (document scrollHeight, once fonts have loaded) is
printed, one line per page. With --shots, a full-page screenshot of each is saved
as well, to look at.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import chromium, serve  # noqa: E402
from conftest import load_contract  # noqa: E402

VIEWPORT = {"width": 360, "height": 640}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="a built site (default: site)")
    parser.add_argument("--pages", nargs="+", default=["salary/", "link-to-this-guide/"])
    parser.add_argument("--shots", type=Path, help="a folder for full-page screenshots")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site}/index.html is missing: run `make build` first")
    contract = load_contract()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base_url, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=1)
        tab = context.new_page()
        print(f"{'page':34} height (px) at {VIEWPORT['width']}x{VIEWPORT['height']}")
        for page in args.pages:
            for code in contract.codes:
                path = contract.prefix(code) + page
                tab.goto(base_url + path)
                tab.evaluate("document.fonts.ready")
                height = tab.evaluate("document.documentElement.scrollHeight")
                print(f"/{path:33} {height}")
                if args.shots:
                    tab.screenshot(path=args.shots / (path.strip("/").replace("/", "-") + ".png"), full_page=True)


if __name__ == "__main__":
    main()
