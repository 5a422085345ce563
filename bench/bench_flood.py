"""The service under a flood from other clients, on loopback: the latency figures of fairness and read timeouts.

Starts ``argmap serve`` (as deployed: the read timeout, the fair gate, the Host check) on a free port of 127.0.0.1
serving the bundled maps.  First, from 127.0.0.1 alone: ``/version`` and a valid ``POST /validate`` (a bundled
map), one request after another.  Then the flood, from other loopback addresses: ``--hostile`` (20) costly
``POST /validate`` bodies kept in flight from 127.0.0.2 (the bodies of ``bench_hostile.py``), and ``--slow``
(2,000) connections from 127.0.0.3 that send headers and a few bytes of a body, then nothing (each reopened when
the server cuts it off); meanwhile 127.0.0.1 times ``/version`` and the valid POST again.  Last, SIGTERM with the
flood still in flight, and how long the process took to exit.

Prints p50 and p99 for each phase, the ratio of the valid POST's median under flood to its median alone (the
target is at most 2), how many slow connections the server cut off, and the stop time (target: under 2 s).

    .venv/bin/python bench/bench_flood.py
    .venv/bin/python bench/bench_flood.py --hostile 20 --slow 2000 --duration 15
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import HOST, free_port, percentile, start_serve  # sibling scripts, not a package
from bench_hostile import hostile_body

__all__ = ["main"]

REPO = Path(__file__).resolve().parent.parent
YAML = {"Content-Type": "application/yaml"}


def _line(what: str, xs: list[float]) -> str:
    return (f"{what:44} p50 {statistics.median(xs) * 1000:8.1f} ms   p99 {percentile(xs, 99) * 1000:8.1f} ms"
            f"   ({len(xs)} requests)")


async def _timed(client: httpx.AsyncClient, base: str, seconds: float, valid: bytes) -> tuple[list[float], list[float]]:
    """``/version`` and the valid POST in turn, for ``seconds``: the two lists of latencies."""
    version: list[float] = []
    post: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t0 = time.perf_counter()
        (await client.get(f"{base}/version")).raise_for_status()
        version.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        r = await client.post(f"{base}/validate", content=valid, headers=YAML)
        r.raise_for_status()
        post.append(time.perf_counter() - t0)
        await asyncio.sleep(0.05)
    return version, post


def _slow_process(port: int, count: int, stop: Any, cut: Any) -> None:
    """The slow clients, in a process of their own (so their reconnections never stall the timing loop)."""

    async def run() -> None:
        done = asyncio.Event()
        box = [0]
        tasks = [asyncio.create_task(_slow(port, done, box)) for _ in range(count)]
        while not stop.is_set():
            await asyncio.sleep(0.2)
            cut.value = box[0]
        done.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(run())


async def _slow(port: int, stop: asyncio.Event, cut: list[int]) -> None:
    """One slow client: headers and a few bytes of body, then silence; reopened when the server cuts it off."""
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(HOST, port, local_addr=("127.0.0.3", 0))
        except OSError:
            await asyncio.sleep(0.5)
            continue
        writer.write(b"POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                     b"Content-Length: 100000\r\n\r\nid: ")
        try:
            await writer.drain()
            read = asyncio.ensure_future(reader.read(1))
            done, _ = await asyncio.wait({read, asyncio.ensure_future(stop.wait())},
                                         return_when=asyncio.FIRST_COMPLETED)
            if read in done:
                cut[0] += 1
                read.exception()  # a reset is how a cut-off may arrive: retrieved, not raised
            else:
                read.cancel()
        except OSError:
            cut[0] += 1
        writer.close()


async def _run(base: str, port: int, args: argparse.Namespace, valid: bytes, hostile: bytes,
               server: subprocess.Popen[bytes]) -> None:
    mine = httpx.AsyncClient(timeout=120, transport=httpx.AsyncHTTPTransport(local_address=HOST))
    flood = httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=args.hostile + 4),
                              transport=httpx.AsyncHTTPTransport(local_address="127.0.0.2"))
    async with mine, flood:
        await _timed(mine, base, 1.0, valid)  # warm up
        quiet_version, quiet_post = await _timed(mine, base, args.duration / 2, valid)
        print(_line("alone: /version", quiet_version))
        print(_line("alone: valid POST /validate", quiet_post), flush=True)

        stop = asyncio.Event()
        answered = [0]
        slow_stop, cut = multiprocessing.Event(), multiprocessing.Value("i", 0)
        slow = multiprocessing.Process(target=_slow_process, args=(port, args.slow, slow_stop, cut), daemon=True)
        slow.start()

        async def hammer() -> None:
            while not stop.is_set():
                try:
                    r = await flood.post(f"{base}/validate", content=hostile, headers=YAML)
                    answered[0] += r.status_code == 200
                except httpx.HTTPError:
                    pass

        tasks = [asyncio.create_task(hammer()) for _ in range(args.hostile)]
        await asyncio.sleep(3.0)  # let the flood build up
        loud_version, loud_post = await _timed(mine, base, args.duration, valid)
        print(_line(f"flood ({args.hostile} hostile, {args.slow} slow): /version", loud_version))
        print(_line("flood: valid POST /validate", loud_post))
        ratio = statistics.median(loud_post) / statistics.median(quiet_post)
        print(f"{'valid POST under flood / alone (median)':44} {ratio:8.2f}x   (target: at most 2x)")
        print(f"hostile bodies answered: {answered[0]}; slow connections cut off by the read timeout: {cut.value}")

        started = time.monotonic()
        server.send_signal(signal.SIGTERM)
        while server.poll() is None and time.monotonic() - started < 30:
            await asyncio.sleep(0.01)
        stopped = time.monotonic() - started
        print(f"{'SIGTERM to exit, flood in flight':44} {stopped * 1000:8.0f} ms   (target: under 2,000 ms)")
        stop.set()
        slow_stop.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        slow.join(30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hostile", type=int, default=20, help="hostile bodies kept in flight (from 127.0.0.2)")
    ap.add_argument("--slow", type=int, default=2000, help="slow connections kept open (from 127.0.0.3)")
    ap.add_argument("--duration", type=float, default=15.0, help="seconds of timing under flood")
    args = ap.parse_args(argv)
    port = free_port()
    server = start_serve(port)
    base = f"http://{HOST}:{port}"
    try:
        valid = (REPO / "maps" / "enforcer.yaml").read_bytes()
        asyncio.run(_run(base, port, args, valid, hostile_body(), server))
    finally:
        if server.poll() is None:
            server.kill()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
