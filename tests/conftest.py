"""Shared fixtures: the mini fixture pair and the bundled maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.corpus import Corpus, bundled_maps_dir, load_corpus

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def mini() -> Corpus:
    return load_corpus([MINI])


@pytest.fixture(scope="session")
def bundled() -> Corpus:
    return load_corpus([bundled_maps_dir()], strict=True)
