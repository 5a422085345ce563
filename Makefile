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

.PHONY: run test lint pytest setup sysdeps schema images clean

run: setup
	$(BIN)/argmap validate --strict
	$(BIN)/argmap compare bankruptcy enforcer

test: setup lint pytest

lint: setup
	$(BIN)/ruff check argmap api tests bench
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

setup: sysdeps $(VENV)/.installed

# System packages: Graphviz's dot for the diagrams.
sysdeps:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Installing Graphviz with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; }

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# Regenerate the committed JSON Schemas after changing argmap/model.py.
schema: setup
	$(BIN)/argmap schema > schema/map.schema.json
	$(BIN)/argmap schema --registry > schema/claims.schema.json

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .ruff_cache .hypothesis
