# Two commands set up and run everything on a fresh Debian machine (see README):
#   make run    - the main job on the bundled maps
#   make test   - the whole test suite (lint, types, tests)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out
# apt-get needs root; use sudo when we are not root and it is there.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: run test lint docs pytest setup bytecode sysdeps sysdeps-test argdown schema images clean

run: setup
	$(BIN)/argmap build

test: setup lint docs pytest

lint: setup
	$(BIN)/ruff check argmap api tests bench
	$(BIN)/mypy

# The docs site, offline and strict: a dead link, an unknown page or a broken CLI reference fails the build.
docs: setup
	$(BIN)/mkdocs build --strict --quiet

# On every core: the tests are independent (each writes only under its own tmp_path); a module runs on one worker,
# so a module-scoped fixture (a printed PDF, a browser, a built wheel) is made once.
pytest: setup sysdeps-test argdown
	$(BIN)/pytest -q -n auto --dist loadfile

setup: sysdeps $(VENV)/.installed bytecode

# System packages: Graphviz's dot for the diagrams.
sysdeps:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Installing Graphviz with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; }

# System packages for the tests: Debian's Chromium, for the site's browser test and PDF handouts.
sysdeps-test:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Argdown's parser, for the test that parses argmap's Argdown export: the versions in tools/argdown/package-lock.json.
ARGDOWN := tools/argdown/node_modules/.bin/argdown
argdown: $(ARGDOWN)
$(ARGDOWN): tools/argdown/package.json tools/argdown/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Node.js and npm with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix tools/argdown --no-audit --no-fund --loglevel=error
	touch $@

# constraints.txt pins the versions the suite passed with (see the comment at its top).
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,api]'
	touch $@

# An editable install runs argmap from its sources: compile what changed, so that every run (even with
# PYTHONDONTWRITEBYTECODE set) reads bytecode instead of compiling each module again (a tenth of a start-up).
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q -j 0 argmap api/argmap_api

# Regenerate the committed JSON Schemas after changing argmap/format/model.py.
schema: setup
	$(BIN)/argmap schema > schema/map.schema.json
	$(BIN)/argmap schema --registry > schema/claims.schema.json

# Regenerate the README's diagrams of the bundled pair (tests/test_render_images.py checks they are current).
images: setup
	$(BIN)/argmap render bankruptcy --out docs/img/bankruptcy.svg
	$(BIN)/argmap render enforcer --out docs/img/enforcer.svg
	$(BIN)/argmap compare bankruptcy enforcer --out docs/img/compare.svg > /dev/null

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .ruff_cache .hypothesis tools/argdown/node_modules
