"""Shared fixtures: the mini fixture pair and the bundled maps."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, MINI

from argmap.corpus.load import Corpus, bundled_maps_dir, load_corpus


@pytest.fixture(scope="session")
def mini() -> Corpus:
    return load_corpus([MINI])


@pytest.fixture(scope="session")
def bundled() -> Corpus:
    return load_corpus([bundled_maps_dir()], strict=True)


@pytest.fixture(scope="session")
def contested() -> Corpus:
    """An earlier revision of the bundled pair (tests/fixtures/maps-v1), whose registry declares no relations: the
    essays' opposite stances there are contradictions, which the revised bundled maps no longer have."""
    return load_corpus([FIXTURES / "maps-v1" / "maps"])
