"""The README's pictures (docs/img/) are what the current code draws; `make images` regenerates them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.corpus.load import Corpus
from argmap.render import compare_svg, map_svg

IMG = Path(__file__).resolve().parent.parent / "docs" / "img"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_committed_images_are_up_to_date(bundled: Corpus) -> None:
    fresh = {f"{i}.svg": map_svg(gm) for i, gm in bundled.maps.items()}
    fresh["compare.svg"] = compare_svg(bundled, ["bankruptcy", "enforcer"])
    stale = [name for name, data in fresh.items() if not (IMG / name).exists() or (IMG / name).read_bytes() != data]
    assert not stale, f"docs/img/ is out of date ({', '.join(stale)}): run `make images`"
