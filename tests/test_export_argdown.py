"""The Argdown export parses with Argdown's own parser (@argdown/cli, installed by `make` from tools/argdown/) with
no error, and Argdown counts as many statements and relations as argmap: each map, and their comparison."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from argmap.corpus.load import Corpus, load_corpus
from argmap.exporters import export_text
from argmap.exporters.argdown import CONCLUSION, escape
from argmap.exporters.view import ExportView, export_view

ROOT = Path(__file__).resolve().parent.parent
UNDERCUT = ROOT / "tests" / "fixtures" / "interop"
ARGDOWN = ROOT / "tools" / "argdown" / "node_modules" / ".bin" / "argdown"


def argdown_json(text: str, tmp_path: Path) -> dict[str, object]:
    if not ARGDOWN.exists():
        if os.environ.get("CI"):
            pytest.fail("Argdown's parser is not installed: run make setup-test (npm ci --prefix tools/argdown)")
        pytest.skip("Argdown's parser is not installed: run make setup-test (npm ci --prefix tools/argdown)")
    src = tmp_path / "export.argdown"
    src.write_text(text, encoding="utf-8")
    run = subprocess.run([str(ARGDOWN), "json", str(src), str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    data: dict[str, object] = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    return data


def expected_relations(view: ExportView) -> int:
    """argmap's relations; an attack that several maps make between the same statements is one Argdown relation."""
    attacks = Counter((x.sources, x.target) for x in view.links if x.type == "attacks" and not x.undercut)
    return len(view.links) - sum(n - 1 for n in attacks.values())


@pytest.mark.parametrize("maps", [["bankruptcy"], ["enforcer"], ["bankruptcy", "enforcer"]], ids="+".join)
def test_argdown_parses_the_export_with_argmaps_counts(bundled: Corpus, maps: list[str], tmp_path: Path) -> None:
    view = export_view(bundled, maps)
    data = argdown_json(export_text(bundled, maps, "argdown"), tmp_path)
    statements, relations, arguments = data["statements"], data["relations"], data["arguments"]
    assert isinstance(statements, dict) and isinstance(relations, list) and isinstance(arguments, dict)
    inferences = [a for a in arguments.values() if a.get("pcs")]
    conclusions = [f"{x.id}{CONCLUSION}" for x in view.links if x.type == "attacks" and x.id in arguments]
    assert sorted(statements) == sorted([*(s.id for s in view.statements), *conclusions])
    # an attack written as an argument is counted once: its conclusion's relation is the argument's
    plain = [r for r in relations if r["from"] not in conclusions]
    assert len(plain) + len(inferences) == expected_relations(view)
    kinds = Counter(r["relationType"] for r in relations)
    assert kinds["undercut"] == sum(x.undercut for x in view.links)
    shared = [s for s in view.statements if len(s.maps) > 1]
    for s in shared:  # a shared claim is one equivalence class with a definition from each map
        defined = {m["data"]["map"] for m in statements[s.id]["members"] if m.get("data")}
        assert defined == set(s.maps), s.id
    if len(maps) > 1:
        assert shared
    thesis = [k for k, v in statements.items() if any("thesis" in m.get("tags", []) for m in v["members"])]
    assert len(thesis) == len(maps)
    print(f"argdown {'+'.join(maps)}: {len(statements)} statements, {len(relations)} relations {dict(kinds)}, "
          f"{len(inferences)} arguments with premise-conclusion structure; argmap: {len(view.statements)} "
          f"statements, {len(view.links)} relations")


def test_undercuts_attack_the_inference_of_an_argument(tmp_path: Path) -> None:
    corpus = load_corpus([UNDERCUT])
    data = argdown_json(export_text(corpus, ["vacancy"], "argdown"), tmp_path)
    relations, arguments = data["relations"], data["arguments"]
    assert isinstance(relations, list) and isinstance(arguments, dict)
    undercuts = sorted((r["from"], r["to"]) for r in relations if r["relationType"] == "undercut")
    assert undercuts == [("O1", "r1"), ("U1", "r2")]
    assert [s["title"] for s in arguments["r1"]["pcs"]] == ["P1", "P2", "A1", "T"]
    assert len(relations) + len(arguments) == len(export_view(corpus, ["vacancy"]).links)


def test_text_that_looks_like_argdown_stays_text(tmp_path: Path) -> None:
    nasty = "U.S. e.g. 3:4: [T] <A> {x: 1} #tag *b* _i_ @[T] // not a comment <!-- no --> +> -> _> \\ 50%"
    doc = f"[S]: {escape(nasty)} {{quote: {json.dumps('a} b {c', ensure_ascii=False).replace('}', chr(92) + 'u007d')}}}\n"
    data = argdown_json(doc, tmp_path)
    statements = data["statements"]
    assert isinstance(statements, dict) and list(statements) == ["S"]
    member = statements["S"]["members"][0]
    assert member["text"].strip() == nasty and member["data"] == {"quote": "a} b {c"}
    assert not member.get("tags") and not data["relations"]


ARGGRAPH = ROOT / "tests" / "fixtures" / "arggraph"
MICRO = ROOT / "tests" / "fixtures" / "microtexts"


def _imported(tmp_path: Path, *xml: Path) -> list[Corpus]:
    """Each text imported, as the corpus of its topic's folder."""
    from click.testing import CliRunner

    from argmap.cli import cli

    out = tmp_path / "imported"
    result = CliRunner().invoke(cli, ["import", *map(str, xml), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return [load_corpus([p]) for p in sorted(out.iterdir()) if p.name != "seeds"]


def _undercut_targets(data: dict[str, object]) -> dict[str, list[str]]:
    """Each undercut's target argument and the titles of its premise-conclusion structure, as Argdown reads it."""
    relations, arguments = data["relations"], data["arguments"]
    assert isinstance(relations, list) and isinstance(arguments, dict)
    return {r["to"]: [st["title"] for st in arguments[r["to"]].get("pcs", [])]
            for r in relations if r["relationType"] == "undercut"}


def test_an_undercut_of_an_attack_gives_its_target_a_premise_and_a_conclusion(bundled: Corpus, tmp_path: Path) -> None:
    data = argdown_json(export_text(bundled, ["enforcer"], "argdown"), tmp_path)
    targets = _undercut_targets(data)
    assert targets["r5"] == ["O4", f"r5{CONCLUSION}"]   # r5: O4 -| P8, undercut by P8b
    relations = data["relations"]
    assert isinstance(relations, list)
    assert {"from": f"r5{CONCLUSION}", "to": "P8", "relationType": "attack"}.items() <= next(
        r for r in relations if r["from"] == f"r5{CONCLUSION}").items()


def test_linked_undercuts_and_undercut_targets_keep_their_premises_in_argdown(tmp_path: Path) -> None:
    corpora = _imported(tmp_path, MICRO / "micro_b001.xml", ARGGRAPH / "arggraph_implicit_central.xml",
                        ARGGRAPH / "arggraph_opponent_central.xml")
    assert len(corpora) == 3
    for corpus, map_id in ((c, i) for c in corpora for i in c.maps):
        view = export_view(corpus, [map_id])
        (tmp_path / map_id).mkdir()
        data = argdown_json(export_text(corpus, [map_id], "argdown"), tmp_path / map_id)
        targets = _undercut_targets(data)
        undercut = {x.target for x in view.links if x.undercut}
        assert set(targets) == undercut and undercut, map_id
        links = {x.id: x for x in view.links}
        for target, pcs in targets.items():  # premises, then the conclusion: a statement, or the attack's own
            assert pcs[:-1] == list(links[target].sources), (map_id, target, pcs)
            assert pcs[-1] in (links[target].target, f"{target}{CONCLUSION}"), (map_id, target, pcs)
        arguments = data["arguments"]
        assert isinstance(arguments, dict)
        for x in view.links:
            if len(x.sources) > 1:  # linked premises (b001's c3: a3 + a4 -| c1) are the premises of an argument
                assert [st["title"] for st in arguments[x.id]["pcs"]][:-1] == list(x.sources), (map_id, x.id)


def test_support_by_example_is_marked_in_argdown(tmp_path: Path) -> None:
    (corpus,) = _imported(tmp_path, ARGGRAPH / "arggraph_joint.xml")
    data = argdown_json(export_text(corpus, ["arggraph_joint"], "argdown"), tmp_path)
    arguments = data["arguments"]
    assert isinstance(arguments, dict)
    assert [st["title"] for st in arguments["c2"]["pcs"]] == ["a3", "a2"]   # c2: a3 ..> a2
    assert any("example" in (m.get("tags") or []) for m in arguments["c2"]["members"])
    assert not any("example" in (m.get("tags") or []) for a in arguments.values() if a["title"] != "c2"
                   for m in a["members"])
