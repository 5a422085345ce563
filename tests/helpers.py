"""Helpers the tests share: the fixture folders, small maps written to disk and loaded as the CLI would, and
the check of an HTTP problem response."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from argmap.corpus.load import Corpus, load_corpus

__all__ = ["MINI", "PROBLEM", "ROOT", "assert_problem", "build_corpus", "check_grounds", "chromium_or_skip", "fact_holds",
           "node"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"
PROBLEM = "application/problem+json"


def assert_problem(r: object, status: int, *needles: str) -> dict[str, object]:
    """The HTTP response ``r`` is problem+json with ``status`` and a detail naming each needle."""
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body: dict[str, object] = r.json()  # type: ignore[attr-defined]
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    assert str(body["type"]).startswith("urn:argmap:problem:")
    for needle in needles:
        assert needle in str(body["detail"])
    return body


def chromium_or_skip() -> str:
    """The path of headless Chromium; the calling test is skipped, saying how to get it, when there is none."""
    import pytest

    from argmap.classroom.browser import find_chromium
    from argmap.errors import RenderError

    try:
        return find_chromium()
    except RenderError as exc:
        pytest.skip(f"{exc} (`make test` installs it)")


def node(map_id: str, ident: str, kind: str = "premise", **extra: Any) -> dict[str, Any]:
    """A node whose quote is unique in its essay (assumptions get none)."""
    out: dict[str, Any] = {"id": ident, "kind": kind, "text": f"{map_id} {ident} paraphrase.", **extra}
    if kind != "assumption":
        out["quote"] = f"{map_id} {ident} is quoted here"
    return out


def build_corpus(folder: Path, maps: dict[str, tuple[list[dict[str, Any]], list[Any]]],
                 claims: dict[str, str] | dict[str, str | dict[str, Any]]) -> Corpus:
    """Write real map files (essay, map, registry) into ``folder`` and load them as the CLI would.

    A claim is its wording, or a dict of its other fields (``wording``, ``relation``, ``how``...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for map_id, (nodes, relations) in maps.items():
        lines = [n["quote"] for n in nodes if "quote" in n]
        lines += [c for n in nodes for c in ([n["citation"]] if isinstance(n.get("citation"), str)
                                             else n.get("citation", []))]
        text = "\n\n".join(f"{x}." for x in lines) + "\n"
        (folder / f"{map_id}.txt").write_text(text, encoding="utf-8")
        doc = {"id": map_id, "title": f"The {map_id} essay", "author": None,
               "source": {"path": f"{map_id}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest()},
               "nodes": nodes, "relations": relations}
        (folder / f"{map_id}.yaml").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    registry = {"claims": [{"id": k, **(v if isinstance(v, dict) else {"wording": v})} for k, v in claims.items()]}
    (folder / "claims.yaml").write_text(json.dumps(registry), encoding="utf-8")
    return load_corpus([folder])


def write_pair(folder: Path, maps: dict[str, dict[str, Any]], claims: dict[str, str]) -> Corpus:
    """Real files for each map (``nodes``, ``relations``, ``title``, ``author``); each quote on a line of its essay."""
    folder.mkdir(parents=True, exist_ok=True)
    for map_id, spec in maps.items():
        text = "\n\n".join(n["quote"] for n in spec["nodes"] if "quote" in n) + "\n"
        (folder / f"{map_id}.txt").write_text(text, encoding="utf-8")
        doc = {"id": map_id, "title": spec["title"], "author": spec.get("author"),
               "source": {"path": f"{map_id}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest()},
               "nodes": spec["nodes"], "relations": spec["relations"]}
        (folder / f"{map_id}.yaml").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    (folder / "claims.yaml").write_text(json.dumps({"claims": [{"id": k, "wording": v} for k, v in claims.items()]}),
                                        encoding="utf-8")
    return load_corpus([folder])


def check_grounds(corpus: Corpus, grounds: dict[str, list[str]]) -> None:
    """Every id a fact rests on is in the maps: ``map:node``, ``map:relation`` and registry claims."""
    for ref in grounds["nodes"]:
        map_id, node_id = ref.split(":", 1)
        m = corpus.get(map_id).model
        assert node_id == "title" or m.node(node_id) is not None, ref
    for ref in grounds["relations"]:
        map_id, key = ref.split(":", 1)
        m = corpus.get(map_id).model
        ends = {(s, r.target) for r in m.relations for s in r.sources}
        assert any(r.key == key for r in m.relations) or tuple(key.split("->")) in ends, ref
    for claim in grounds["claims"]:
        assert corpus.registry.get(claim) is not None, claim


def fact_holds(corpus: Corpus, raw: dict[str, Any]) -> bool:
    """Read a fact back from JSON (its type from its ``fact`` field) and check it against the corpus."""
    from pydantic import TypeAdapter

    from argmap.queries.facts import AnyFact

    return bool(TypeAdapter(AnyFact).validate_python(raw).check(corpus))


def refused(corpus: Corpus, fact: Any) -> None:
    """The fact is false on ``corpus``: its check refuses it and a template asking for it raises."""
    import pytest

    from argmap.queries.facts import UngroundedFact, require

    assert fact.check(corpus) is False
    with pytest.raises(UngroundedFact, match="the maps do not support"):
        require(corpus, [fact])
