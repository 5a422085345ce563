"""Scale benchmark: load + validate + merge of N synthetic maps, against merely parsing their YAML.

For each N (default 100 and 1000; add 10000 with ``--big``) it generates a corpus with ``bench/synth.py`` (40
nodes per map, one essay per map unless ``--shared-essays``, 50 shared claims, 8 bound per map), then runs,
side by side and ``--repeat`` times each, two measurements, each in a fresh Python process so that no run warms
another's caches or heap:

* argmap: ``argmap.corpus.load.load_corpus([maps])`` (read, schema, integrity, grounding of every quote in its
  essay, the registry) followed by ``argmap.queries.comparison.merged_graph(corpus)`` (the networkx merge).  Imports are
  done before the clock starts and reported apart.
* parse only: ``yaml.load(text, Loader=yaml.CSafeLoader)`` on the same map files (and the registry), read
  from disk the same way.

argmap's figures are those of its median run (by total time), so that load and merge add up; the parse-only
time is the median of its runs.  Peak memory is the process's ``ru_maxrss`` (peak resident set size,
including the interpreter and its imports), read with ``resource.getrusage`` at the end of the run.  The corpus
files are written just before they are timed, so they are read from the page cache in every run.

Targets: 1,000 maps in under 5 s and under 1 GiB, and in at most 1.6x the parse-only time; 10x the maps in at
most 12x the time.

The merge is also timed alone, at 1,000 and 10,000 maps by default (``--merge-sizes``): in a fresh process
per size the corpus is loaded once, untimed, and ``merged_graph`` run ``--merge-repeat`` times; the median,
per map, and its growth over 10x the maps say whether the merge is linear.  Loading 10,000 maps for it takes
a few minutes; ``--merge-sizes`` with no sizes skips it.

    .venv/bin/python bench/bench_scale.py              # N = 100, 1000
    .venv/bin/python bench/bench_scale.py --big        # N = 100, 1000, 10000
    .venv/bin/python bench/bench_scale.py --sizes 1000 --profile   # plus a cProfile of one run
    .venv/bin/python bench/bench_scale.py --gc-off     # the same with Python's cyclic GC disabled, for comparison
    .venv/bin/python bench/bench_scale.py --sizes 100 --merge-sizes 1000 10000   # mostly the merge alone
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate  # a sibling script, not a package

__all__ = ["main"]

GIB = 1 << 30
TARGET_SECONDS = 5.0
TARGET_N = 1000
TARGET_GROWTH = 12.0
TARGET_RATIO = 1.6
"""load + validate + merge at most this many times merely parsing the same YAML, at TARGET_N maps."""

_ARGMAP_RUN = r"""
import gc, json, resource, sys, time
if len(sys.argv) > 2 and sys.argv[2] == "gc-off":
    gc.disable()
t0 = time.perf_counter()
from pathlib import Path
import networkx, pydantic, yaml
from argmap.corpus.load import load_corpus
from argmap.queries.comparison import merged_graph
t1 = time.perf_counter()
corpus = load_corpus([Path(sys.argv[1])])
t2 = time.perf_counter()
graph = merged_graph(corpus)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "merge": t3 - t2, "total": t3 - t1,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "maps": len(corpus.maps), "graph_nodes": graph.number_of_nodes(),
                  "graph_edges": graph.number_of_edges()}))
"""

_PARSE_RUN = r"""
import json, resource, sys, time
from pathlib import Path
import yaml
t1 = time.perf_counter()
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.suffix == ".yaml")
docs = []  # kept, as a loader would keep them
for p in files:
    with open(p, encoding="utf-8") as fh:
        docs.append(yaml.load(fh.read(), Loader=yaml.CSafeLoader))
t2 = time.perf_counter()
print(json.dumps({"total": t2 - t1, "files": len(files),
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

_PROFILE_RUN = r"""
import cProfile, pstats, sys
from pathlib import Path
import networkx, pydantic, yaml
from argmap.corpus.load import load_corpus
from argmap.queries.comparison import merged_graph
prof = cProfile.Profile()
prof.enable()
merged_graph(load_corpus([Path(sys.argv[1])]))
prof.disable()
stats = pstats.Stats(prof)
total = stats.total_tt
print(f"profile of load_corpus + merged_graph: {total:.2f} s of CPU in Python functions (cProfile, slowed)")
for title, key in (("by own time", "tottime"), ("by cumulative time", "cumulative")):
    print(f"\ntop 20 {title}:")
    print(f"{'own s':>8} {'own %':>6} {'cum s':>8} {'cum %':>6} {'calls':>10}  function")
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2 if key == "tottime" else 3], reverse=True)[:20]
    for (file, line, name), (cc, nc, tt, ct, _) in rows:
        where = file.split("site-packages/")[-1].split("/main/")[-1]
        print(f"{tt:8.2f} {100 * tt / total:6.1f} {ct:8.2f} {100 * ct / total:6.1f} {nc:10d}  {name} ({where}:{line})")
"""


_MERGE_RUN = r"""
import json, statistics, sys, time
from pathlib import Path
import networkx, pydantic, yaml
from argmap.corpus.load import load_corpus
from argmap.queries.comparison import merged_graph
corpus = load_corpus([Path(sys.argv[1])])
runs = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    graph = merged_graph(corpus)
    runs.append(time.perf_counter() - t)
    del graph
print(json.dumps({"maps": len(corpus.maps), "median": statistics.median(runs), "min": min(runs)}))
"""


def _run(code: str, folder: Path, *extra: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", code, str(folder), *extra], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{proc.stdout}\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)


def measure(n: int, root: Path, repeat: int, shared_essays: int | None, gc_off: bool = False) -> dict[str, Any]:
    """Generate ``n`` maps under ``root`` and time both measurements ``repeat`` times, alternating."""
    t = time.perf_counter()
    info = generate(root, n, shared_essays=shared_essays)
    generated = time.perf_counter() - t
    ours: list[dict[str, Any]] = []
    parse: list[dict[str, Any]] = []
    for _ in range(repeat):
        ours.append(_run(_ARGMAP_RUN, info.maps_dir, "gc-off" if gc_off else "gc-on"))
        parse.append(_run(_PARSE_RUN, info.maps_dir))
    assert all(r["maps"] == n for r in ours), ours
    middle = sorted(ours, key=lambda r: float(r["total"]))[(repeat - 1) // 2]  # the median run, whole
    return {
        "n": n, "repeat": repeat, "generate": generated, "yaml_mb": info.yaml_bytes / 1e6,
        "essay_mb": info.essay_bytes / 1e6, "essays": info.n_essays,
        "import": _median(ours, "import"), "load": middle["load"], "merge": middle["merge"],
        "total": middle["total"], "total_min": min(r["total"] for r in ours),
        "total_max": max(r["total"] for r in ours), "rss": max(r["rss"] for r in ours),
        "parse": _median(parse, "total"), "parse_rss": max(r["rss"] for r in parse),
        "graph_nodes": ours[0]["graph_nodes"], "graph_edges": ours[0]["graph_edges"],
    }


def measure_merge(n: int, root: Path, repeat: int) -> dict[str, Any]:
    """The merge alone of ``n`` maps (generated under ``root`` unless they are there already), ``repeat`` times."""
    maps_dir = root / "maps"
    if not (maps_dir / "claims.yaml").exists():
        generate(root, n)
    result = _run(_MERGE_RUN, maps_dir, str(repeat))
    assert result["maps"] == n, result
    return {"n": n, "repeat": repeat, **result}


def _merge_lines(rows: list[dict[str, Any]]) -> list[str]:
    out = [f"merge alone (corpus loaded first, untimed; median of {', '.join(str(r['repeat']) for r in rows)}):"]
    for r in rows:
        out.append(f"  {r['n']:>6} maps: {r['median']:.3f} s (min {r['min']:.3f}), {1e6 * r['median'] / r['n']:.0f} us/map")
    by_n = {r["n"]: r for r in rows}
    for small in sorted(by_n):
        if small * 10 in by_n:
            growth = by_n[small * 10]["median"] / by_n[small]["median"]
            out.append(f"  growth {small} -> {small * 10} maps: {growth:.2f}x the time for 10x the maps "
                       f"({'linear' if growth <= 12 else 'NOT linear'}: at most 12x)")
    return out


def _table(rows: list[dict[str, Any]]) -> str:
    head = (f"{'maps':>6} {'YAML MB':>8} {'load+validate s':>16} {'merge s':>8} {'total s':>8} {'(min-max)':>13} "
            f"{'ms/map':>7} {'parse-only s':>13} {'ratio':>6} {'peak MiB':>9} {'parse MiB':>10}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['n']:>6} {r['yaml_mb']:>8.1f} {r['load']:>16.3f} {r['merge']:>8.3f} {r['total']:>8.3f} "
            f"{'(' + format(r['total_min'], '.2f') + '-' + format(r['total_max'], '.2f') + ')':>13} "
            f"{1000 * r['total'] / r['n']:>7.2f} {r['parse']:>13.3f} {r['total'] / r['parse']:>5.1f}x "
            f"{r['rss'] / 2**20:>9.0f} {r['parse_rss'] / 2**20:>10.0f}")
    return "\n".join(lines)


def _verdicts(rows: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    by_n = {r["n"]: r for r in rows}
    if TARGET_N in by_n:
        r = by_n[TARGET_N]
        ok = r["total"] < TARGET_SECONDS and r["rss"] < GIB
        out.append(f"target {TARGET_N} maps < {TARGET_SECONDS:.0f} s and < 1 GiB: {r['total']:.2f} s, "
                   f"{r['rss'] / 2**20:.0f} MiB -> {'met' if ok else 'MISSED'}")
        ratio = r["total"] / r["parse"]
        out.append(f"target {TARGET_N} maps at most {TARGET_RATIO}x parse-only: {ratio:.2f}x -> "
                   f"{'met' if ratio <= TARGET_RATIO else 'MISSED'}")
    for small in sorted(by_n):
        big = small * 10
        if big in by_n:
            growth = by_n[big]["total"] / by_n[small]["total"]
            verdict = "met" if growth <= TARGET_GROWTH else "MISSED"
            out.append(f"growth {small} -> {big} maps: {growth:.2f}x the time (target <= {TARGET_GROWTH:.0f}x) "
                       f"-> {verdict}; memory {by_n[big]['rss'] / by_n[small]['rss']:.2f}x")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=None, help="numbers of maps (default 100 1000)")
    ap.add_argument("--big", action="store_true", help="also run 10000 maps (about a minute per run)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per size and measurement (default 5)")
    ap.add_argument("--big-repeat", type=int, default=3, help="runs for sizes of 10000 and more (default 3)")
    ap.add_argument("--shared-essays", type=int, default=None, metavar="K",
                    help="K essays shared by all maps (default: one essay per map)")
    ap.add_argument("--gc-off", action="store_true",
                    help="disable Python's cyclic garbage collector in the argmap runs (to measure its share)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one run at the largest size")
    ap.add_argument("--merge-sizes", type=int, nargs="*", default=[1000, 10000],
                    help="numbers of maps to time the merge alone at (default 1000 10000; none to skip)")
    ap.add_argument("--merge-repeat", type=int, default=5, help="merges per size (default 5; 3 from 10000 maps)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([100, 1000, 10000] if args.big else [100, 1000])
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        for n in sizes:
            repeat = args.big_repeat if n >= 10000 else args.repeat
            print(f"[{n} maps: generating, then {repeat} runs of each measurement...]", file=sys.stderr, flush=True)
            rows.append(measure(n, Path(tmp) / str(n), repeat, args.shared_essays, args.gc_off))
        merges: list[dict[str, Any]] = []
        for n in args.merge_sizes:
            repeat = min(args.merge_repeat, 3) if n >= 10000 else args.merge_repeat
            print(f"[{n} maps: the merge alone, {repeat} times...]", file=sys.stderr, flush=True)
            # The corpus of the same size above is reused only when its essays are the default, one per map.
            root = Path(tmp) / (str(n) if args.shared_essays is None else f"merge-{n}")
            merges.append(measure_merge(n, root, repeat))
        if args.json:
            print(json.dumps({"rows": rows, "merges": merges, "verdicts": _verdicts(rows)}, indent=2))
        else:
            essays = f"{args.shared_essays} shared essays" if args.shared_essays else "one essay per map"
            print(f"argmap scale benchmark: 40 nodes per map, {essays}, 50 shared claims (8 per map); "
                  f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
                  f"{os.getloadavg()[0]:.2f} at the end")
            print(f"the median run of {', '.join(str(r['repeat']) for r in rows)} per size, each in a fresh process; "
                  f"imports excluded (argmap + networkx + pydantic: {statistics.median(r['import'] for r in rows):.2f} s); "
                  "peak = max ru_maxrss over the runs" + ("; CYCLIC GC DISABLED" if args.gc_off else ""))
            print(_table(rows))
            for line in _verdicts(rows):
                print(line)
            if merges:
                print("\n".join(_merge_lines(merges)))
        if args.profile:
            folder = Path(tmp) / str(sizes[-1]) / "maps"
            proc = subprocess.run([sys.executable, "-c", _PROFILE_RUN, str(folder)], capture_output=True,
                                  text=True, check=False)
            print(proc.stdout or proc.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
