"""Import benchmark: the arg-microtexts corpus through ``argmap import``, strict validation and (optionally) build.

Imports every ``micro_*.xml`` of the corpus folder into a fresh temporary folder ``--rounds`` times (in-process,
as the CLI does it: detect, convert, plan, write), then validates every topic folder strictly, and with ``--build``
runs ``argmap build`` on every topic (Graphviz needed).  Prints how many texts imported, how many topics validated
and built, and the median times.

    .venv/bin/python bench/bench_import.py                         # ../shared/corpora/arg-microtexts/en
    .venv/bin/python bench/bench_import.py --corpus /path/to/en --build
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import check_corpus
from argmap.importers.run import convert_files, plan_files, write_plan

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "arg-microtexts" / "en"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--build", action="store_true", help="also run argmap build on every topic")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}; pass --corpus", file=sys.stderr)
        return 2
    texts = len(list(args.corpus.glob("micro_*.xml")))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.rounds):
            out = Path(tmp, f"round{i}")
            start = time.perf_counter()
            maps = convert_files([args.corpus])
            write_plan(out, plan_files(maps))
            times.append(time.perf_counter() - start)
        out = Path(tmp, "round0")
        topics = sorted(p for p in out.iterdir() if p.is_dir() and p.name != "seeds")
        start = time.perf_counter()
        checked = [check_corpus([t]) for t in topics]
        validate_s = time.perf_counter() - start
        valid = [c for c, diags in checked if c is not None and not diags]   # no error and no warning: strict
        print(f"imported {len(maps)} of {texts} texts into {len(topics)} topic folders; "
              f"import median {statistics.median(times):.2f} s over {args.rounds} rounds")
        print(f"validated strictly: {len(valid)} of {len(topics)} topic folders "
              f"({sum(len(c.maps) for c in valid)} maps) in {validate_s:.2f} s")
        if args.build:
            start = time.perf_counter()
            built = sum(CliRunner().invoke(cli, ["build", str(t), "--out", str(Path(tmp, "site", t.name))])
                        .exit_code == 0 for t in topics)
            print(f"built: {built} of {len(topics)} topics in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
