"""Lighthouse audit of every page of every language, served as real hosting serves it.

Builds the site (with SITE_URL set to the address it is served at), runs nginx with
the repository's configuration on 127.0.0.1, and runs Lighthouse in mobile mode
(its default: a phone screen and simulated slow 4G) three times on each page. For
every page it prints the median of the runs, column by column, and at the end the
pages that miss the budget; the exit status is 1 when any does.

Lighthouse loads a page and does nothing else, so Material's script, which starts
at the reader's first key, touch, pointer or scroll (overrides/partials/
material-start.js), is not in its bytes. The "KiB used" column shows what a reader
who goes on transfers: the page loaded in Chromium on a phone-sized screen, then
scrolled once, until Material runs and its search worker has its index and lunr
files, counted from nginx's access log (headers and compressed bodies as sent;
browsers report no body for a worker's script, so Lighthouse's own count of a page
that starts search leaves out its 12 KiB). It is reported, not budgeted: the
budget is the first visit's, as Lighthouse measures it.

    python hosting/audit.py                       # every page (what `make audit` runs)
    python hosting/audit.py --page '^$' --page 'ko/salary/' --runs 1
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nginx_site
from material_start import start_material

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# The budget every page must meet on a first visit.
MIN_SCORE = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_KIB = 100
# Share pages for one section (hooks/previews.py): "s/skills/empathy", "nl/s/skills/empathy".
SHARE_PAGE = re.compile(r"(?:[a-z]{2,3}/)?s/")


@dataclass(frozen=True)
class Result:
    """One page: the median over the runs of each column separately."""

    path: str
    scores: dict[str, int]
    kib: float
    fcp_ms: float
    lcp_ms: float
    kib_used: float | None = None  # after the reader's first scroll (not budgeted); None: not measured

    def misses(self) -> list[str]:
        missed = [f"{name} {self.scores[name]} < {least}" for name, least in MIN_SCORE.items() if self.scores[name] < least]
        if self.kib > MAX_KIB:
            missed.append(f"{self.kib:.1f} KiB > {MAX_KIB} KiB")
        return missed


def build(site_dir: Path, site_url: str) -> None:
    """A strict build whose canonical and sitemap addresses match where it is served."""
    environment = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=REPO,
        env=environment,
        check=True,
    )


def pages(site_dir: Path) -> list[str]:
    """Every page's URL path relative to the site root: "", "salary/", "ko/salary/"...

    Not the /go/ stubs nor the share pages (`s/skills/empathy/`, `nl/s/...`): they
    only redirect to a page audited here (Lighthouse would score that page again,
    less the redirect's round trip).
    """
    found = []
    for index in site_dir.rglob("index.html"):
        path = index.parent.relative_to(site_dir).as_posix()
        if path == "go" or path.startswith("go/") or SHARE_PAGE.match(path):
            continue
        found.append("" if path == "." else path + "/")
    # The root language first, then the others, each in path order.
    return sorted(found, key=lambda path: (bool(re.match(r"[a-z]{2,3}/", path)), path))


def lighthouse(url: str, report: Path, attempts: int = 3) -> dict:
    """One Lighthouse run; a run that breaks down (as NO_NAVSTART, now and then) is repeated."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={report}",
    ]
    for attempt in range(1, attempts + 1):
        run = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROME_PATH), capture_output=True, text=True)
        result = json.loads(report.read_text(encoding="utf-8")) if run.returncode == 0 else {}
        error = result.get("runtimeError", {}).get("message") if result else run.stderr.strip()[-500:]
        if not error:
            return result
        print(f"  {url}: Lighthouse failed (attempt {attempt} of {attempts}): {error}", file=sys.stderr, flush=True)
    raise RuntimeError(f"{url}: Lighthouse failed {attempts} times")


@contextmanager
def chromium():
    """The Chromium Lighthouse uses, driven by Playwright for the "KiB used" column."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=CHROME_FLAGS.split())
        try:
            yield browser
        finally:
            browser.close()


def kib_used(browser, url: str, access_log: Path) -> float:
    """KiB nginx sent for a first visit and a first scroll, until Material's search is ready."""
    with browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True) as context:
        before = access_log.stat().st_size if access_log.exists() else 0
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        start_material(page)
        page.wait_for_load_state("networkidle")
    with access_log.open("rb") as log:
        log.seek(before)
        lines = log.read().decode("utf-8", errors="replace").splitlines()
    return sum(int(match.group(1)) for line in lines if (match := BYTES_SENT.search(line))) / 1024


# nginx's "sizes" log format (hosting/nginx/nginx.conf): ... "request" status bytes "referer"
BYTES_SENT = re.compile(r'" \d{3} (\d+) "[^"]*"$')


def summarise(path: str, runs: list[dict], kib_used: float | None = None) -> Result:
    def median(values):
        return statistics.median(values)

    scores = {name: round(median([run["categories"][name]["score"] * 100 for run in runs])) for name in CATEGORIES}
    audits = [run["audits"] for run in runs]
    return Result(
        path=path,
        scores=scores,
        kib=median([a["total-byte-weight"]["numericValue"] for a in audits]) / 1024,
        fcp_ms=median([a["first-contentful-paint"]["numericValue"] for a in audits]),
        lcp_ms=median([a["largest-contentful-paint"]["numericValue"] for a in audits]),
        kib_used=kib_used,
    )


HEADER = (
    f"{'page':<32} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'KiB':>7} {'FCP s':>6} {'LCP s':>6} {'KiB used':>8}"
)


def row(result: Result) -> str:
    s = result.scores
    return (
        f"{'/' + result.path:<32} {s['performance']:>4} {s['accessibility']:>4} {s['best-practices']:>4} {s['seo']:>4}"
        f" {result.kib:>7.1f} {result.fcp_ms / 1000:>6.2f} {result.lcp_ms / 1000:>6.2f}"
        + (f" {result.kib_used:>8.1f}" if result.kib_used is not None else f" {'-':>8}")
        + ("" if not result.misses() else "  <- over budget")
    )


def worst(results: list[Result]) -> str:
    lines = ["worst per column:"]
    for name in CATEGORIES:
        low = min(results, key=lambda r: r.scores[name])
        lines.append(f"  {name:<15} {low.scores[name]:>8}  /{low.path}")
    measures = (("KiB", lambda r: r.kib, "{:.1f}"), ("FCP", lambda r: r.fcp_ms / 1000, "{:.2f} s"),
                ("LCP", lambda r: r.lcp_ms / 1000, "{:.2f} s"), ("KiB used", lambda r: r.kib_used or 0, "{:.1f}"))
    for label, value, form in measures:
        high = max(results, key=value)
        lines.append(f"  {label:<15} {form.format(value(high)):>8}  /{high.path}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3; the median counts)")
    parser.add_argument("--page", action="append", default=[], metavar="REGEX",
                        help="only pages whose path (\"\", \"salary/\", \"ko/salary/\") matches; repeatable")
    parser.add_argument("--reports", type=Path, metavar="DIR", help="keep each run's Lighthouse JSON report in DIR")
    args = parser.parse_args(argv)

    if not LIGHTHOUSE.exists():
        parser.error(f"{LIGHTHOUSE} is missing: run `npm ci` (make audit does)")
    with tempfile.TemporaryDirectory(prefix="guide-audit-") as work:
        port = nginx_site.free_port()
        site_dir = Path(work) / "site"
        build(site_dir, f"http://127.0.0.1:{port}/")
        selected = [p for p in pages(site_dir) if not args.page or any(re.search(f, p) for f in args.page)]
        if not selected:
            parser.error("no page matches --page")
        reports = args.reports or Path(work) / "reports"
        reports.mkdir(parents=True, exist_ok=True)

        print(f"Lighthouse {args.runs}x per page, mobile, on {len(selected)} pages; median of the runs", flush=True)
        print(HEADER, flush=True)
        results = []
        nginx_dir = Path(work) / "nginx"
        with nginx_site.running(site_dir, port=port, run_dir=nginx_dir) as base_url, chromium() as browser:
            for path in selected:
                name = re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home"
                runs = [lighthouse(base_url + path, reports / f"{name}.{n}.json") for n in range(1, args.runs + 1)]
                used = kib_used(browser, base_url + path, nginx_dir / "access.log")
                results.append(summarise(path, runs, used))
                print(row(results[-1]), flush=True)

    print()
    print(worst(results))
    over = [(result, result.misses()) for result in results if result.misses()]
    budget = (f"budget: performance >= {MIN_SCORE['performance']}, accessibility, best practices and SEO"
              f" = 100, at most {MAX_KIB} KiB transferred on a first visit (KiB used is not budgeted)")
    if not over:
        print(f"\nEvery page is within the {budget}.")
        return 0
    print(f"\n{len(over)} of {len(results)} pages miss the {budget}:")
    for result, missed in over:
        print(f"  /{result.path}: {'; '.join(missed)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
