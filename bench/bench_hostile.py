"""Flood benchmark: ``/version`` latency while hostile ``POST /validate`` bodies keep the service busy.

Starts ``uvicorn`` (one worker) on 127.0.0.1 at a free port, serving the bundled maps, and builds a hostile
body: a map of about 20 KB citing a bundled essay, whose quotes are 4,000-character shuffles of that essay's
words (each one a closest-passage search).  It first times ``/version`` alone, then keeps ``--flood`` (42)
such bodies in flight for ``--duration`` seconds while timing ``/version`` one request after another, and
prints, for both phases, the p50 and p99 latency of ``/version``, and how many hostile bodies were answered.

    .venv/bin/python bench/bench_hostile.py
    .venv/bin/python bench/bench_hostile.py --flood 42 --duration 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import HOST, free_port, percentile, start_server, wait_ready  # a sibling script, not a package

__all__ = ["main"]

REPO = Path(__file__).resolve().parent.parent


def hostile_body() -> bytes:
    """A ~20 KB map whose five quotes are 4,000-character shuffles of a bundled essay."""
    essay_path = sorted((REPO / "seeds").glob("*.txt"))[0]
    words = essay_path.read_text(encoding="utf-8").split()
    rng = random.Random(11)
    quotes = [" ".join(rng.sample(words, len(words)))[:4000] for _ in range(5)]
    nodes = [{"id": "T", "kind": "thesis", "text": "t", "quote": quotes[0]}]
    nodes += [{"id": f"P{i}", "kind": "premise", "text": "p", "quote": q} for i, q in enumerate(quotes[1:])]
    doc = {"id": "hostile", "title": "h", "source": {"path": f"../seeds/{essay_path.name}", "sha256": "0" * 64},
           "nodes": nodes, "relations": [f"P{i} -> T" for i in range(len(quotes) - 1)]}
    return json.dumps(doc).encode()


async def _version_latencies(client: httpx.AsyncClient, base: str, seconds: float) -> list[float]:
    out: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t0 = time.perf_counter()
        r = await client.get(f"{base}/version")
        r.raise_for_status()
        out.append(time.perf_counter() - t0)
        await asyncio.sleep(0.02)
    return out


async def _flood(base: str, flood: int, duration: float, body: bytes) -> tuple[list[float], list[float], int, int]:
    limits = httpx.Limits(max_connections=flood + 8, max_keepalive_connections=flood + 8)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:
        quiet = await _version_latencies(client, base, 3.0)
        stop = asyncio.Event()
        answered = failed = 0

        async def hammer() -> None:
            nonlocal answered, failed
            while not stop.is_set():
                r = await client.post(f"{base}/validate", content=body, headers={"Content-Type": "application/yaml"})
                answered += r.status_code == 200
                failed += r.status_code != 200

        workers = [asyncio.create_task(hammer()) for _ in range(flood)]
        await asyncio.sleep(1.0)  # let the flood build up
        loaded = await _version_latencies(client, base, duration)
        stop.set()
        await asyncio.gather(*workers)
    return quiet, loaded, answered, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--flood", type=int, default=42, help="hostile bodies kept in flight")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds of flood")
    args = ap.parse_args(argv)
    port = free_port()
    server = start_server(port, None)
    base = f"http://{HOST}:{port}"
    try:
        wait_ready(base, server)
        body = hostile_body()
        t0 = time.perf_counter()
        r = httpx.post(f"{base}/validate", content=body, headers={"Content-Type": "application/yaml"}, timeout=120)
        one = time.perf_counter() - t0
        print(f"hostile body: {len(body):,} bytes; one POST /validate alone: {one * 1000:.0f} ms "
              f"(status {r.status_code}, {len(r.json()['errors'])} errors)")
        quiet, loaded, answered, failed = asyncio.run(_flood(base, args.flood, args.duration, body))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"/version alone:               p50 {statistics.median(quiet) * 1000:7.1f} ms   "
          f"p99 {percentile(quiet, 99) * 1000:7.1f} ms   ({len(quiet)} requests)")
    print(f"/version, {args.flood} bodies in flight: p50 {statistics.median(loaded) * 1000:7.1f} ms   "
          f"p99 {percentile(loaded, 99) * 1000:7.1f} ms   ({len(loaded)} requests in {args.duration:g} s)")
    print(f"hostile bodies answered during the flood: {answered} (non-200: {failed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
