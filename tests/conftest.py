"""Shared fixtures: the mini fixture pair and the bundled maps."""

from __future__ import annotations

import pytest
from helpers import MINI

from argmap.corpus.load import Corpus, bundled_maps_dir, load_corpus


@pytest.fixture(scope="session")
def mini() -> Corpus:
    return load_corpus([MINI])


@pytest.fixture(scope="session")
def bundled() -> Corpus:
    return load_corpus([bundled_maps_dir()], strict=True)
