"""Load benchmark of the HTTP API: four routes of one running service, on loopback only.

Starts ``uvicorn`` (one worker) on 127.0.0.1 at a free port, serving the
bundled maps (or ``--maps``), warms each route once, then drives each route in
turn for ``--duration`` seconds at ``--connections`` concurrent connections:

* ``/version``                          the trivial JSON route, the baseline
* ``/shared-premises``                  all maps
* ``/maps/<first id>``                  a whole map
* ``/maps/<first id>/diagram.svg``      a cached diagram (plain GET, full body; gzipped, since
  the clients send ``Accept-Encoding: gzip`` as browsers do; ``--accept-encoding identity`` for raw)

(in interleaved rounds, so a change in the machine's load hits every route
alike), and prints requests per second, p50 and p99 latency, errors (non-2xx/3xx and
socket errors) and the ratio of each route's rate to the trivial route's.
The load generator is ``wrk`` when it is installed (``apt-get install wrk``),
else a small asyncio HTTP/1.1 keep-alive client in a separate process.

    .venv/bin/python bench/bench_api.py                 # 6 s per route
    .venv/bin/python bench/bench_api.py --duration 20   # longer runs, steadier figures

Targets on the 2-core machine: ratio >= 0.8 for each route, no errors, p99 < 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"  # loopback only, never anything else


@dataclass
class Result:
    route: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(port: int, maps: Path | None) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    if maps is not None:
        env["ARGMAP_MAPS_DIR"] = str(maps)
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "argmap_api:create_app_from_env", "--host", HOST,
           "--port", str(port), "--log-level", "warning", "--no-access-log"]
    return subprocess.Popen(cmd, env=env)


def start_serve(port: int, **env: str) -> subprocess.Popen[bytes]:
    """``argmap serve`` as deployed (read timeout, fair gate, Host check) on ``port`` of :data:`HOST`, serving the
    bundled maps with no reload and its log discarded, once it answers ``/healthz``; ``env`` adds settings."""
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "serve", "--host", HOST, "--port", str(port),
                             "--maps", str(root / "maps")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "ARGMAP_RELOAD_INTERVAL": "0", **env})
    wait_ready(f"http://{HOST}:{port}", proc)
    return proc


def percentile(xs: list[float], p: float) -> float:
    """The ``p``-th percentile of ``xs`` (nearest rank; NaN for none)."""
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def get(url: str, timeout: float = 30.0) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:  # a loopback URL built here
        return bytes(r.read())


def wait_ready(base: str, proc: subprocess.Popen[bytes], limit: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
        try:
            health: dict[str, object] = json.loads(get(base + "/healthz", timeout=2))
            return health
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz in time")


# -- wrk -------------------------------------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not m:
        raise ValueError(f"cannot read wrk latency {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def run_wrk(url: str, route: str, duration: float, connections: int, threads: int, encoding: str) -> Result:
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(duration))}s", "--latency",
                          "--timeout", "5s", "-H", f"Accept-Encoding: {encoding}", url],
                         capture_output=True, text=True, check=True).stdout
    pct = dict(re.findall(r"^\s+(\d+)%\s+(\S+)\s*$", out, re.M))
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non_ok.group(1)) if non_ok else 0
    return Result(route, total, rps, _ms(pct["50"]), _ms(pct["99"]), errors)


# -- the Python fallback ---------------------------------------------------------------------------------------------

async def _client(port: int, path: str, encoding: str, until: float, latencies: list[float],
                  errors: list[int]) -> None:
    request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept-Encoding: {encoding}\r\n\r\n".encode()
    reader = writer = None
    while time.monotonic() < until:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            assert reader is not None
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - start) * 1000)
            if not 200 <= status < 400:
                errors[0] += 1
        except (OSError, asyncio.IncompleteReadError, AttributeError, ValueError):
            errors[0] += 1
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _load(port: int, path: str, encoding: str, duration: float, connections: int) -> dict[str, object]:
    latencies: list[float] = []
    errors = [0]
    start = time.monotonic()
    await asyncio.gather(*(_client(port, path, encoding, start + duration, latencies, errors)
                           for _ in range(connections)))
    elapsed = time.monotonic() - start
    latencies.sort()

    def q(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "p50": q(0.50), "p99": q(0.99),
            "errors": errors[0]}


def run_python(port: int, path: str, duration: float, connections: int, encoding: str) -> Result:
    out = subprocess.run([sys.executable, __file__, "--_load", str(port), path, encoding, str(duration),
                          str(connections)], capture_output=True, text=True, check=True).stdout
    r = json.loads(out)
    return Result(path, r["requests"], r["rps"], r["p50"], r["p99"], r["errors"])


def combine(route: str, runs: list[Result]) -> Result:
    """Rounds of one route: total requests, mean rate, mean p50, and the worst round's p99."""
    return Result(route, sum(r.requests for r in runs), sum(r.rps for r in runs) / len(runs),
                  sum(r.p50_ms for r in runs) / len(runs), max(r.p99_ms for r in runs), sum(r.errors for r in runs))


# -- main ------------------------------------------------------------------------------------------------------------

def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=float, default=6.0, help="seconds per route (default 6; 20 gives steadier figures)")
    ap.add_argument("--rounds", type=int, default=3, help="split each route's time into this many interleaved "
                                                          "rounds (default 3)")
    ap.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    ap.add_argument("--threads", type=int, default=1, help="wrk threads (default 1: leave a core to the server)")
    ap.add_argument("--maps", type=Path, default=None, help="maps folder to serve (default: the bundled maps)")
    ap.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--accept-encoding", default="gzip", metavar="VALUE",
                    help="the clients' Accept-Encoding (default gzip, as browsers send; 'identity' for none)")
    args = ap.parse_args()
    if not 0 < args.duration <= 600 or not 1 <= args.connections <= 1024 or not 1 <= args.rounds <= args.duration:
        raise SystemExit("duration must be in (0, 600] s, connections in [1, 1024], rounds in [1, duration]")
    if args.tool == "auto":
        args.tool = "wrk" if shutil.which("wrk") else "python"
    if args.maps is None:
        from argmap.corpus.load import bundled_maps_dir

        args.maps = bundled_maps_dir()
    return args


def measure(args: argparse.Namespace) -> list[Result]:
    """Serve ``args.maps``, warm each route, then drive the routes in interleaved rounds; the combined results."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    proc = start_server(port, args.maps)
    try:
        health = wait_ready(base, proc)
        ids = health["map_ids"]
        if not isinstance(ids, list) or not ids:
            raise SystemExit(f"no maps loaded from {args.maps}: {health.get('last_reload_error')}")
        first = ids[0]
        routes = ["/version", "/shared-premises", f"/maps/{first}", f"/maps/{first}/diagram.svg"]
        for r in routes:
            get(base + r)  # warm: the diagram renders once here and is cached from then on
        print(f"argmap API load benchmark: {args.tool}, {args.connections} connections, "
              f"{args.duration:g} s per route in {args.rounds} round(s), "
              f"Accept-Encoding: {args.accept_encoding}, uvicorn (1 worker) on {base}, {len(ids)} map(s), "
              f"{os.cpu_count()} CPU(s)")
        per_round = args.duration / args.rounds
        runs: dict[str, list[Result]] = {r: [] for r in routes}
        for _ in range(args.rounds):  # interleaved, so a drift in the machine's load hits every route alike
            for r in routes:
                if args.tool == "wrk":
                    runs[r].append(run_wrk(base + r, r, per_round, args.connections, args.threads,
                                           args.accept_encoding))
                else:
                    runs[r].append(run_python(port, r, per_round, args.connections, args.accept_encoding))
        return [combine(r, runs[r]) for r in routes]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def report(results: list[Result]) -> None:
    baseline = results[0].rps
    print(f"{'route':34} {'requests':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>6}")
    ok = True
    for res in results:
        ratio = res.rps / baseline if baseline else float("nan")
        print(f"{res.route:34} {res.requests:9d} {res.rps:9.0f} {res.p50_ms:8.2f} {res.p99_ms:8.2f} "
              f"{res.errors:7d} {ratio:6.2f}")
        ok = ok and ratio >= 0.8 and res.errors == 0 and res.p99_ms < 50
    print("targets (ratio >= 0.8, no errors, p99 < 50 ms):", "met" if ok else "NOT met")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_load":  # the fallback load generator's own process
        port_arg, path, encoding, duration, connections = sys.argv[2:7]
        print(json.dumps(asyncio.run(_load(int(port_arg), path, encoding, float(duration), int(connections)))))
        return
    report(measure(parse_args()))


if __name__ == "__main__":
    main()
