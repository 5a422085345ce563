"""The load rows of ``bench/bench_ratios.py``: the drift check, load + validate + merge and its peak memory, against
parse-only, optionally for a second source tree (``--before``) measured in the same rounds.

Each measurement is a fresh Python process; ``before`` runs the same code with ``PYTHONPATH`` set to another
checkout (its ``argmap`` and ``api``), so that the code before and after a change see the same machine load.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from synth import generate  # a sibling script, not a package

__all__ = ["Row", "bench_load"]

Row = tuple[str, float, str, float, float, str]
"""(what argmap does, its figure, the anchor, the anchor's figure, the target ratio, the unit)"""

Run = tuple[float, float, dict[str, Any]]
"""Wall seconds, peak memory in bytes, and everything the run printed."""

_PARSE = r"""
import json, resource, sys, time
from pathlib import Path
import yaml
t = time.perf_counter()
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.suffix == ".yaml")
c = time.process_time()
docs = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files]  # kept, as a load keeps them
print(json.dumps({"time": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

_LOAD = r"""
import json, resource, sys, time
from pathlib import Path
import networkx, pydantic, yaml
from argmap.corpus.load import load_corpus
from argmap.queries.comparison import merged_graph
t, c = time.perf_counter(), time.process_time()
corpus = load_corpus([Path(sys.argv[1])])
graph = merged_graph(corpus)
print(json.dumps({"time": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

# The drift check of every map, everything it reads prepared beforehand (untimed), as load_corpus calls it.
_DRIFT = r"""
import json, sys, time
from pathlib import Path
from argmap.files.confine import EssayReader
from argmap.checks.drift.check import drift_diagnostics
from argmap.format.model import ArgumentMap
from argmap.files.limits import gc_paused
from argmap.checks.quotes import grounding_diagnostics
from argmap.format.schema_errors import validate_model
from argmap.yaml.reader import read_yaml_file
folder = Path(sys.argv[1])
files = sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and p.name != "claims.yaml")
reader, ready = EssayReader(), []
for p in files:
    doc = read_yaml_file(str(p), p.name)
    model, _ = validate_model(ArgumentMap, doc)
    gm, _ = grounding_diagnostics(doc, model, lambda rel, base=p.parent: reader.read(base, rel))
    ready.append((doc, gm))
found = 0
with gc_paused():
    t, c = time.perf_counter(), time.process_time()
    for doc, gm in ready:
        found += len(drift_diagnostics(doc, gm))
    spent, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"time": spent, "cpu": cpu, "findings": found}))
"""


def _py(code: str, folder: Path, tree: Path | None = None) -> Run:
    tree = tree or Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{tree / 'api'}"}
    # In the tree's folder: ``python -c`` puts the current folder first on the import path.
    proc = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=False,
                          env=env, cwd=tree)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{proc.stdout}\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return float(result["time"]), float(result.get("rss", 0.0)), result


def _median(runs: list[Run], key: str) -> float:
    return statistics.median(float(r[2][key]) for r in runs)


def _rows_1000(label: str, runs: dict[str, list[Run]], tree: str) -> list[Row]:
    parse, load, drift = runs["parse"], runs[f"load{tree}"], runs[f"drift{tree}"]
    findings = drift[0][2]["findings"]
    return [
        (f"{label}drift check, 1,000 maps ({findings} findings)", _median(drift, "time"), "parse-only, 1,000 maps",
         _median(parse, "time"), 0.5, "s"),
        ("  the same, CPU", _median(drift, "cpu"), "parse-only, CPU", _median(parse, "cpu"), 0.5, "s"),
        (f"{label}load + validate + merge, 1,000 maps", _median(load, "time"), "parse-only, 1,000 maps",
         _median(parse, "time"), 2.0, "s"),
        ("  the same, CPU", _median(load, "cpu"), "parse-only, CPU", _median(parse, "cpu"), 2.0, "s"),
        (f"{label}load, 1,000 maps: peak", _median(load, "rss") / MIB, "parse-only, 1,000 maps, peak",
         _median(parse, "rss") / MIB, 2.0, "MiB"),
    ]


def _rows_big(label: str, big: int, parse: Run, load: Run, small: list[Run]) -> list[Row]:
    return [
        (f"{label}load, {big:,} maps, peak", load[1] / MIB, f"parse-only, {big:,} maps, peak", parse[1] / MIB, 2.0,
         "MiB"),
        (f"{label}load, {big:,} maps: time", load[0], "load, 1,000 maps", _median(small, "time"), 11.0, "s"),
        ("  the same, CPU", load[2]["cpu"], "load, 1,000 maps, CPU", _median(small, "cpu"), 11.0, "s"),
        (f"{label}load, {big:,} maps: peak", load[1] / MIB, "load, 1,000 maps", _median(small, "rss") / MIB, 11.0,
         "MiB"),
    ]


MIB = 1 << 20


def bench_load(work: Path, rounds: int, big: int, before: Path | None = None) -> list[Row]:
    """The load rows at 1,000 maps (``rounds`` interleaved rounds) and, unless ``big`` is 0, at ``big`` maps (one
    round); with ``before``, each argmap row also for that source tree, in the same rounds."""
    trees: dict[str, Path | None] = {"": None} if before is None else {"": None, " before": before}
    small = generate(work / "load-1000", 1000).maps_dir
    runs: dict[str, list[Run]] = {"parse": []}
    for _ in range(rounds):
        runs["parse"].append(_py(_PARSE, small))
        for tag, tree in trees.items():
            for name, code in (("load", _LOAD), ("drift", _DRIFT)):
                runs.setdefault(f"{name}{tag}", []).append(_py(code, small, tree))
    labels = {tag: ("" if before is None else ("before: " if tag else "after: ")) for tag in trees}
    rows = [row for tag in sorted(trees, reverse=True) for row in _rows_1000(labels[tag], runs, tag)]
    if big:
        shutil.rmtree(work / "load-1000", ignore_errors=True)
        large = generate(work / f"load-{big}", big).maps_dir
        parse_big = _py(_PARSE, large)
        loads = {tag: _py(_LOAD, large, tree) for tag, tree in trees.items()}
        for tag in sorted(trees, reverse=True):
            rows += _rows_big(labels[tag], big, parse_big, loads[tag], runs[f"load{tag}"])
    return rows
