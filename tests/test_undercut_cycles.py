"""Relations that target relations: a ring of undercuts is a located validation error, and every step that follows
an undercut to its statement (drawing, outline, exports, defence) stops on a ring instead of looping."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, build_corpus, node

from argmap.checks.undercuts import bears_on
from argmap.corpus.load import Corpus
from argmap.format.model import Relation

RING = ["u1: P -| u2", "u2: O -| u1"]
BOUND = 60  # seconds: far above any real run; a loop never finishes at all


def _finishes(call: Callable[[], Any]) -> Any:
    """Run ``call`` in a thread and return its result; fail if it is still running after BOUND seconds."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = call()
        except Exception as exc:  # a refusal is fine; only a loop is not
            out["value"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(BOUND)
    assert not t.is_alive(), "still running: it loops on the ring of undercuts"
    return out["value"]


@pytest.fixture
def ringed(tmp_path: Path) -> Corpus:
    """A valid map, then the same map with two relations that undercut each other (as a map that skipped
    validation would be)."""
    nodes = [node("m", "T", "thesis"), node("m", "P"), node("m", "O", "objection")]
    corpus = build_corpus(tmp_path, {"m": (nodes, ["r1: P -> T", "O -| T"])}, {})
    gm = corpus.get("m")
    relations = [*gm.model.relations, *(Relation.model_validate(r) for r in RING)]
    ring = dataclasses.replace(gm, model=gm.model.model_copy(update={"relations": relations}))
    return Corpus(corpus.registry, {"m": ring})


def test_validate_reports_the_ring_at_its_first_relation(tmp_path: Path) -> None:
    nodes = [node("m", "T", "thesis"), node("m", "P"), node("m", "O", "objection")]
    with pytest.raises(Exception) as err:
        build_corpus(tmp_path, {"m": (nodes, ["r1: P -> T", "O -| T", *RING])}, {})
    assert "undercuts run in a cycle: u1 -| u2 -| u1" in str(err.value)


def test_the_diagram_of_a_ringed_map_is_drawn(ringed: Corpus) -> None:
    from argmap.render import map_dot

    dot = _finishes(lambda: map_dot(ringed.get("m")))
    assert isinstance(dot, str) and 'id="T"' in dot


@pytest.mark.parametrize("fmt", ["argdown", "aif", "json", "graphml"])
def test_every_export_of_a_ringed_map_finishes(ringed: Corpus, fmt: str) -> None:
    from argmap.exporters import export_text

    _finishes(lambda: export_text(ringed, ["m"], fmt))


def test_outline_and_defence_of_a_ringed_map_finish(ringed: Corpus) -> None:
    from argmap.checks.defence import stands
    from argmap.exporters.outline import outline

    m = ringed.get("m").model
    _finishes(lambda: outline(m))
    assert _finishes(lambda: stands(m, "T")) is True
    assert bears_on(m, "u1") is None and bears_on(m, "r1") == "T"


def test_render_of_a_ringed_map_file_is_refused_not_hung(tmp_path: Path) -> None:
    map_file = ROOT / "tests" / "malformed" / "undercut-cycle.yaml"
    out = tmp_path / "m.dot"
    run = subprocess.run([sys.executable, "-m", "argmap", "render", str(map_file), "--out", str(out)],
                         capture_output=True, text=True, timeout=BOUND, cwd=ROOT)
    assert run.returncode != 0
    assert "undercuts run in a cycle" in run.stdout + run.stderr
    assert not out.exists()
