"""Every speed ratio argmap promises, side by side with its anchor, in one run, with the machine's load average.

Each figure is the median of interleaved runs (argmap, then its anchor, then again), so both see the same load;
each run is a fresh process unless said otherwise.  The rows:

* **build**: ``argmap build`` of ``N`` synthetic maps (``bench/synth.py``; 100 and 1,000) against Graphviz's
  ``dot -Tsvg`` run once per diagram on the same DOT files at the same parallelism (``--jobs``, default one per
  CPU).  Target at most 1.0x: faster than ``dot`` alone as users run it.  CPU seconds (children's user + system)
  are printed too: a busy machine distorts them less than wall time.
* **validate**: ``argmap validate MAP`` on a bundled map against ``python -c "import yaml, pydantic, networkx"``
  (target at most 0.6x); ``python -c pass`` is shown for scale.
* **render**: ``argmap render MAP --out x.svg`` against ``dot -Tsvg`` on the DOT that render draws (at most 4x).
* **drift**: the paraphrase-drift check of every map of 1,000 (in one process, everything else done beforehand,
  untimed) against parse-only: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same files, the documents
  kept (at most 0.5x).
* **load**: ``load_corpus`` + ``merged_graph`` (load, validate, merge; imports before the clock) of 1,000 maps
  against parse-only (at most 2x), and the peak memory (``ru_maxrss``) of both at 10,000 maps (at most 2x), and
  the growth of load's time and memory from 1,000 to 10,000 maps (at most 11x each).

    .venv/bin/python bench/bench_ratios.py                 # everything (about ten minutes on two cores)
    .venv/bin/python bench/bench_ratios.py --quick         # no 1,000-map build, no 10,000-map load
    .venv/bin/python bench/bench_ratios.py --only startup  # one group: build, startup, load
    .venv/bin/python bench/bench_ratios.py --only load --before ../main  # the load rows of two checkouts
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_rows import Row, bench_load  # noqa: E402  (sibling scripts, not a package)
from synth import generate  # noqa: E402

__all__ = ["main"]

GROUPS = ("build", "startup", "load")



def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(cmd: list[str], **kw: Any) -> tuple[float, float]:
    """Wall and CPU seconds of one command (it must succeed)."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start, _children_cpu() - cpu


def _argmap(*args: str) -> list[str]:
    return [sys.executable, "-m", "argmap", *args]


def _interleave(rounds: int, runs: dict[str, Callable[[], tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each run, the runs interleaved ``rounds`` times after one warm-up each."""
    for run in runs.values():
        run()
    kept: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            kept[name].append(run())
    return {name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for name, v in kept.items()}




def _write_sources(maps_dir: Path, into: Path) -> list[Path]:
    from argmap.corpus.load import load_corpus
    from argmap.jobs.build import diagram_sources

    into.mkdir(parents=True)
    files = []
    for n, make in enumerate(diagram_sources(load_corpus([maps_dir], strict=True)).values()):
        path = into / f"{n:05d}.dot"
        path.write_text(make(), encoding="utf-8")
        files.append(path)
    return files


def _dot_each(files: list[Path], jobs: int) -> tuple[float, float]:
    def one(f: Path) -> None:
        subprocess.run(["dot", "-Tsvg", str(f), "-o", "/dev/null"], check=True)

    cpu, start = _children_cpu(), time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, files))
    return time.perf_counter() - start, _children_cpu() - cpu


def bench_build(work: Path, sizes: list[int], rounds: int, jobs: int) -> list[Row]:
    rows: list[Row] = []
    for n in sizes:
        maps_dir = generate(work / f"build-{n}", n).maps_dir
        files = _write_sources(maps_dir, work / f"build-{n}-dot")
        out = work / f"build-{n}-out"

        def build(maps_dir: Path = maps_dir, out: Path = out) -> tuple[float, float]:
            shutil.rmtree(out, ignore_errors=True)
            return _timed(_argmap("build", str(maps_dir), "--out", str(out), "--jobs", str(jobs)))

        med = _interleave(rounds if n <= 100 else 1, {"build": build, "dot": lambda files=files: _dot_each(files, jobs)})
        anchor = f"dot -Tsvg per file x{jobs}"
        rows.append((f"build {n} maps ({len(files)} diagrams)", med["build"][0], anchor, med["dot"][0], 1.0, "s"))
        rows.append(("  the same, CPU", med["build"][1], f"{anchor}, CPU", med["dot"][1], 1.0, "s"))
    return rows




def bench_startup(work: Path, rounds: int) -> list[Row]:
    map_file = REPO / "maps" / "enforcer.yaml"
    dot_file = work / "enforcer.dot"
    subprocess.run(_argmap("render", str(map_file), "--out", str(dot_file)), check=True, stderr=subprocess.DEVNULL)
    svg = work / "x.svg"
    runs = {
        "validate": lambda: _timed(_argmap("validate", str(map_file)), stderr=subprocess.DEVNULL),
        "imports": lambda: _timed([sys.executable, "-c", "import yaml, pydantic, networkx"]),
        "pass": lambda: _timed([sys.executable, "-c", "pass"]),
        "render": lambda: _timed(_argmap("render", str(map_file), "--out", str(svg)), stderr=subprocess.DEVNULL),
        "dot": lambda: _timed(["dot", "-Tsvg", str(dot_file), "-o", str(work / "y.svg")]),
    }
    med = _interleave(rounds, runs)
    ms = 1000.0
    return [
        ("validate enforcer.yaml", med["validate"][0] * ms, "import yaml, pydantic, networkx", med["imports"][0] * ms,
         0.6, "ms"),
        ("  the same, CPU", med["validate"][1] * ms, "the imports, CPU", med["imports"][1] * ms, 0.6, "ms"),
        ("  the same", med["validate"][0] * ms, "python -c pass", med["pass"][0] * ms, 0.0, "ms"),
        ("render enforcer.yaml --out x.svg", med["render"][0] * ms, "dot -Tsvg on its DOT", med["dot"][0] * ms, 4.0,
         "ms"),
        ("  the same, CPU", med["render"][1] * ms, "dot, CPU", med["dot"][1] * ms, 4.0, "ms"),
    ]



def table(rows: list[Row]) -> list[str]:
    lines = [f"{'argmap':<44} {'figure':>9}  {'anchor':<34} {'figure':>9} {'ratio':>7} {'target':>7}  verdict",
             "-" * 130]
    for what, mine, anchor, theirs, target, unit in rows:
        ratio = mine / theirs if theirs else float("inf")
        verdict = "" if not target else ("met" if ratio <= target else "MISSED")
        goal = f"<={target:g}x" if target else ""
        lines.append(f"{what:<44} {mine:>7.2f}{unit:>2}  {anchor:<34} {theirs:>7.2f}{unit:>2} {ratio:>6.2f}x "
                     f"{goal:>7}  {verdict}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds of the start-up rows (default 5)")
    ap.add_argument("--build-rounds", type=int, default=3, help="rounds of the 100-map build (default 3; 1,000: one)")
    ap.add_argument("--load-rounds", type=int, default=3, help="rounds of the 1,000-map load rows (default 3)")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="dot processes at once")
    ap.add_argument("--quick", action="store_true", help="no 1,000-map build and no 10,000-map load")
    ap.add_argument("--only", choices=GROUPS, action="append", help="run only this group (repeatable)")
    ap.add_argument("--big", type=int, default=10000, help="maps in the large load (default 10000)")
    ap.add_argument("--before", type=Path, help="load rows: also measure this source tree, in the same rounds")
    args = ap.parse_args(argv)
    if shutil.which("dot") is None:
        print("bench_ratios: Graphviz's dot is not installed (apt-get install graphviz)", file=sys.stderr)
        return 1
    groups = args.only or list(GROUPS)
    print(f"load average at start: {_load()}  ({os.cpu_count()} CPUs; medians of interleaved runs)", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="argmap-ratios-") as tmp:
        work = Path(tmp)
        if "startup" in groups:
            rows += bench_startup(work, args.rounds)
        if "build" in groups:
            rows += bench_build(work, [100] if args.quick else [100, 1000], args.build_rounds, args.jobs)
        if "load" in groups:
            rows += bench_load(work, args.load_rounds, big=0 if args.quick else args.big, before=args.before)
    print("\n".join(table(rows)))
    print(f"load average at end: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
