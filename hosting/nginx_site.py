"""Render the repository's nginx configuration for a built site, and run it locally.

hosting/nginx/site.conf is the server block real hosting uses; hosting/nginx/nginx.conf
wraps it so that nginx runs as an ordinary user on 127.0.0.1, writing its pid, logs
and temporary files into one folder. Placeholders are `${NAME}` in upper case, filled
like envsubst; an unknown name is an error (nginx's own `$uri` and the like are
lower case and left alone).

The Content-Security-Policy allows by sha256 hash exactly the inline scripts the
project ships: the site's own (overrides/partials/*.js as the build inlines them, the
/go/ pages' script from hooks/go_links.py) and the inline scripts Material's templates
emit, rendered here from the installed Material. Rendering fails, naming the page,
when a built page carries any other executable inline script: whatever put it there
(markup from the data file, a page, a plugin) is a bug to fix, not a hash to allow.
`--block-unknown-scripts` renders anyway, leaving such scripts to the browser to refuse.
Render the configuration again after each build.

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
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent / "nginx"
# Not $NGINX: nginx itself reads that variable (sockets inherited on an upgrade).
NGINX = os.environ.get("NGINX_BIN", "/usr/sbin/nginx")
MIME_TYPES = os.environ.get("NGINX_MIME_TYPES", "/etc/nginx/mime.types")

PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
REPO = Path(__file__).resolve().parents[1]
PARTIALS = REPO / "overrides" / "partials"
# <script type> values a browser runs (JavaScript MIME types, modules, import maps,
# speculation rules); any other type (application/json, application/ld+json) is a
# data block. No type, or an empty one, is JavaScript.
RUNNABLE_TYPES = {
    "", "module", "importmap", "speculationrules",
    "text/javascript", "application/javascript", "application/ecmascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript1.0", "text/javascript1.1",
    "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
    "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
}
# Material's storage-scope script names the site's root: relative ("..", "../..") on
# pages, the site's path ("/", "/guide/") on not-found pages. Any other value is not
# a script Material would emit for this site.
_BASE_URL = r"(?:\.(?:\.(?:/\.\.)*)?|/(?:[A-Za-z0-9._~%-]+/)*)"
_SENTINEL = "\x00base_url\x00"


class UnknownInlineScripts(ValueError):
    """Built pages carry executable inline scripts that the project does not ship."""


def substitute(template: str, values: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"no value for ${{{name}}}")
        return values[name]

    return PLACEHOLDER.sub(replace, template)


class _Scripts(HTMLParser):
    """The bodies of the executable inline scripts in a page, as the browser hashes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._body: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attributes: dict[str, str] = {}
        for name, value in attrs:
            # As in a browser, the first of two same-named attributes counts.
            attributes.setdefault(name, value or "")
        kind = attributes.get("type", "").strip().lower()
        self._body = [] if "src" not in attributes and kind in RUNNABLE_TYPES else None

    def handle_data(self, data):
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._body is not None:
            self.bodies.append("".join(self._body))
            self._body = None


def inline_scripts(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.bodies


def csp_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def shipped_scripts() -> tuple[set[str], list[re.Pattern]]:
    """The inline scripts the project ships: exact bodies, and Material's by pattern.

    The site's own partials are rendered and compacted as the build inlines them
    (hooks/inline_scripts.py), the /go/ pages' script is read from hooks/go_links.py,
    and Material's are rendered from its installed templates (partials/javascripts/,
    which base.html includes: the storage scope on every page, whose text names
    the site's root, the tabbed-anchor restore, and the ones for features this
    site leaves off). Only those the built pages carry get into the policy.
    """
    import jinja2
    import material

    sys.path.insert(0, str(REPO / "hooks"))
    try:
        import go_links
        from inline_scripts import compact
    finally:
        sys.path.remove(str(REPO / "hooks"))

    templates = Path(material.__file__).parent / "templates"
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([str(REPO / "overrides"), str(templates)]))
    exact = {compact(environment.get_template(f"partials/{script.name}").render()) for script in PARTIALS.glob("*.js")}
    exact.update(inline_scripts(str(go_links.SCRIPT_ELEMENT)))
    material_templates = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)))
    patterns = []
    for template in sorted((templates / "partials" / "javascripts").glob("*.html")):
        for features in ([], ["content.tabs.link"]):
            html = material_templates.get_template(f"partials/javascripts/{template.name}").render(
                config={"extra": {}}, base_url=_SENTINEL, features=features
            )
            for body in inline_scripts(html):
                if _SENTINEL in body:
                    before, _, after = body.partition(_SENTINEL)
                    patterns.append(re.compile(re.escape(before) + _BASE_URL + re.escape(after)))
                else:
                    exact.add(body)
    return exact, patterns


def inline_script_hashes(site_dir: Path, block_unknown: bool = False) -> list[str]:
    """CSP sources for the shipped inline scripts the built pages carry.

    Raises UnknownInlineScripts, naming each page, for any other executable inline
    script; with `block_unknown`, leaves those out of the policy instead, so that
    browsers refuse them.
    """
    exact, patterns = shipped_scripts()
    hashes: set[str] = set()
    unknown: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        for body in inline_scripts(page.read_text(encoding="utf-8")):
            if body in exact or any(pattern.fullmatch(body) for pattern in patterns):
                hashes.add(csp_hash(body))
            else:
                unknown.setdefault(page.relative_to(site_dir).as_posix(), []).append(body)
    if unknown and not block_unknown:
        lines = [f"  {page}: {' | '.join(repr(body.strip()[:80]) for body in bodies)}" for page, bodies in unknown.items()]
        raise UnknownInlineScripts(
            f"{site_dir}: inline scripts the project does not ship (fix what put them there):\n" + "\n".join(lines)
        )
    if not hashes and not unknown:
        raise ValueError(f"{site_dir}: no inline scripts found; is it a built site?")
    return sorted(hashes)


def render(
    run_dir: Path, root: Path, port: int, base: str = "/", server_name: str = "localhost", block_unknown_scripts: bool = False
) -> Path:
    """Write nginx.conf and site.conf into `run_dir`; return the path of nginx.conf.

    `root` is the folder nginx serves; the built site sits at `root` + `base`.
    Fails on a page with an inline script the project does not ship, unless
    `block_unknown_scripts` (then the policy makes browsers refuse it).
    """
    if not (base.startswith("/") and base.endswith("/")):
        raise ValueError(f"base must start and end with '/': {base!r}")
    site_dir = root / base.strip("/")
    values = {
        "LISTEN": f"127.0.0.1:{port}",
        "SERVER_NAME": server_name,
        "ROOT": str(root.resolve()),
        "BASE": base,
        "SCRIPT_HASHES": " ".join(inline_script_hashes(site_dir, block_unknown_scripts)),
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
    parser.add_argument(
        "--block-unknown-scripts",
        action="store_true",
        help="render even when a page carries an inline script the project does not ship (browsers will refuse it)",
    )
    args = parser.parse_args(argv)
    try:
        if args.render:
            print(render(args.render, args.site, args.port, block_unknown_scripts=args.block_unknown_scripts))
            return 0
        with running(args.site, port=args.port, block_unknown_scripts=args.block_unknown_scripts) as url:
            print(f"Serving {args.site} at {url} (Ctrl-C stops)", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    except UnknownInlineScripts as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
