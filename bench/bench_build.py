"""Benchmark: `argmap build` against running Graphviz's `dot` alone on the same DOT files.

For the bundled pair and for a synthetic corpus (bench/synth.py, 100 maps by default), each round times

* ``argmap build MAPS --out DIR`` as a fresh process (start-up, validation, DOT, dot, reports, atomic writes), and
* ``dot -Tsvg`` run once per diagram on the DOT sources that build renders (written out beforehand),
  one at a time, and ``--jobs`` at a time (as build runs them: one per CPU by default), and
* the floor of any Python build: a fresh interpreter importing pydantic, networkx and PyYAML, the
  packages that validation and the merge need, and doing nothing else,

side by side, and prints the medians and the ratios of build to dot alone (the overhead of everything
argmap does around dot).  The target is a ratio of at most 1.25, against dot run with the same parallelism.
It also prints the CPU seconds of build (argmap and its dot processes) and of dot alone: the work argmap adds,
which a busy machine does not distort as it does wall-clock time.

    .venv/bin/python bench/bench_build.py [--maps 100] [--rounds 5] [--jobs N]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate

from argmap.corpus.load import bundled_maps_dir, load_corpus
from argmap.jobs.build import default_jobs, diagram_sources

TARGET = 1.25


def write_sources(maps_dir: Path, into: Path) -> list[Path]:
    """The DOT source of every diagram build renders, one file each."""
    corpus = load_corpus([maps_dir], strict=True)
    files = []
    for n, (rel, make) in enumerate(diagram_sources(corpus).items()):
        path = into / f"{n:05d}-{rel.replace('/', '_')}.dot"
        path.write_text(make(), encoding="utf-8")
        files.append(path)
    return files


def _children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and theirs): the work, whatever else the machine runs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


CPU: dict[str, list[float]] = {"build": [], "dot": []}


def time_build(maps_dir: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", "build", str(maps_dir), "--out", str(out), "--jobs", str(jobs)],
                   check=True, stdout=subprocess.DEVNULL)
    CPU["build"].append(_children_cpu() - cpu)
    return time.perf_counter() - start


def time_dot(files: list[Path], jobs: int) -> float:
    def one(f: Path) -> None:
        subprocess.run(["dot", "-Tsvg", str(f), "-o", "/dev/null"], check=True)

    cpu, start = _children_cpu(), time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, files))
    CPU["dot"].append(_children_cpu() - cpu)
    return time.perf_counter() - start


def time_floor() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pydantic, networkx, yaml"], check=True)
    return time.perf_counter() - start


Row = tuple[str, int, int, float, float, float, float]


def bench(name: str, maps_dir: Path, work: Path, rounds: int, jobs: int) -> Row:
    dots = work / f"{name}-dot"
    dots.mkdir()
    files = write_sources(maps_dir, dots)
    n_maps = sum(1 for p in maps_dir.glob("*.yaml") if p.name != "claims.yaml")
    builds, serial, parallel, floor = [], [], [], []
    time_build(maps_dir, work / f"{name}-out", jobs)  # warm the file cache once
    CPU["build"].clear()
    CPU["dot"].clear()
    for _ in range(rounds):  # interleaved, so all see the same machine load
        builds.append(time_build(maps_dir, work / f"{name}-out", jobs))
        serial.append(time_dot(files, 1))
        parallel.append(time_dot(files, jobs))
        floor.append(time_floor())
    print(f"{name}: CPU seconds, build (argmap and its dot processes) {statistics.median(CPU['build']):.2f}, "
          f"dot alone {statistics.median(CPU['dot']):.2f}: "
          f"{statistics.median(CPU['build']) / statistics.median(CPU['dot']):.2f}x the work", flush=True)
    return (name, n_maps, len(files), statistics.median(builds), statistics.median(serial),
            statistics.median(parallel), statistics.median(floor))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--maps", type=int, default=100, help="maps in the synthetic corpus (default 100)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds per corpus (default 5); medians reported")
    ap.add_argument("--jobs", type=int, default=default_jobs(),
                    help=f"dot processes at once, for build and for dot alone (default: one per CPU, {default_jobs()})")
    args = ap.parse_args(argv)
    if shutil.which("dot") is None:
        print("bench_build: Graphviz's dot is not installed (apt-get install graphviz)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        synth = generate(work / "synth", args.maps).maps_dir
        rows = [bench("bundled", bundled_maps_dir(), work, args.rounds, args.jobs),
                bench(f"synthetic-{args.maps}", synth, work, max(1, args.rounds // 2), args.jobs)]
    j = args.jobs
    print(f"medians in seconds; build and 'dot xN' run {j} dot process(es) at once")
    print(f"{'corpus':<16} {'maps':>5} {'diagrams':>8} {'build':>7} {'dot x1':>7} {f'dot x{j}':>7} "
          f"{'ratio':>6} {'vs x1':>6} {'floor':>6} {'floor+dot':>9}")
    worst = 0.0
    for name, n_maps, n_diagrams, build_s, serial_s, parallel_s, floor_s in rows:
        ratio = build_s / parallel_s
        if name != "bundled":  # three diagrams: the bundled pair measures start-up, not a build's overhead
            worst = max(worst, ratio)
        print(f"{name:<16} {n_maps:>5} {n_diagrams:>8} {build_s:>7.2f} {serial_s:>7.2f} {parallel_s:>7.2f} "
              f"{ratio:>5.2f}x {build_s / serial_s:>5.2f}x {floor_s:>6.2f} {(floor_s + parallel_s) / parallel_s:>8.2f}x")
    print(f"ratio = build / dot x{j} (same parallelism); vs x1 = build / dot one at a time;")
    print("floor = python -c 'import pydantic, networkx, yaml'; floor+dot = the best ratio any build in Python could get")
    print(f"target (synthetic corpus): at most {TARGET}x; {'met' if worst <= TARGET else 'NOT met'} ({worst:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
