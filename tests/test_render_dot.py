"""The DOT of the diagrams: golden files of the small fixture maps, the properties that matter on the bundled maps
(which change as they are curated), purity, views and their errors (no Graphviz needed).

Regenerate the golden files after an intended change with
``ARGMAP_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_render_dot.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.errors import ArgmapError, NotFound
from argmap.render import compare_dot, map_dot
from argmap.render.style import CONTESTED
from argmap.render.subgraph import View

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = bool(os.environ.get("ARGMAP_REGEN_GOLDEN"))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with ARGMAP_REGEN_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; regenerate with ARGMAP_REGEN_GOLDEN=1"


def node_ids(dot: str) -> set[str]:
    return set(re.findall(r'^\s*"[^"]*" \[id="([^"]*)"', dot, re.M))


@pytest.mark.parametrize("map_id", ["alpha", "beta"])
def test_mini_map_dot_matches_golden(mini: Corpus, map_id: str) -> None:
    check_golden(f"mini-{map_id}.dot", map_dot(mini.get(map_id)))


def edges(dot: str) -> set[tuple[str, str]]:
    return set(re.findall(r'^\s*"([^"]+)" -> "([^"]+)"', dot, re.M))


@pytest.mark.parametrize("map_id", ["bankruptcy", "enforcer"])
def test_a_bundled_map_draws_every_relation_between_its_sources_and_its_target(bundled: Corpus, map_id: str) -> None:
    """An edge joins each source to the target (drawn either way: edges against the flow are reversed with
    ``dir="back"``), or to the relation's junction when it has one.  What the thesis itself supports stands in
    its own panel, named in that panel's heading, with no arrow running down from the thesis."""
    m = bundled.get(map_id).model
    joined = {frozenset(e) for e in edges(map_dot(bundled.get(map_id)))}
    nodes = {n.id for n in m.nodes}
    for r in m.relations:
        if m.thesis.id in r.sources:
            continue
        end = r.target if r.target in nodes else None
        junction = f"rel:{r.key}"
        for s in r.sources:
            assert frozenset((s, end)) in joined or frozenset((s, junction)) in joined or end is None, r.key


def test_compare_dot_matches_golden(mini: Corpus) -> None:
    check_golden("mini-compare.dot", compare_dot(mini, ["alpha", "beta"]))


def test_the_bundled_comparison_draws_both_theses_and_every_claim_both_maps_bind(bundled: Corpus) -> None:
    dot = compare_dot(bundled, ["bankruptcy", "enforcer"])
    shown = node_ids(dot)
    theses = [bundled.get(i).model.thesis for i in ("bankruptcy", "enforcer")]
    assert all((f"claim--{t.claim}" if t.claim else f"{i}--{t.id}") in shown
               for i, t in zip(("bankruptcy", "enforcer"), theses, strict=True))
    both = {n.claim for n in bundled.get("bankruptcy").model.nodes if n.claim} & {
        n.claim for n in bundled.get("enforcer").model.nodes if n.claim}
    assert both and {f"claim--{c}" for c in both} <= shown
    focused = node_ids(compare_dot(bundled, ["bankruptcy", "enforcer"], View(focus="china-stood-apart")))
    assert "claim--china-stood-apart" in focused and len(focused) < len(shown)


def test_dot_is_pure(bundled: Corpus) -> None:
    gm = bundled.get("enforcer")
    assert map_dot(gm) == map_dot(gm)
    assert compare_dot(bundled, ["bankruptcy", "enforcer"]) == compare_dot(bundled, ["bankruptcy", "enforcer"])


def test_map_dot_has_every_node_with_its_id(bundled: Corpus) -> None:
    for gm in bundled.maps.values():
        ids = node_ids(map_dot(gm))
        assert {n.id for n in gm.model.nodes} <= ids
        assert all(":" in i for i in ids - {n.id for n in gm.model.nodes})  # junctions and legend


def test_map_dot_draws_kinds_relations_and_undercuts(mini: Corpus) -> None:
    dot = map_dot(mini.get("alpha"))
    assert 'rankdir="BT"' in dot  # support flows upward to the thesis
    assert re.search(r'"A1" \[[^\n]*style="rounded,filled,dashed"', dot)  # implicit assumption: dashed
    assert re.search(r'"rel:r1" \[[^\n]*shape="point"', dot)  # linked premises meet at a junction
    assert re.search(r'"O1" -> "T" \[[^\n]*style="dashed"[^\n]*arrowhead="tee"', dot)  # attacks look different
    assert 'tooltip="Russia’s silence shows that its alliances are hollow."' in dot


def test_compare_dot_ids_follow_the_interface(bundled: Corpus) -> None:
    dot = compare_dot(bundled, ["bankruptcy", "enforcer"], View(full=True))
    ids = node_ids(dot)
    for gm in bundled.maps.values():
        for n in gm.model.nodes:
            assert (f"claim--{n.claim}" if n.claim else f"{gm.id}--{n.id}") in ids
    claims = {c.id for c in bundled.registry.claims}
    assert {f"claim--{c}" for c in claims} <= ids


def thesis_element(gm: GroundedMap) -> str:
    """The SVG id under which a map's thesis appears in a comparison (a shared thesis is drawn as its claim)."""
    thesis = next(n for n in gm.model.nodes if n.kind == "thesis")
    return f"claim--{thesis.claim}" if thesis.claim else f"{gm.id}--{thesis.id}"


def test_default_comparison_shows_shared_claims_theses_and_what_links_them(bundled: Corpus) -> None:
    ids = node_ids(compare_dot(bundled, ["bankruptcy", "enforcer"]))
    shared = {f"claim--{c.id}" for c in bundled.registry.claims}
    theses = {thesis_element(gm) for gm in bundled.maps.values()}
    assert shared <= ids and theses <= ids
    full = node_ids(compare_dot(bundled, ["bankruptcy", "enforcer"], View(full=True)))
    assert ids < full  # a readable subset: the rest is in --full and in each map's own diagram
    only = node_ids(compare_dot(bundled, ["bankruptcy", "enforcer"], View(shared_only=True)))
    statements = {i for i in only if ":" not in i}
    assert statements == shared | theses


def test_comparison_never_cuts_a_thesis_short(bundled: Corpus) -> None:
    """Other statements stop at five lines with "…"; a thesis, read first, is shown whole."""
    dot = compare_dot(bundled, ["bankruptcy", "enforcer"])
    thesis = next(x for x in dot.splitlines() if f'id="{thesis_element(bundled.get("bankruptcy"))}"' in x)
    assert "actor." in thesis and "…" not in thesis
    assert any("…" in x for x in dot.splitlines() if 'id="bankruptcy--O1"' in x)  # long, and not a thesis


def test_contested_claims_are_marked(contested: Corpus, bundled: Corpus) -> None:
    dot = compare_dot(contested, ["bankruptcy", "enforcer"])
    line = next(x for x in dot.splitlines() if 'id="claim--china-stood-apart"' in x)
    assert "CONTESTED" in line and "denies" in line and f'color="{CONTESTED.border}"' in line
    agreed = next(x for x in dot.splitlines() if 'id="claim--russia-silent"' in x)
    assert "CONTESTED" not in agreed
    tension = next(x for x in compare_dot(bundled, ["bankruptcy", "enforcer"]).splitlines()
                   if 'id="claim--russia-used-to-react"' in x)
    assert "IN TENSION" in tension and "CONTESTED" not in tension  # opposite stances the registry calls a tension


def test_edges_are_coloured_by_essay(mini: Corpus) -> None:
    dot = compare_dot(mini, ["alpha", "beta"], View(full=True))
    colours = dict(re.findall(r'"(alpha|beta):[^"]*" \[[^\n]*color="(#[0-9A-Fa-f]{6})"', dot))
    assert colours["alpha"] != colours["beta"]
    edges = re.findall(r'^\s*"([^"]*)" -> "[^"]*" \[id="edge:\d+", color="(#[0-9A-Fa-f]{6})"', dot, re.M)
    assert {c for _, c in edges} == {colours["alpha"], colours["beta"]}


def test_focus_views(bundled: Corpus, mini: Corpus) -> None:
    gm = bundled.get("bankruptcy")
    assert node_ids(map_dot(gm, View(focus="T", depth=0))) - {"argmap:legend"} == {"T"}
    near = node_ids(map_dot(gm, View(focus="P6", depth=1)))
    assert {"P6", "T", "E11"} <= near and len(near) < len(gm.model.nodes)
    assert "P6" in node_ids(map_dot(gm, View(focus="china-stood-apart", depth=0)))  # a claim focuses its nodes
    cmp = node_ids(compare_dot(mini, ["alpha", "beta"], View(focus="china-spoke", depth=0)))
    assert {i for i in cmp if ":" not in i} == {"claim--china-spoke"}
    assert "alpha--T" in node_ids(compare_dot(mini, ["alpha", "beta"], View(focus="alpha--T", depth=0)))


def test_unknown_focus_and_bad_depth(bundled: Corpus) -> None:
    gm = bundled.get("bankruptcy")
    with pytest.raises(NotFound, match="unknown node, relation or claim 'P99'"):
        map_dot(gm, View(focus="P99"))
    with pytest.raises(NotFound, match="did you mean"):
        compare_dot(bundled, ["bankruptcy", "enforcer"], View(focus="china-stood-apar"))
    with pytest.raises(ArgmapError, match="depth must be 0 or more"):
        map_dot(gm, View(focus="T", depth=-1))
    with pytest.raises(ArgmapError, match="depth must be 0 or more"):
        compare_dot(bundled, ["bankruptcy", "enforcer"], View(focus="T", depth=-1))
    with pytest.raises(ArgmapError, match="two different maps"):
        compare_dot(bundled, ["bankruptcy", "bankruptcy"])
    with pytest.raises(NotFound):
        compare_dot(bundled, ["bankruptcy", "nope"])
