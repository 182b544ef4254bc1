"""Measure the site build: full build time, time per language, pages and their sizes.

    make bench                      # five builds
    .venv/bin/python tests/bench.py --runs 3

Each build is a fresh `mkdocs build --strict` process, as `make build` runs it, into
a temporary folder. The full build time is that process's wall-clock time (median
of the runs), with its CPU time beside it, steadier on a busy machine. Time per
language comes from when static-i18n's "Building 'xx' documentation" lines
arrive: a language runs until the next one starts; start-up (interpreter,
imports, configuration) runs until the first. The first language also copies the
theme's assets, and the last one runs to the end of the build, so it includes the
site-wide steps (the joint search index, open data, sitemap). Sizes are those of
every HTML file of the last build, raw and gzip-compressed at level 6, a usual
web-server setting. A measurement, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LANGUAGE_START = re.compile(r"Building '([\w-]+)' documentation")
START_UP = "start-up"
OTHER_FILES = ("search/search_index.json", "sitemap.xml", "data/figures.json", "data/figures.csv", "data/figures.schema.json")


def build_once(site_dir: Path) -> tuple[float, float, dict[str, float]]:
    """Build the site in a new process; return its wall and CPU time and the time per stage."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(REPO / "mkdocs.yml"),
               "--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cpu_before = _children_cpu()
    start = time.perf_counter()
    marks = [(START_UP, start)]
    output = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env) as process:
        for line in process.stdout:
            output.append(line)
            found = LANGUAGE_START.search(line)
            if found:
                marks.append((found.group(1), time.perf_counter()))
    end = time.perf_counter()
    if process.returncode != 0:
        sys.exit("".join(output) + f"\nmkdocs build failed with exit code {process.returncode}")
    stages = {name: later - at for (name, at), (_, later) in zip(marks, marks[1:] + [("", end)])}
    return end - start, _children_cpu() - cpu_before, stages


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def html_sizes(site_dir: Path) -> list[tuple[str, int, int]]:
    sizes = []
    for page in sorted(site_dir.rglob("*.html")):
        raw = page.read_bytes()
        sizes.append((page.relative_to(site_dir).as_posix(), len(raw), len(gzip.compress(raw, compresslevel=6))))
    return sizes


def language_of(path: str, languages: list[str]) -> str:
    first = path.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *rows)]
    def line(cells):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(head), line(["-" * w for w in widths]), *(line(row) for row in rows)])


def kib(size: int) -> str:
    return f"{size / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="number of full builds (default 5)")
    runs = parser.parse_args().runs
    if runs < 1:
        parser.error("--runs must be at least 1")

    totals, cpu, stages = [], [], {}
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = Path(folder)
        for run in range(1, runs + 1):
            total, cpu_seconds, times = build_once(site_dir)
            totals.append(total)
            cpu.append(cpu_seconds)
            for name, seconds in times.items():
                stages.setdefault(name, []).append(seconds)
            print(f"build {run}/{runs}: {total:.2f} s ({cpu_seconds:.2f} s CPU)", file=sys.stderr)
        sizes = html_sizes(site_dir)
        others = [(path, (site_dir / path).read_bytes()) for path in OTHER_FILES if (site_dir / path).is_file()]

    languages = [name for name in stages if name != START_UP]
    print(f"\nFull build ({runs} runs): median {statistics.median(totals):.2f} s, "
          f"min {min(totals):.2f} s, max {max(totals):.2f} s; CPU time median {statistics.median(cpu):.2f} s\n")
    print(table(["stage", "median s", "min s", "max s"],
                [[name, f"{statistics.median(t):.2f}", f"{min(t):.2f}", f"{max(t):.2f}"] for name, t in stages.items()]))

    print(f"\nHTML pages: {len(sizes)} (each language has its own 404.html; the /go/ pages count with the root language)\n")
    print(table(["page", "raw KiB", "gzip-6 KiB", "ratio"],
                [[path, kib(raw), kib(packed), f"{packed / raw:.0%}"] for path, raw, packed in sizes]))

    print("\nPer language\n")
    rows = []
    for code in languages:
        own = [(raw, packed) for path, raw, packed in sizes if language_of(path, languages) == code]
        rows.append([code, str(len(own)), kib(sum(r for r, _ in own)), kib(sum(p for _, p in own))])
    rows.append(["all", str(len(sizes)), kib(sum(s[1] for s in sizes)), kib(sum(s[2] for s in sizes))])
    print(table(["language", "pages", "raw KiB", "gzip-6 KiB"], rows))

    print("\nOther files\n")
    print(table(["file", "raw KiB", "gzip-6 KiB"],
                [[path, kib(len(data)), kib(len(gzip.compress(data, compresslevel=6)))] for path, data in others]))


if __name__ == "__main__":
    main()
