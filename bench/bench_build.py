"""Benchmark: `argmap build` against running Graphviz's `dot` alone on the same DOT files.

For the bundled pair and for a synthetic corpus (bench/synth.py, 100 maps by default), each round times

* ``argmap build MAPS --out DIR`` as a fresh process (start-up, validation, DOT, dot, reports, atomic writes), and
* ``dot -Tsvg`` run once per diagram on the DOT sources that build renders (written out beforehand),

side by side, and prints the medians and their ratio (the overhead of everything argmap does around dot).
The target is a ratio under 1.3.

    .venv/bin/python bench/bench_build.py [--maps 100] [--rounds 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate

from argmap.corpus import bundled_maps_dir, load_corpus
from argmap.render.build import diagram_sources

TARGET = 1.3


def write_sources(maps_dir: Path, into: Path) -> list[Path]:
    """The DOT source of every diagram build renders, one file each."""
    corpus = load_corpus([maps_dir], strict=True)
    files = []
    for n, (rel, make) in enumerate(diagram_sources(corpus).items()):
        path = into / f"{n:05d}-{rel.replace('/', '_')}.dot"
        path.write_text(make(), encoding="utf-8")
        files.append(path)
    return files


def time_build(maps_dir: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", "build", str(maps_dir), "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_dot(files: list[Path]) -> float:
    start = time.perf_counter()
    for f in files:
        subprocess.run(["dot", "-Tsvg", str(f), "-o", "/dev/null"], check=True)
    return time.perf_counter() - start


def bench(name: str, maps_dir: Path, work: Path, rounds: int) -> tuple[str, int, int, float, float]:
    dots = work / f"{name}-dot"
    dots.mkdir()
    files = write_sources(maps_dir, dots)
    n_maps = sum(1 for p in maps_dir.glob("*.yaml") if p.name != "claims.yaml")
    builds, alone = [], []
    time_build(maps_dir, work / f"{name}-out")  # warm the file cache once
    for _ in range(rounds):  # interleaved, so both see the same machine load
        builds.append(time_build(maps_dir, work / f"{name}-out"))
        alone.append(time_dot(files))
    return name, n_maps, len(files), statistics.median(builds), statistics.median(alone)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--maps", type=int, default=100, help="maps in the synthetic corpus (default 100)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds per corpus (default 5); medians reported")
    args = ap.parse_args(argv)
    if shutil.which("dot") is None:
        print("bench_build: Graphviz's dot is not installed (apt-get install graphviz)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        synth = generate(work / "synth", args.maps).maps_dir
        rows = [bench("bundled", bundled_maps_dir(), work, args.rounds),
                bench(f"synthetic-{args.maps}", synth, work, max(1, args.rounds // 2))]
    print(f"{'corpus':<16} {'maps':>5} {'diagrams':>8} {'build s':>9} {'dot alone s':>11} {'ratio':>6}")
    worst = 0.0
    for name, n_maps, n_diagrams, build_s, dot_s in rows:
        ratio = build_s / dot_s
        worst = max(worst, ratio)
        print(f"{name:<16} {n_maps:>5} {n_diagrams:>8} {build_s:>9.2f} {dot_s:>11.2f} {ratio:>5.2f}x")
    print(f"target: under {TARGET}x; {'met' if worst < TARGET else 'NOT met'} (worst {worst:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
