# Set-up, serve, build and test for the career guide.
# Every target installs what it needs first: a project virtual environment from the
# pinned lock file, and (for tests) Debian's Chromium.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
export NO_MKDOCS_2_WARNING := 1
# Build dates (the sitemap's lastmod) are the last commit's, so two builds of one
# commit are byte-identical; without git (or this variable) the dates are left out.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: setup serve build test bench browser clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) is required (Python 3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

# Playwright cannot download its own browser on these machines: the tests drive
# Debian's Chromium, installed here when missing and the user is root.
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "error: $(CHROMIUM) is missing; as root run: apt-get update && apt-get install -y chromium" >&2; \
		exit 1; \
	fi

test: setup browser build
	$(BIN)/python -m pytest

# Build time (median of RUNS builds), time per language, pages and their sizes.
RUNS ?= 5
bench: setup
	$(BIN)/python tests/bench.py --runs $(RUNS)

clean:
	rm -rf site $(VENV) .pytest_cache
