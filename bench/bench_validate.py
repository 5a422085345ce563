"""Validate benchmark: a map whose quotes are all doctored against the same map with its quotes intact.

Builds, from one essay (default: the first bundled seed), a map of ``--quotes`` premises (40), each quoting a
run of ``--words`` words (12) of the essay, and a copy in which every quote is doctored (two words swapped,
one replaced), so every quote is reported with a closest-passage hint.  Both are validated with
``argmap validate`` (a fresh process, as a user runs it: start-up, reading, schema, integrity, grounding) and
in process with ``argmap.checks.validate.check_map`` alone, ``--repeat`` times each, interleaved in one run; the
medians and their ratios are printed.  A third case times the hostile map: the same number of quotes, each a
4,000-character shuffle of the essay's words, which the per-map hint budget bounds.

Target: doctored / valid <= 2 for ``argmap validate``.

    .venv/bin/python bench/bench_validate.py
    .venv/bin/python bench/bench_validate.py --essay seeds/001_bd59fe3d276fab73.txt --repeat 21
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmap.checks.validate import check_map  # noqa: E402
from argmap.format.registry import ClaimRegistry  # noqa: E402
from argmap.yaml.reader import YamlDocument, parse_yaml  # noqa: E402

__all__ = ["main"]

TARGET = 2.0


def _map_yaml(essay: bytes, quotes: list[str]) -> str:
    head = " ".join(essay.decode("utf-8").split()[:8])
    nodes = [{"id": "T", "kind": "thesis", "text": "t", "quote": head}]
    nodes += [{"id": f"P{i}", "kind": "premise", "text": f"p{i}", "quote": q} for i, q in enumerate(quotes)]
    relations = [f"P{i} -> T" for i in range(len(quotes))]
    doc = {"id": "bench", "title": "bench", "source": {"path": "essay.txt",
                                                        "sha256": hashlib.sha256(essay).hexdigest()},
           "nodes": nodes, "relations": relations}
    return json.dumps(doc, ensure_ascii=False)  # JSON is YAML


def _doctor(quote: str, rng: random.Random) -> str:
    words = quote.split()
    i, j = rng.sample(range(len(words)), 2)
    words[i], words[j] = words[j], words[i]
    words[rng.randrange(len(words))] = "zebra"
    return " ".join(words)


def _time(doc: YamlDocument, essay: bytes, repeat: int) -> tuple[float, int]:
    registry = ClaimRegistry()
    runs = []
    errors = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        _, diags = check_map(doc, registry, read=lambda _rel: essay)
        runs.append(time.perf_counter() - t0)
        errors = sum(d.severity == "error" for d in diags)
    return statistics.median(runs), errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--essay", type=Path, default=next(iter(sorted((REPO / "seeds").glob("*.txt")))))
    ap.add_argument("--quotes", type=int, default=40)
    ap.add_argument("--words", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=11)
    args = ap.parse_args(argv)
    essay = args.essay.read_bytes()
    words = essay.decode("utf-8").split()
    rng = random.Random(7)
    starts = sorted(rng.sample(range(len(words) - args.words), args.quotes))
    quotes = [" ".join(words[s:s + args.words]) for s in starts]
    doctored = [_doctor(q, rng) for q in quotes]
    hostile = [" ".join(rng.sample(words, len(words)))[:4000] for _ in quotes]
    cases = {"valid": quotes, "doctored": doctored, "hostile": hostile}
    docs = {k: parse_yaml(_map_yaml(essay, v), f"{k}.yaml") for k, v in cases.items()}
    for doc in docs.values():  # warm imports and the essay index
        check_map(doc, ClaimRegistry(), read=lambda _rel: essay)
    results: dict[str, list[float]] = {k: [] for k in cases}
    errors: dict[str, int] = {}
    for _ in range(args.repeat):  # interleaved, so a change in the machine's load hits each case alike
        for k, doc in docs.items():
            t, errors[k] = _time(doc, essay, 1)
            results[k].append(t)
    med = {k: statistics.median(v) for k, v in results.items()}
    cli = _cli_medians(essay, cases, args.repeat)
    print(f"essay {args.essay.name}: {len(words)} words; {args.quotes} quotes of {args.words} words; "
          f"median of {args.repeat} runs")
    print(f"  {'':9} {'argmap validate':>16} {'check_map':>12}")
    for k in cases:
        print(f"  {k:9} {cli[k] * 1000:13.1f} ms {med[k] * 1000:9.2f} ms   ({errors[k]} error(s) reported)")
    ratio = cli["doctored"] / cli["valid"]
    print(f"doctored / valid, argmap validate: {ratio:.2f}  (target <= {TARGET:g}: "
          f"{'ok' if ratio <= TARGET else 'MISSED'}); check_map alone: {med['doctored'] / med['valid']:.2f}")
    print(f"hostile / valid, argmap validate: {cli['hostile'] / cli['valid']:.2f}; check_map alone: "
          f"{med['hostile'] / med['valid']:.2f}")
    return 0


def _cli_medians(essay: bytes, cases: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Median wall time of ``python -m argmap validate`` on each case's map file, interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "essay.txt").write_bytes(essay)
        files = {}
        for k, quotes in cases.items():
            files[k] = folder / f"{k}.yaml"
            files[k].write_text(_map_yaml(essay, quotes), encoding="utf-8")
        runs: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(repeat):
            for k, f in files.items():
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "argmap", "validate", str(f)], capture_output=True, cwd=REPO,
                               check=False)
                runs[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in runs.items()}


if __name__ == "__main__":
    raise SystemExit(main())
