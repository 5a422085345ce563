"""Exports: AIF (read back by arguebuf), GraphML and node-link JSON (read back by networkx), the CLI's choice of
format, and several maps as one comparison.  The Argdown export is checked by Argdown's own parser in
tests/test_export_argdown.py."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from helpers import build_corpus, node

from argmap.cli import cli
from argmap.corpus.load import Corpus, bundled_maps_dir, load_corpus
from argmap.exporters import export_text
from argmap.exporters.aif import to_aif
from argmap.exporters.graph import NODE_ATTRIBUTES
from argmap.exporters.view import export_view

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def test_aif_nodes_mirror_the_map(mini: Corpus) -> None:
    gm = mini.get("alpha")
    aif = to_aif(export_view(mini, ["alpha"]))
    types = Counter(n["type"] for n in aif["nodes"])
    quoted = [n for n in gm.model.nodes if n.quote]
    assert types["I"] == len(gm.model.nodes)
    assert types["RA"] == sum(r.type == "supports" for r in gm.model.relations)
    assert types["CA"] == sum(r.type == "attacks" for r in gm.model.relations)
    assert types["L"] == types["YA"] == len(quoted) == len(aif["locutions"])
    texts = {n["nodeID"]: n["text"] for n in aif["nodes"]}
    assert {texts[f"L:{n.id}"] for n in quoted} == {n.quote for n in quoted}
    edges = {(e["fromID"], e["toID"]) for e in aif["edges"]}
    assert all((f"L:{n.id}", f"YA:{n.id}") in edges and (f"YA:{n.id}", n.id) in edges for n in quoted)
    assert aif["argmap"]["theses"] == {"alpha": "T"}


def test_aif_ids_are_readable_and_undercuts_target_the_inference(mini: Corpus) -> None:
    aif = to_aif(export_view(mini, ["alpha"]))
    ids = {n["nodeID"] for n in aif["nodes"]}
    assert {"r1", "P2-supports-T", "O1-attacks-T", "P3-attacks-O1"} <= ids
    assert not any(i.startswith("rel:") or "->" in i for i in ids)
    into_r1 = sorted(e["fromID"] for e in aif["edges"] if e["toID"] == "r1")
    assert into_r1 == ["A1", "P1"]


def test_aif_keeps_citations_and_notes(bundled: Corpus) -> None:
    aif = to_aif(export_view(bundled, list(bundled.maps)))
    mentions = [m for n in aif["nodes"] if n["type"] == "I" for m in n["argmap"]["mentions"]]
    nodes = [n for gm in bundled.maps.values() for n in gm.model.nodes]
    assert sorted(m["citation"] for m in mentions if "citation" in m) == sorted(n.citation for n in nodes if n.citation) != []
    assert sorted(m["note"] for m in mentions if "note" in m) == sorted(n.note for n in nodes if n.note) != []


def test_aif_of_several_maps_is_the_comparison(bundled: Corpus) -> None:
    aif = to_aif(export_view(bundled, ["bankruptcy", "enforcer"]))
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    shared = [n for n in nodes.values() if n["type"] == "I" and len({m["map"] for m in n["argmap"]["mentions"]}) > 1]
    assert shared and all(n["nodeID"].startswith("claim:") for n in shared)
    claim = shared[0]["nodeID"]
    speakers = {loc["personID"] for loc in aif["locutions"]
                if any(e["fromID"] == loc["nodeID"] and e["toID"].startswith("YA:") and
                       (e["toID"], claim) in {(x["fromID"], x["toID"]) for x in aif["edges"]} for e in aif["edges"])}
    assert len(speakers) >= 1
    assert set(aif["argmap"]["theses"]) == {"bankruptcy", "enforcer"}
    assert {p["participantID"] for p in aif["participants"]} == {"bankruptcy", "enforcer"}


@pytest.mark.parametrize("maps", [["enforcer"], ["bankruptcy"], ["bankruptcy", "enforcer"]])
def test_arguebuf_reads_the_aif_export(bundled: Corpus, maps: list[str], tmp_path: Path) -> None:
    import arguebuf
    view = export_view(bundled, maps)
    path = tmp_path / "export.json"
    path.write_text(export_text(bundled, maps, "aif"), encoding="utf-8")
    graph = arguebuf.load.file(path)
    assert {k: n.plain_text for k, n in graph.atom_nodes.items()} == {s.id: s.text for s in view.statements}
    schemes = Counter(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    assert schemes == {"Support": sum(x.type != "attacks" for x in view.links),
                       "Attack": sum(x.type == "attacks" for x in view.links)}
    print(f"arguebuf {maps}: {len(graph.atom_nodes)} atom nodes, {dict(schemes)}, {len(graph.edges)} edges")


@pytest.mark.parametrize("maps", [["enforcer"], ["bankruptcy", "enforcer"]])
def test_graphml_reads_back_with_every_attribute(bundled: Corpus, maps: list[str]) -> None:
    view = export_view(bundled, maps)
    g = nx.read_graphml(io.BytesIO(export_text(bundled, maps, "graphml").encode("utf-8")))
    assert g.number_of_nodes() == len(view.statements) + len(view.links)
    assert g.number_of_edges() == sum(len(x.sources) + 1 for x in view.links)
    for key, d in g.nodes(data=True):
        assert set(d) == set(NODE_ATTRIBUTES), key
        assert all(v is not None for v in d.values())
    statements = {s.id: s for s in view.statements}
    for sid, s in statements.items():
        d = g.nodes[sid]
        assert d["label"] == s.text and d["kind"] == s.kind and d["claim"] == (s.claim or "")
        assert d["map"] == ",".join(s.maps)
        if len(s.mentions) == 1:
            assert d["quote"] == (s.mentions[0].quote or "") and d["stance"] == (s.mentions[0].stance or "")
    assert sum(d["thesis"] for _, d in g.nodes(data=True)) == len(maps)
    print(f"networkx read_graphml {maps}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def test_node_link_json_is_stable_sorted_and_reads_back(bundled: Corpus) -> None:
    text = export_text(bundled, ["bankruptcy", "enforcer"], "json")
    data = json.loads(text)
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])
    assert [(e["source"], e["target"]) for e in data["edges"]] == sorted((e["source"], e["target"]) for e in data["edges"])
    g = nx.node_link_graph(data, edges="edges")
    view = export_view(bundled, ["bankruptcy", "enforcer"])
    assert g.is_directed() and g.number_of_nodes() == len(view.statements) + len(view.links)
    assert text == export_text(bundled, ["bankruptcy", "enforcer"], "json")  # same input, same bytes


@pytest.mark.parametrize(("name", "check"), [
    ("a.aif.json", lambda t: json.loads(t)["nodes"][0]["type"] == "I"),
    ("a.argdown", lambda t: t.startswith("===\n")),
    ("a.graphml", lambda t: "<graphml" in t),
    ("a.json", lambda t: json.loads(t)["directed"] is True),
])
def test_cli_export_takes_the_format_from_the_extension(tmp_path: Path, name: str, check: object) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["export", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert callable(check) and check(out.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == [name]  # written atomically: no temporary file left


def test_cli_export_refuses_an_unknown_extension(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(MINI / "alpha.yaml"), "--out", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "cannot tell the export format from 'a.txt'" in result.stderr
    assert not list(tmp_path.iterdir())


def test_aif_undercut_is_a_ca_node_aimed_at_an_ra_node() -> None:
    from argmap.corpus.load import load_corpus

    corpus = load_corpus([Path(__file__).resolve().parent / "fixtures" / "interop"])
    aif = to_aif(export_view(corpus, ["vacancy"]))
    types = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    into = {(e["fromID"], e["toID"]) for e in aif["edges"]}
    assert types["O1-attacks-r1"] == "CA" and types["r1"] == "RA" and ("O1-attacks-r1", "r1") in into
    assert sorted(u for u, v in into if v == "r1") == ["A1", "O1-attacks-r1", "P1", "P2"]


@pytest.mark.parametrize("fmt", ["aif", "argdown", "graphml", "json"])
def test_the_same_maps_export_to_the_same_bytes(bundled: Corpus, fmt: str) -> None:
    first = export_text(bundled, ["bankruptcy", "enforcer"], fmt)
    fresh = load_corpus([bundled_maps_dir()], strict=True)  # a second load: nothing may depend on object identity
    assert export_text(fresh, ["bankruptcy", "enforcer"], fmt) == first


def test_a_reason_for_denying_a_claim_is_exported_against_the_claims_statement(mini: Corpus) -> None:
    # beta's P3 denies "China responded where Russia did not" and supports beta's thesis: in the comparison, where
    # P3 is the claim's statement, it attacks that thesis (an AIF CA node, not an RA node); alone, beta's map keeps it
    links = {x.map: x for x in export_view(mini, ["alpha", "beta"]).links if x.sources == ("claim:china-spoke",)}
    assert links["beta"].type == "attacks" and links["alpha"].type == "supports"  # alpha's E1 affirms the claim
    (alone,) = [x for x in export_view(mini, ["beta"]).links if x.sources == ("P3",)]
    assert alone.type == "supports"
    aif = to_aif(export_view(mini, ["alpha", "beta"]))
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    into = sorted(kinds[e["toID"]] for e in aif["edges"] if e["fromID"] == "claim:china-spoke")
    assert into == ["CA", "RA"]


def test_a_relation_turns_by_its_own_node_s_stance_and_an_undercut_stays_an_attack(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="c")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "A1", claim="c"), node("b", "Q"),
               node("b", "Z9", "objection", claim="c", stance="denies")],
              ["A1 -> T", "r1: Q -> T", "Z9 -| T", "Z9 -| r1"]),
    }, {"c": "It rained."})
    links = [(x.sources, x.target, x.type) for x in export_view(corpus, ["a", "b"]).links if x.map == "b"]
    # A1 affirms the claim its statement says: as written; Z9 denies it: its attack on T turns into support;
    # its undercut stays an attack (only an attack can target a relation)
    assert (("claim:c",), "b:T", "supports") in links and (("claim:c",), "b:T", "attacks") not in links
    assert (("claim:c",), "b:r1", "attacks") in links
