# Set-up, serve, build, test and audit for the career guide.
# Every target installs what it needs first: a project virtual environment from the
# pinned lock file, Debian's Chromium, Noto CJK fonts and nginx for the tests,
# Lighthouse (pinned in package-lock.json) for the audit.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
NGINX_BIN ?= /usr/sbin/nginx
JAVA ?= /usr/bin/java
export CHROMIUM NGINX_BIN JAVA
export NO_MKDOCS_2_WARNING := 1
# Build dates (the sitemap's lastmod) are the last commit's, so two builds of one
# commit are byte-identical; without git (or this variable) the dates are left out.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: setup serve build check test bench phone-heights browser nginx java node lighthouse audit clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) is required (Python 3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Builds into a new folder and replaces site/ only when the build succeeds
# (hosting/build_site.py): a failed build keeps the last good site.
build: setup
	$(BIN)/python hosting/build_site.py --site-dir site

# A Debian package, installed when the file $(1) is missing: directly as root, through sudo
# without a password otherwise (as on CI runners), or else a message saying what to
# run. $(2) lists packages to try in turn (Debian releases differ in their names).
define debian_package
	@if [ -e $(1) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then as_root=; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=sudo; \
	else echo "error: $(1) is missing; as root run: apt-get update && apt-get install -y $(firstword $(2))" >&2; exit 1; fi; \
	echo "Installing Debian's $(firstword $(2)) for $(1)..."; \
	$$as_root apt-get update -qq || exit 1; \
	for package in $(2); do \
		$$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$package >/dev/null && break; \
	done; \
	[ -e $(1) ] || { echo "error: installing $(2) did not provide $(1)" >&2; exit 1; }
endef

# Playwright cannot download its own browser on these machines: the tests drive
# Debian's Chromium. Noto CJK gives it Hangul, so Korean pages are laid out and
# measured with real glyphs, as on a reader's phone, not with empty boxes.
CJK_FONT ?= /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
browser:
	$(call debian_package,$(CHROMIUM),chromium)
	$(call debian_package,$(CJK_FONT),fonts-noto-cjk)

# The tests and the audit serve the site through nginx with hosting/nginx/.
nginx:
	$(call debian_package,$(NGINX_BIN),nginx-light nginx)

# The content editor's check, without a browser: a strict build with the link
# contract and every internal link, marker parity across languages, no typed
# figures, no sentence copied from the source articles, the rendered forms.
CHECKS := tests/test_build.py tests/test_links.py tests/test_marker_parity.py \
	tests/test_no_typed_figures.py tests/test_seed_overlap.py tests/test_renderers.py \
	tests/test_localisation.py
check: setup
	$(BIN)/python -m pytest -q -m "not browser" $(CHECKS)

# Two workers (pytest-xdist), each with its own build, browser and nginx on free
# ports; a test file stays on one worker, so its module fixtures are set up once.
# `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= 2
test: setup browser nginx java node build
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# Build time (median of RUNS builds), time per language, pages and their sizes.
RUNS ?= 5
bench: setup
	$(BIN)/python tests/bench.py --runs $(RUNS)

# Page heights on a 360 x 640 touch screen, in every language (tests/phone_heights.py).
PHONE_PAGES ?= salary/ link-to-this-guide/
phone-heights: setup browser build
	$(BIN)/python tests/phone_heights.py --site site --pages $(PHONE_PAGES) $(PHONE_ARGS)

# The Nu HTML Checker (tests/test_html_validity.py) runs on Java.
java:
	$(call debian_package,$(JAVA),default-jre-headless)

# Node packages pinned in package-lock.json: Lighthouse for the audit, vnu-jar for
# the tests. Install scripts are skipped: vnu-jar's would download a Java runtime.
node lighthouse: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "error: Node.js and npm are missing; the tests and the audit need Node.js 18.16 or newer with npm (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Lighthouse, mobile, three runs on every page of every language through nginx;
# fails when a page misses the budget (see hosting/audit.py). It builds its own copy
# of the site, so the canonical addresses match the port it serves on.
# `make audit AUDIT_ARGS="--page ^ko/ --runs 1"` audits fewer pages, faster.
audit: setup browser nginx lighthouse
	CHROME_PATH=$(CHROMIUM) $(BIN)/python hosting/audit.py $(AUDIT_ARGS)

clean:
	rm -rf site .site.new-* .site.old-* $(VENV) .pytest_cache node_modules
