"""Diagrams drawn by a few long-lived `dot` processes: the same SVG bytes as one `dot` per diagram, the same
errors, and a time limit that stops only the diagram that ran over."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT

from argmap.corpus.load import Corpus, bundled_maps_dir, load_corpus
from argmap.errors import RenderError, RenderTimeout
from argmap.jobs.build import build_outputs, diagram_sources
from argmap.render.dotpool import DotPool
from argmap.render.images import render_bytes, stop_renders

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    sys.path.insert(0, str(ROOT / "bench"))
    from synth import generate

    return load_corpus([generate(tmp_path_factory.mktemp("synth"), 100).maps_dir])


def _assert_as_one_dot_per_diagram(corpus: Corpus) -> None:
    sources: dict[str, Callable[[], str]] = diagram_sources(corpus)
    built = {path: data for path, data in build_outputs(corpus, jobs=2) if path in sources}
    assert list(built) == list(sources)
    for path, make in sources.items():
        assert built[path] == render_bytes(make(), "svg"), path


def test_the_bundled_diagrams_are_the_svg_of_one_dot_per_diagram() -> None:
    _assert_as_one_dot_per_diagram(load_corpus([bundled_maps_dir()]))


def test_a_hundred_synthetic_diagrams_are_the_svg_of_one_dot_per_diagram(synthetic: Corpus) -> None:
    _assert_as_one_dot_per_diagram(synthetic)


def test_a_graph_after_the_first_in_one_process_keeps_its_id() -> None:
    with DotPool(1) as pool:
        svgs = [pool.render_svg(f'digraph "g{n}" {{ id="map:g{n}"; a -> b }}') for n in range(3)]
    for n, svg in enumerate(svgs):
        assert svg == render_bytes(f'digraph "g{n}" {{ id="map:g{n}"; a -> b }}', "svg")
        assert b'<g id="map:g%d" class="graph"' % n in svg


def test_a_dot_error_is_the_error_of_one_dot_and_the_next_diagram_is_drawn() -> None:
    bad = "digraph {\n a -> b\n c -> }\n"
    with pytest.raises(RenderError) as alone:
        render_bytes(bad, "svg")
    with DotPool(1) as pool:
        pool.render_svg("digraph { x -> y }")  # the error comes in a process that drew a graph before
        with pytest.raises(RenderError) as pooled:
            pool.render_svg(bad)
        assert str(pooled.value) == str(alone.value)
        assert "line 3" in str(pooled.value)  # counted in that diagram, not in all the process read
        assert pool.render_svg("digraph { x -> y }") == render_bytes("digraph { x -> y }", "svg")


def _slow_graph() -> str:
    """A graph that takes `dot` several seconds to lay out."""
    edges = " ".join(f"n{i} -> n{(i * 7919 + 13) % 1500}; n{i} -> n{(i * 104729 + 7) % 1500};" for i in range(1500))
    return f"digraph {{ {edges} }}"


def test_a_graph_over_its_time_limit_stops_only_its_own_process() -> None:
    quick = "digraph { x -> y }"
    with DotPool(2) as pool:
        first, second = pool._take(), pool._take()  # two idle processes; the slow graph goes to one of them
        pool._give_back(first)
        pool._give_back(second)
        with pytest.raises(RenderTimeout) as stopped:
            pool.render_svg(_slow_graph(), timeout=0.3)
        assert str(stopped.value) == "Graphviz's `dot` took more than 0.3 s and was stopped"
        assert second.proc.poll() is not None  # killed
        assert pool._idle == [first] and first.proc.poll() is None  # the other one untouched
        assert pool.render_svg(quick) == render_bytes(quick, "svg")


def test_a_process_stopped_between_diagrams_is_replaced() -> None:
    quick = "digraph { x -> y }"
    with DotPool(1) as pool:
        pool.render_svg(quick)
        assert stop_renders() == 1  # a front end on a signal: every dot of the pool is known to it
        (stopped,) = pool._idle
        stopped.proc.wait(timeout=10)
        assert pool.render_svg(quick) == render_bytes(quick, "svg")


def test_closing_the_pool_ends_its_processes() -> None:
    pool = DotPool(2)
    pool.render_svg("digraph { x -> y }")
    procs = [w.proc for w in pool._idle]
    pool.close()
    assert procs and all(p.poll() is not None for p in procs)
    assert pool.render_svg("digraph { x -> y }") == render_bytes("digraph { x -> y }", "svg")  # one dot each now


def test_a_pool_needs_a_process() -> None:
    with pytest.raises(ValueError, match="at least one"):
        DotPool(0)


def test_without_dot_the_error_names_the_install_step(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with DotPool(1) as pool, pytest.raises(RenderError, match="apt-get install graphviz"):
        pool.render_svg("digraph { x -> y }")
