"""Build the site into a new folder and put it in place of site/ only when the build succeeds.

MkDocs empties its output folder before it writes the pages, so a build that stops
half-way (a bad data file, a broken marker) would leave an empty or half-written
site/. This script builds into a temporary folder beside site/ and swaps it in
with two renames on the same file system; a failed build removes its own folder
and leaves the last good site/ as it was. `make build` runs it:

    python hosting/build_site.py --site-dir site [-f mkdocs.yml]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable


def build_into(site: Path, build: Callable[[Path], int]) -> int:
    """Run `build` on a new folder beside `site`; on success (0) make that folder `site`.

    Returns the build's exit status. `site` is left untouched unless the build succeeds.
    """
    site = site.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    old = site.parent / f".{site.name}.old-{new.name.rsplit('-', 1)[-1]}"
    try:
        status = build(new)
        if status != 0:
            return status
        os.chmod(new, 0o755)  # mkdtemp makes the folder private; a site is served to others
        if site.exists():
            os.rename(site, old)
            try:
                os.rename(new, site)
            except OSError:
                os.rename(old, site)  # put the last good site back
                raise
        else:
            os.rename(new, site)
        return 0
    finally:
        shutil.rmtree(new, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def mkdocs_build(config_file: str | None, strict: bool = True) -> Callable[[Path], int]:
    """A build step running `mkdocs build` with the Python running this script."""

    def build(folder: Path) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(folder)]
        if strict:
            command.append("--strict")
        if config_file:
            command += ["--config-file", config_file]
        return subprocess.run(command, check=False).returncode

    return build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", default="site", type=Path, help="the folder to replace (default: site)")
    parser.add_argument("-f", "--config-file", help="the MkDocs configuration (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    status = build_into(args.site_dir, mkdocs_build(args.config_file))
    if status != 0:
        print(f"build failed: {args.site_dir}/ is left as it was", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
