"""Where a corpus load spends its time: each stage of load + validate + merge against merely parsing the YAML.

It generates a corpus with ``bench/synth.py`` (``--maps``, default 1000) and then, ``--repeat`` rounds, each
measurement in a fresh Python process (imports before the clock), times on the same files:

* parse only: ``yaml.load(text, Loader=yaml.CSafeLoader)`` on every map file (PyYAML's C loader), in a
  process of its own, once with Python's cyclic garbage collector on (as ``bench/bench_scale.py`` and most
  PyYAML users run it) and once with it paused (as argmap's loads run);
* ``load_corpus`` and ``merged_graph`` whole, as every command runs them (the stages and the rest: finding
  the files, authoring hints, sorting the diagnostics), in a process of its own;
* each stage of ``argmap.corpus.load.load_corpus`` and ``argmap.queries.comparison.merged_graph``, called as they call them,
  with the cyclic garbage collector paused as they pause it: reading the YAML with every position kept
  (``read_yaml_file``), the schema (pydantic), integrity, grounding (reading each essay, indexing it and
  finding every quote and citation in it), the paraphrase-drift check, and the merge (networkx).

It prints each stage's median time and its ratio to the parse-only median (GC on), and the sum of the stages.  The
parse-only baseline reads no essay and checks nothing: the stages that do more than parse (grounding reads and
indexes about 8 MB of essays at 1,000 maps; drift compares 35 quote-paraphrase pairs a map) are shown apart so
that each can be judged against the work it does.  Target for the YAML reading, which keeps the line and column
of every key and value and enforces every bound: at most 1.25x the C loader, both with the GC paused, at the
default 1,000 maps (a small corpus is dominated by noise).

    .venv/bin/python bench/bench_stages.py               # 1,000 maps, 5 runs
    .venv/bin/python bench/bench_stages.py --maps 200 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate  # a sibling script, not a package

__all__ = ["main"]

TARGET_YAML = 1.25
"""argmap's YAML reading (every position kept, every bound checked) at most this many times the C loader."""

STAGES = ["yaml", "schema", "integrity", "grounding", "drift", "merge"]

_RUN = r"""
import json, sys, time
from pathlib import Path
import networkx, yaml  # imported before the clock, as the merge imports networkx on first use
from argmap.files.confine import EssayReader
from argmap.corpus.load import Corpus
from argmap.checks.drift.check import drift_diagnostics
from argmap.checks.integrity import integrity_diagnostics
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.files.limits import gc_paused
from argmap.queries.comparison import merged_graph
from argmap.checks.quotes import grounding_diagnostics
from argmap.format.schema_errors import validate_model
from argmap.yaml.reader import read_yaml_file

folder = Path(sys.argv[1])
files = sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and p.name != "claims.yaml")
registry = ClaimRegistry.model_validate(yaml.load((folder / "claims.yaml").read_text(), Loader=yaml.CSafeLoader))
spent = dict.fromkeys(["yaml", "schema", "integrity", "grounding", "drift", "merge"], 0.0)
if sys.argv[2] == "whole":  # what the stages add up to, as every command runs it
    from argmap.corpus.load import load_corpus
    t = time.perf_counter()
    corpus = load_corpus([folder])
    merged_graph(corpus)
    print(json.dumps({"maps": len(corpus.maps), "whole": time.perf_counter() - t}))
    sys.exit(0)
if sys.argv[2] != "stages":  # parse only, in a process of its own: with the GC as PyYAML users have it, or paused
    if sys.argv[2] == "parse-gc-paused":
        import gc
        gc.disable()
    t = time.perf_counter()
    kept = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files]
    print(json.dumps({"maps": len(kept), "parse": time.perf_counter() - t}))
    sys.exit(0)
reader, grounded = EssayReader(), {}
with gc_paused():
    for p in files:
        t0 = time.perf_counter()
        doc = read_yaml_file(str(p), p.name)
        t1 = time.perf_counter()
        model, _ = validate_model(ArgumentMap, doc)
        t2 = time.perf_counter()
        integrity_diagnostics(doc, model, registry)
        t3 = time.perf_counter()
        gm, _ = grounding_diagnostics(doc, model, lambda rel, base=p.parent: reader.read(base, rel))
        t4 = time.perf_counter()
        drift_diagnostics(doc, gm)
        t5 = time.perf_counter()
        marks = [t0, t1, t2, t3, t4, t5]
        for key, start, end in zip(spent, marks, marks[1:]):  # the stages in order; the merge is timed below
            spent[key] += end - start
        grounded[gm.id] = gm
corpus = Corpus(registry, dict(sorted(grounded.items())))
t = time.perf_counter()
merged_graph(corpus)
spent["merge"] = time.perf_counter() - t
print(json.dumps({"maps": len(grounded), **spent}))
"""


def _run(folder: Path, mode: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", _RUN, str(folder), mode], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{proc.stdout}\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def measure(folder: Path, repeat: int) -> dict[str, list[dict[str, Any]]]:
    """``repeat`` rounds on the maps in ``folder``: the stages, and parse only with the GC on and paused, each in a
    fresh process, interleaved."""
    runs: dict[str, list[dict[str, Any]]] = {"stages": [], "whole": [], "parse": [], "parse-gc-paused": []}
    for _ in range(repeat):
        for mode, kept in runs.items():
            kept.append(_run(folder, mode))
    return runs


def report(runs: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The table of stage medians and ratios to the parse-only median, and the verdict on the YAML reading."""
    med = {k: statistics.median(float(r[k]) for r in runs["stages"]) for k in STAGES}
    parse = statistics.median(float(r["parse"]) for r in runs["parse"])
    paused = statistics.median(float(r["parse"]) for r in runs["parse-gc-paused"])
    lines = [f"{runs['stages'][0]['maps']} maps, median of {len(runs['stages'])} runs of each, each in a fresh process",
             f"{'stage':<22} {'s':>7} {'x parse-only':>13}", "-" * 44,
             f"{'parse only':<22} {parse:>7.3f} {1.0:>12.2f}x",
             f"{'parse only, GC paused':<22} {paused:>7.3f} {paused / parse:>12.2f}x"]
    lines += [f"{k:<22} {med[k]:>7.3f} {med[k] / parse:>12.2f}x" for k in STAGES]
    total = sum(med[k] for k in STAGES)
    whole = statistics.median(float(r["whole"]) for r in runs["whole"])
    lines += ["-" * 44, f"{'all stages':<22} {total:>7.3f} {total / parse:>12.2f}x",
              f"{'all but drift':<22} {total - med['drift']:>7.3f} {(total - med['drift']) / parse:>12.2f}x",
              f"{'load_corpus + merge':<22} {whole:>7.3f} {whole / parse:>12.2f}x"]
    ratio = med["yaml"] / paused  # both with the GC paused: the same conditions
    lines.append(f"target: YAML reading at most {TARGET_YAML}x the C loader (both with the GC paused): {ratio:.2f}x -> "
                 f"{'met' if ratio <= TARGET_YAML else 'MISSED'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--maps", type=int, default=1000, help="maps in the synthetic corpus (default 1000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs, each in a fresh process (default 5)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-stages-") as tmp:
        print(f"[{args.maps} maps: generating, then {args.repeat} runs...]", file=sys.stderr, flush=True)
        info = generate(Path(tmp), args.maps)
        print("\n".join(report(measure(info.maps_dir, args.repeat))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
