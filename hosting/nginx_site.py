"""Render the repository's nginx configuration for a built site, and run it locally.

hosting/nginx/site.conf is the server block real hosting uses; hosting/nginx/nginx.conf
wraps it so that nginx runs as an ordinary user on 127.0.0.1, writing its pid, logs
and temporary files into one folder. Placeholders are `${NAME}` in upper case, filled
like envsubst; an unknown name is an error (nginx's own `$uri` and the like are
lower case and left alone).

The Content-Security-Policy allows the pages' inline scripts by their sha256 hashes,
read from the built pages, so the configuration must be rendered after each build.

    python hosting/nginx_site.py site              # serve site/ at http://127.0.0.1:8080/
    python hosting/nginx_site.py site --render out # only write out/nginx.conf, out/site.conf
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent / "nginx"
# Not $NGINX: nginx itself reads that variable (sockets inherited on an upgrade).
NGINX = os.environ.get("NGINX_BIN", "/usr/sbin/nginx")
MIME_TYPES = os.environ.get("NGINX_MIME_TYPES", "/etc/nginx/mime.types")

PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
# Attribute names start after white space: data-src and data-type are other attributes.
SCRIPT_SOURCE = re.compile(r"(?:^|\s)src\s*=", re.I)
SCRIPT_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]+)""", re.I)
# Types a browser runs; anything else (application/json) is a data block.
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def substitute(template: str, values: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"no value for ${{{name}}}")
        return values[name]

    return PLACEHOLDER.sub(replace, template)


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP sources for every distinct inline script the built pages run."""
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attributes = match.group("attributes")
            if SCRIPT_SOURCE.search(attributes):
                continue
            kind = SCRIPT_TYPE.search(attributes)
            if (kind.group(1).lower() if kind else "") not in RUNNABLE_TYPES:
                continue
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    if not hashes:
        raise ValueError(f"{site_dir}: no inline scripts found; is it a built site?")
    return sorted(hashes)


def render(run_dir: Path, root: Path, port: int, base: str = "/", server_name: str = "localhost") -> Path:
    """Write nginx.conf and site.conf into `run_dir`; return the path of nginx.conf.

    `root` is the folder nginx serves; the built site sits at `root` + `base`.
    """
    if not (base.startswith("/") and base.endswith("/")):
        raise ValueError(f"base must start and end with '/': {base!r}")
    site_dir = root / base.strip("/")
    values = {
        "LISTEN": f"127.0.0.1:{port}",
        "SERVER_NAME": server_name,
        "ROOT": str(root.resolve()),
        "BASE": base,
        "SCRIPT_HASHES": " ".join(inline_script_hashes(site_dir)),
        "RUN_DIR": str(run_dir.resolve()),
        "MIME_TYPES": MIME_TYPES,
    }
    run_dir.mkdir(parents=True, exist_ok=True)
    for name in ("site.conf", "nginx.conf"):
        text = substitute((HERE / name).read_text(encoding="utf-8"), values)
        (run_dir / name).write_text(text, encoding="utf-8")
    return run_dir / "nginx.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(process: subprocess.Popen, port: int, error_log: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}:\n{_tail(error_log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on port {port} within {timeout} s:\n{_tail(error_log)}")


def _tail(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-2000:] if path.exists() else "(no error log)"


@contextmanager
def running(root: Path, base: str = "/", port: int | None = None, run_dir: Path | None = None, **render_options):
    """nginx with the repository's configuration, serving `root`; yields the site's URL.

    Its files (configuration, logs) go into a temporary folder, or into `run_dir`
    for a caller that reads them: access.log has a line per response, with the
    bytes sent last but one.
    """
    if not Path(NGINX).exists():
        raise FileNotFoundError(f"{NGINX} is missing: run `make nginx` (it installs Debian's nginx-light)")
    # A free port can be taken by another process (a parallel test worker) before
    # nginx binds it: with no port asked for, try another one.
    attempts = 1 if port else 5
    with _folder(run_dir) as run_dir:
        error_log = Path(run_dir) / "error.log"
        environment = {name: value for name, value in os.environ.items() if name != "NGINX"}
        for attempt in range(attempts):
            chosen = port or free_port()
            config = render(Path(run_dir), Path(root), chosen, base, **render_options)
            error_log.unlink(missing_ok=True)
            command = [NGINX, "-e", str(error_log), "-p", run_dir, "-c", str(config)]
            subprocess.run([*command, "-t", "-q"], check=True, env=environment)
            process = subprocess.Popen(command, env=environment)
            try:
                _wait_until_listening(process, chosen, error_log)
                break
            except RuntimeError:
                process.kill()
                process.wait()
                if attempt + 1 == attempts or "Address already in use" not in _tail(error_log):
                    raise
        port = chosen
        try:
            yield f"http://127.0.0.1:{port}{base}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def _folder(path: Path | None):
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        yield str(path)
        return
    with tempfile.TemporaryDirectory(prefix="guide-nginx-") as temporary:
        yield temporary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder (make build writes site/)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--render", type=Path, metavar="DIR", help="write the configuration into DIR and stop")
    args = parser.parse_args(argv)
    if args.render:
        print(render(args.render, args.site, args.port))
        return 0
    with running(args.site, port=args.port) as url:
        print(f"Serving {args.site} at {url} (Ctrl-C stops)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
