"""Benchmark: how often the paraphrase-drift check is right, on hand-judged quote/paraphrase pairs.

Reads ``bench/drift_pairs.tsv`` (how the pairs were made and judged: ``bench/drift_pairs.md``) and runs
:func:`argmap.checks.drift.paraphrase.find_drift` on every pair.  A pair is *flagged* when the check reports any drift.  Prints,
for the code as it is ("after") and for the code of a git revision ("before", ``--before REV``, default the
revision before the check learnt equivalent hedges and conditional modals):

- precision: of the flagged pairs, the share judged drifting;
- recall: of the pairs judged drifting, the share flagged;
- false alarms: of the pairs judged faithful, the share flagged (target: at most 5%);
- v1 recall: of the nine drifts known in the maps as they stood before their revision (the ``maps-v1`` fixture),
  the share flagged with their kind (must not fall).

Then, for the code as it is, each false alarm and each missed drift (``--list``), and a check that every quote is
verbatim in its microtext when the corpus is at hand (``../shared/corpora`` beside the repository, or
``--corpora``).  The "before" figures need the revision in this clone; without it that row says so.

    .venv/bin/python bench/bench_drift.py [--before REV] [--list] [--corpora DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "bench" / "drift_pairs.tsv"
UNSEEN = ROOT / "bench" / "drift_pairs_unseen.tsv"
"""Pairs written after the check was changed (the changes were made looking at the false alarms of PAIRS)."""
V1 = ROOT / "tests" / "fixtures" / "maps-v1" / "maps"
BEFORE = "891c0a153deb7b5ac2127bb2a83ba5b4462bfc5f"
"""The last revision with the drift check as it was before equivalent hedges and conditional modals."""
TARGET_FALSE_ALARMS = 0.05
KNOWN_V1 = {
    ("enforcer", "P11a"): "modality", ("enforcer", "P11b"): "modality", ("enforcer", "P6c"): "hedge",
    ("enforcer", "O1"): "hedge", ("enforcer", "O3"): "hedge", ("enforcer", "O4"): "hedge",
    ("enforcer", "C3"): "hedge", ("bankruptcy", "O2"): "hedge", ("bankruptcy", "E7"): "hedge",
}
"""The drifts the maps-v1 fixture is known to hold (node, kind), as tests/test_drift.py lists them."""


@dataclass(frozen=True)
class Pair:
    source: str
    faithful: bool
    kinds: tuple[str, ...]
    quote: str
    paraphrase: str


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        if row["verdict"] not in ("faithful", "drift"):
            raise SystemExit(f"{path}: verdict must be faithful or drift, got {row['verdict']!r}")
        kinds = () if row["kinds"] == "-" else tuple(row["kinds"].split(","))
        out.append(Pair(row["source"], row["verdict"] == "faithful", kinds, row["quote"], row["paraphrase"]))
    return out


def measure() -> dict[str, object]:
    """Which pairs the importable argmap flags, and which v1 drifts it finds (run in the code under test)."""
    from argmap.checks.drift.paraphrase import find_drift
    from argmap.corpus.load import check_corpus

    flagged: dict[str, list[list[str]]] = {}
    for path in (PAIRS, UNSEEN):
        flagged[path.name] = [sorted({f"{d.kind} {d.change} {'/'.join(d.words)}" for d in find_drift(p.paraphrase, p.quote)})
                              for p in read_pairs(path)]
    corpus, diags = check_corpus([V1])
    v1: set[str] = set()
    assert corpus is not None
    for d in diags:
        if d.severity == "warning" and "paraphrase" in d.message and d.hint:
            gm = next(g for g in corpus.maps.values() if g.path == d.path)
            node = gm.model.nodes[int(d.message.split("]")[0].removeprefix("nodes["))].id
            v1.add(f"{gm.id} {node} {d.hint.split('accept_drift: {')[1].split(':')[0]}")
    return {"flagged": flagged, "v1": sorted(v1)}


def measure_revision(rev: str) -> dict[str, object] | str:
    """:func:`measure` run on the argmap package of git revision ``rev`` (or why it cannot be)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "rev.tar"
        try:
            with archive.open("wb") as f:
                subprocess.run(["git", "-C", str(ROOT), "archive", rev, "argmap"], stdout=f, check=True,
                               stderr=subprocess.PIPE)
        except (OSError, subprocess.CalledProcessError):
            return f"revision {rev[:12]} is not in this clone"
        with tarfile.open(archive) as t:
            t.extractall(Path(tmp) / "tree", filter="data")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "tree")}
        proc = subprocess.run([sys.executable, __file__, "--measure"], env=env, capture_output=True, text=True,
                              cwd=tmp, check=False)
        if proc.returncode:
            return f"revision {rev[:12]} failed: {proc.stderr.strip().splitlines()[-1:]}"
        result: dict[str, object] = json.loads(proc.stdout)
        return result


def figures(pairs: list[Pair], result: dict[str, object], name: str) -> tuple[float, float, float, float, int]:
    flagged = [bool(f) for f in result["flagged"][name]]  # type: ignore[index]
    tp = sum(f and not p.faithful for p, f in zip(pairs, flagged, strict=True))
    fp = sum(f and p.faithful for p, f in zip(pairs, flagged, strict=True))
    drifts = sum(not p.faithful for p in pairs)
    faithful = len(pairs) - drifts
    v1 = set(result["v1"])  # type: ignore[call-overload]
    v1_found = sum(f"{m} {n} {k}" in v1 for (m, n), k in KNOWN_V1.items())
    return tp / max(tp + fp, 1), tp / drifts, fp / faithful, v1_found / len(KNOWN_V1), fp


def check_quotes(pairs: list[Pair], corpora: Path) -> str:
    texts = corpora / "arg-microtexts" / "en"
    if not texts.is_dir():
        return f"quotes not checked: no {texts}"
    missing = []
    for p in pairs:
        name = p.source.split(":")[0]
        text = " ".join((texts / f"{name}.txt").read_text(encoding="utf-8").split())
        if " ".join(p.quote.split()) not in text:
            missing.append(p.source)
    return (f"quotes: {len(pairs) - len(missing)} of {len(pairs)} verbatim in their microtext"
            + (f"; not found: {', '.join(missing)}" if missing else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default=BEFORE, help="the git revision to compare with (default: %(default).12s)")
    ap.add_argument("--list", action="store_true", help="list the false alarms and the missed drifts")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure()))
        return
    before = measure_revision(args.before)
    after = measure()
    met = True
    for path in (PAIRS, UNSEEN):
        pairs = read_pairs(path)
        drifts = sum(not p.faithful for p in pairs)
        faithful = len(pairs) - drifts
        print(f"{path.relative_to(ROOT)}: {len(pairs)} pairs, {faithful} faithful, {drifts} drifting")
        print("  " + check_quotes(pairs, args.corpora))
        print(f"  {'':8} {'precision':>9} {'recall':>7} {'false alarms':>16} {'v1 recall':>9}")
        for name, result in (("before", before), ("after", after)):
            if isinstance(result, str):
                print(f"  {name:8} ({result})")
                continue
            precision, recall, false_alarms, v1, fp = figures(pairs, result, path.name)
            print(f"  {name:8} {precision:9.3f} {recall:7.3f} {false_alarms:7.3f} ({fp:3}/{faithful}) {v1:9.3f}")
        false_alarms, v1 = figures(pairs, after, path.name)[2:4]
        base_v1 = figures(pairs, before, path.name)[3] if not isinstance(before, str) else 1.0
        met = met and false_alarms <= TARGET_FALSE_ALARMS and v1 >= base_v1
        if args.list:
            for p, found in zip(pairs, after["flagged"][path.name], strict=True):  # type: ignore[index]
                if p.faithful and found:
                    print(f"  false alarm  {p.source}: {found}\n      quote: {p.quote}\n      text:  {p.paraphrase}")
                elif not p.faithful and not found:
                    print(f"  missed {','.join(p.kinds):9} {p.source}\n      quote: {p.quote}\n      text:  {p.paraphrase}")
    print(f"target (false alarms <= {TARGET_FALSE_ALARMS:.0%} of faithful pairs in each set, v1 recall kept): "
          f"{'met' if met else 'NOT met'}")

if __name__ == "__main__":
    main()
