"""Benchmark: how well `argmap suggest` finds the pairs the registry binds, and how fast.

Copies the maps folder (and the essays, in ``seeds/`` beside it or in the folder itself) to a temporary folder,
strips every ``claim:`` and ``stance:`` from the copies, and runs the suggester on the first two maps (or
``--left``/``--right``).  For every pair of nodes, one per map, that the original maps bind to one claim, the pair
counts as found when the right node is among the three best suggestions for the left node.  Prints recall@3, MRR
and the number of pairs three times: with the registry (the suggester as it runs: the claims' wordings and
descriptions, which often quote the essays), with the claims' wordings only, and without the registry (the
statements alone, as for two maps that have no registry yet).  Then the time of one suggestion run, median of
``--rounds`` runs after the first (which pays the imports), as wall-clock and as CPU time (steadier on a busy
machine).  ``--misses`` lists the pairs not found, each with its rank, its score and why, and the score and why
of the suggestion that came first.  The last line says whether the targets are met: with the whole registry,
recall@3 of at least 0.9 in under 0.5 s; with the claims' wordings only, recall@3 of at least 0.8.

    .venv/bin/python bench/bench_suggest.py [MAPS_DIR] [--rounds 7] [--left A --right B] [--misses]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from argmap.corpus.load import REGISTRY_NAME, Corpus, bundled_maps_dir, load_corpus
from argmap.suggest.align import Suggestion, suggest

TARGET_RECALL = 0.9
"""recall@3 with the whole registry (the descriptions quote the essays, so this one is generous)."""
TARGET_HONEST = 0.8
"""recall@3 with the claims' wordings only: what the suggester finds without the essays' words in the registry."""
TARGET_SECONDS = 0.5


def stripped_copy(maps_dir: Path, into: Path, registry: str) -> Path:
    """The maps without claim/stance, beside a copy of their essays; the registry ``whole``, with its claims'
    ``wording`` only (no description, which may quote the essays), or ``none``."""
    out = into / "maps"
    out.mkdir(parents=True)
    seeds = maps_dir.parent / "seeds"
    if seeds.is_dir():
        shutil.copytree(seeds, into / "seeds")
    for f in sorted(maps_dir.iterdir()):
        if f.name == REGISTRY_NAME:
            claims = (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("claims") or []
            if registry == "wording":
                claims = [{"id": c["id"], "wording": c["wording"]} for c in claims]
            doc = {"claims": claims if registry != "none" else []}
            (out / f.name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
        elif f.suffix in (".yaml", ".yml"):
            doc = yaml.safe_load(f.read_text(encoding="utf-8"))
            for node in doc.get("nodes", []):
                node.pop("claim", None)
                node.pop("stance", None)
            (out / f.name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
        elif f.is_file():  # an essay kept beside its map
            shutil.copy(f, out / f.name)
    return out


def bound_pairs(corpus: Corpus, left: str, right: str) -> list[tuple[str, str, str]]:
    """(claim, left node, right node) for every pair the registry binds to one claim."""
    out = []
    for claim in corpus.registry.claims:
        ls = [n.id for n in corpus.get(left).model.nodes if n.claim == claim.id]
        rs = [n.id for n in corpus.get(right).model.nodes if n.claim == claim.id]
        out += [(claim.id, a, b) for a in ls for b in rs]
    return out


def quality(corpus: Corpus, left: str, right: str, pairs: list[tuple[str, str, str]]) -> tuple[float, float, list[str]]:
    """recall@3 and MRR of ``pairs``, and for each pair not among the three best of its left node: its rank, its
    score and why, and the score and why of the best suggestion for that node (what beat it)."""
    ranked: dict[str, list[Suggestion]] = {}
    for s in suggest(corpus, left, right, include_bound=True, top=None, min_score=float("-inf")):
        ranked.setdefault(s.left.node, []).append(s)
    hits, rr, missed = 0, 0.0, []
    for claim, a, b in pairs:
        order = [s.right.node for s in ranked[a]]
        rank = order.index(b) + 1
        hits += rank <= 3
        rr += 1 / rank
        if rank > 3:
            mine, best = ranked[a][rank - 1], ranked[a][0]
            missed.append(f"{claim}: {a} ~ {b} (rank {rank}; top 3: {', '.join(order[:3])})\n"
                          f"        {b} {mine.score:.3f}: {mine.why}\n"
                          f"        {best.right.node} {best.score:.3f}: {best.why}")
    return hits / len(pairs), rr / len(pairs), missed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("maps", nargs="?", type=Path, default=bundled_maps_dir())
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--left")
    ap.add_argument("--right")
    ap.add_argument("--misses", action="store_true",
                    help="list the pairs not found, each with its score and why, and what beat it")
    args = ap.parse_args()
    original = load_corpus([args.maps])
    left = args.left or sorted(original.maps)[0]
    right = args.right or sorted(original.maps)[1]
    pairs = bound_pairs(original, left, right)
    if not pairs:
        print("no pair of nodes is bound to one claim: nothing to measure", file=sys.stderr)
        return 1
    print(f"maps: {args.maps}  ({left} ~ {right}, {len(pairs)} bound pairs)")
    whole = honest = False
    with tempfile.TemporaryDirectory() as tmp:
        for label, registry in (("with the registry", "whole"), ("claims' wordings only", "wording"),
                                ("without the registry", "none")):
            corpus = load_corpus([stripped_copy(args.maps, Path(tmp) / registry, registry)])
            start = time.perf_counter()
            recall, mrr, missed = quality(corpus, left, right, pairs)
            first = time.perf_counter() - start
            times, cpu = [], []
            for _ in range(args.rounds):
                start, start_cpu = time.perf_counter(), time.process_time()
                suggest(corpus, left, right)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            print(f"{label:22} recall@3 {recall:.3f}  MRR {mrr:.3f}  pairs {len(pairs)}  "
                  f"time {statistics.median(times):.3f} s, CPU {statistics.median(cpu):.3f} s (medians of {args.rounds}; "
                  f"first run {first:.2f} s)")
            for m in missed if args.misses else []:
                print(f"    missed {m}")
            if registry == "whole":
                whole = recall >= TARGET_RECALL and statistics.median(times) < TARGET_SECONDS
            elif registry == "wording":
                honest = recall >= TARGET_HONEST
    print(f"targets (with the registry: recall@3 >= {TARGET_RECALL}, time < {TARGET_SECONDS} s): "
          f"{'met' if whole else 'not met'}; (claims' wordings only: recall@3 >= {TARGET_HONEST}): "
          f"{'met' if honest else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
