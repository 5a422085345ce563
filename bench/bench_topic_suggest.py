"""Benchmark: how well `argmap suggest A B C ...` finds the groups of a registry curated by reading.

The reference is tests/fixtures/topic (the nine arg-microtexts texts on higher dog poo fines; the reading rules are
in bench/topic_reading_rules.md).  The maps are copied with every ``claim:`` and ``stance:`` removed, in one of two
starting points:

* ``scratch``: no registry at all (what a curator has before reading anything);
* ``imported``: as ``argmap import`` leaves them: every thesis bound to the topic claim, the registry holding that
  claim only.  Scored on the statements other than the theses (the import already grouped those).

For each threshold, the suggested groups are compared with the curated ones over every pair of statements from
different maps: pairwise precision and recall of "same group", and B-cubed precision, recall and F1 (every
statement counts, each item's cluster restricted to statements of other maps plus itself).  Then the time of one
suggestion run for the nine maps (median of ``--rounds``).  The last line says whether the target is met at the
default threshold: pairwise precision >= 0.8 at recall >= 0.6, from scratch.

    .venv/bin/python bench/bench_topic_suggest.py [--rounds 5] [--thresholds 0.2 0.25 0.3]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import yaml

from argmap.corpus.load import Corpus, load_corpus
from argmap.suggest.groups import THRESHOLD, suggest_groups

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "tests" / "fixtures" / "topic"
FOLDER = "higher_dog_poo_fines"
TARGET_PRECISION, TARGET_RECALL = 0.8, 0.6

Item = tuple[str, str]  # (map, node)


def stripped(into: Path, start: str) -> Corpus:
    """The topic's maps without bindings (``scratch``), or with only the theses bound to the topic (``imported``)."""
    shutil.copytree(TOPIC, into)
    folder = into / FOLDER
    registry = yaml.safe_load((folder / "claims.yaml").read_text(encoding="utf-8"))
    topic = registry["claims"][0]
    keep = [topic] if start == "imported" else []
    (folder / "claims.yaml").write_text(yaml.safe_dump({"claims": keep}, sort_keys=False), encoding="utf-8")
    for f in sorted(folder.glob("micro_*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        for node in doc["nodes"]:
            if not (start == "imported" and node["kind"] == "thesis"):
                node.pop("claim", None)
                node.pop("stance", None)
        f.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_corpus([folder])


def gold_clusters(corpus: Corpus) -> dict[Item, str]:
    return {(gm.id, n.id): n.claim or f"{gm.id}:{n.id}" for gm in corpus.maps.values() for n in gm.model.nodes}


def scores(gold: dict[Item, str], found: dict[Item, str], items: Iterable[Item]) -> dict[str, float]:
    """Pairwise precision/recall of "same group" over pairs from different maps, and B-cubed P/R/F1."""
    items = sorted(items)
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        if a[0] == b[0]:
            continue
        g, f = gold[a] == gold[b], found[a] == found[b]
        tp += g and f
        fp += f and not g
        fn += g and not f
    bp = br = 0.0
    for a in items:
        others = [b for b in items if b[0] != a[0]] + [a]
        same_f = [b for b in others if found[b] == found[a]]
        same_g = [b for b in others if gold[b] == gold[a]]
        both = sum(1 for b in same_f if gold[b] == gold[a])
        bp += both / len(same_f)
        br += both / len(same_g)
    bp, br = bp / len(items), br / len(items)
    return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "pairs": tp + fn, "b3_precision": bp, "b3_recall": br, "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0}


def found_clusters(corpus: Corpus, threshold: float) -> dict[Item, str]:
    found = {(gm.id, n.id): f"{gm.id}:{n.id}" for gm in corpus.maps.values() for n in gm.model.nodes}
    for k, g in enumerate(suggest_groups(corpus, sorted(corpus.maps), include_bound=True, threshold=threshold)):
        for m in g.members:
            found[(m.map, m.node)] = f"group {k}"
    if any(n.claim for gm in corpus.maps.values() for n in gm.model.nodes):  # imported: the bound theses are one
        for gm in corpus.maps.values():
            for n in gm.model.nodes:
                if n.claim and found[(gm.id, n.id)] == f"{gm.id}:{n.id}":
                    found[(gm.id, n.id)] = f"claim {n.claim}"
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--thresholds", type=float, nargs="*", default=[0.1, 0.125, THRESHOLD, 0.175, 0.2])
    args = ap.parse_args()
    reference = load_corpus([TOPIC / FOLDER])
    gold = gold_clusters(reference)
    thesis = {(gm.id, gm.model.thesis.id) for gm in reference.maps.values()}
    groups = {c for c in gold.values() if list(gold.values()).count(c) > 1}
    print(f"reference: {len(reference.maps)} maps, {len(gold)} statements, {len(groups)} curated groups "
          f"({sum(1 for v in gold.values() if v in groups)} statements grouped)")
    met = False
    with tempfile.TemporaryDirectory() as tmp:
        for start in ("scratch", "imported"):
            corpus = stripped(Path(tmp) / start, start)
            items = [i for i in gold if start == "scratch" or i not in thesis]
            for t in sorted(set(args.thresholds)):
                s = scores(gold, found_clusters(corpus, t), items)
                mark = " (default)" if t == THRESHOLD else ""
                print(f"{start:9} threshold {t:.3f}{mark:10} pairwise P {s['precision']:.3f} R {s['recall']:.3f} "
                      f"({s['pairs']} same-group pairs)  B-cubed P {s['b3_precision']:.3f} R {s['b3_recall']:.3f} "
                      f"F1 {s['b3_f1']:.3f}")
                if start == "scratch" and t == THRESHOLD:
                    met = s["precision"] >= TARGET_PRECISION and s["recall"] >= TARGET_RECALL
        corpus = stripped(Path(tmp) / "timing", "scratch")
        times = []
        for _ in range(args.rounds):
            begin = time.perf_counter()
            suggest_groups(corpus, sorted(corpus.maps))
            times.append(time.perf_counter() - begin)
    print(f"time for nine maps: {statistics.median(times):.3f} s (median of {args.rounds})")
    print(f"target (from scratch, default threshold: pairwise precision >= {TARGET_PRECISION} at recall >= "
          f"{TARGET_RECALL}): {'met' if met else 'not met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
