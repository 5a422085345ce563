"""The fair gate's turns, in one process: a valid map validated beside a flood's costly bodies, with and without turns.

No server and no sockets, so neither the load generator nor the HTTP stack shares the figures: one client keeps
``--flood`` (20) hostile bodies (those of ``bench_hostile.py``) at a :class:`argmap_api.work.Gate` of two places,
another validates ``maps/enforcer.yaml`` one request after another, as ``POST /validate`` does.  Three modes, in
interleaved rounds of ``--seconds`` each: the valid map alone; beside the flood with turns (the service as it runs:
the flood's computation stands aside while the lighter client's runs); beside the flood without them
(``TURN_WAIT = 0``, the gate before turns).  Prints each mode's p50 and p99, and its median over the median alone
(the service's target is at most 2x), with the load average.

    .venv/bin/python bench/bench_gate.py
    .venv/bin/python bench/bench_gate.py --flood 20 --rounds 5 --seconds 3
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import percentile  # sibling scripts, not a package
from bench_hostile import hostile_body

__all__ = ["main"]

REPO = Path(__file__).resolve().parent.parent
MODES = ("alone", "flood, with turns", "flood, without turns")


async def _round(mode: str, seconds: float, flood: int, valid: Any, hostile: Any) -> list[float]:
    import argmap_api.work as work

    work.TURN_WAIT = 0.0 if mode.endswith("without turns") else 0.5
    gate = work.Gate(2)
    stop = asyncio.Event()

    async def flooding() -> None:
        work.CLIENT.set("127.0.0.2")
        while not stop.is_set():
            await gate.run(hostile)

    async def one_after_another() -> list[float]:
        work.CLIENT.set("127.0.0.1")
        out: list[float] = []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t0 = time.perf_counter()
            await gate.run(valid)
            out.append(time.perf_counter() - t0)
            await asyncio.sleep(0.01)
        return out

    tasks = [asyncio.create_task(flooding()) for _ in range(flood if mode != "alone" else 0)]
    await asyncio.sleep(0.2 if tasks else 0)  # the flood at the gate first
    latencies = await one_after_another()
    stop.set()
    await asyncio.gather(*tasks)
    return latencies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--flood", type=int, default=20, help="hostile bodies kept at the gate by the other client")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of the three modes, interleaved")
    ap.add_argument("--seconds", type=float, default=3.0, help="seconds of each mode in each round")
    args = ap.parse_args(argv)

    from argmap_api.posted_map import validate_yaml

    from argmap.corpus.load import load_corpus

    maps = REPO / "maps"
    registry = load_corpus([maps]).registry
    valid = functools.partial(validate_yaml, (maps / "enforcer.yaml").read_bytes(), registry, maps, {})
    hostile = functools.partial(validate_yaml, hostile_body(), registry, maps, {})
    valid(), hostile()  # warm the caches
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    got: dict[str, list[float]] = {mode: [] for mode in MODES}
    medians: dict[str, list[float]] = {mode: [] for mode in MODES}
    for _ in range(args.rounds):
        for mode in MODES:
            xs = asyncio.run(_round(mode, args.seconds, args.flood, valid, hostile))
            got[mode] += xs
            medians[mode].append(statistics.median(xs))
    alone = statistics.median(got["alone"])
    for mode in MODES:
        xs = got[mode]
        ratios = " ".join(f"{m / statistics.median(medians['alone']):.2f}" for m in medians[mode])
        print(f"{mode:22} p50 {statistics.median(xs) * 1000:6.1f} ms  p99 {percentile(xs, 99) * 1000:6.1f} ms  "
              f"{statistics.median(xs) / alone:5.2f}x alone  (rounds: {ratios}; {len(xs)} requests)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
