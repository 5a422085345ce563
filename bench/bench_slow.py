"""What one slow connection costs the service: its CPU from the connection's arrival to its cut by the read timeout.

Starts ``argmap serve`` on a free port of 127.0.0.1 with a read timeout of 2 s, then opens ``--count`` (1,000)
connections at once from 127.0.0.3, twice over for each kind: silent (no byte sent), and slow body (the headers of
a ``POST /validate`` and four bytes of its body, then nothing).  Each waits until the server cuts it off.  Prints the
server's CPU time (user + system, from /proc) per connection of each kind, with the load average.

    .venv/bin/python bench/bench_slow.py
    .venv/bin/python bench/bench_slow.py --count 2000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import HOST, free_port, start_serve  # a sibling script, not a package

__all__ = ["main"]

REPO = Path(__file__).resolve().parent.parent
KINDS = {"silent": b"", "slow body": b"POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                                     b"Content-Length: 100000\r\n\r\nid: "}


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _one(port: int, payload: bytes) -> None:
    reader, writer = await asyncio.open_connection(HOST, port, local_addr=("127.0.0.3", 0))
    writer.write(payload)
    await writer.drain()
    with contextlib.suppress(OSError):  # a reset is one way a cut arrives
        await reader.read(1)  # until the server cuts the connection off
    writer.close()


async def _many(port: int, count: int, payload: bytes) -> None:
    await asyncio.gather(*(_one(port, payload) for _ in range(count)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000, help="connections opened at once, each round")
    args = ap.parse_args(argv)
    port = free_port()
    server = start_serve(port, ARGMAP_READ_TIMEOUT="2")
    try:
        print(f"load average at start: {os.getloadavg()[0]:.2f}")
        for kind in [*KINDS, *KINDS]:
            before = _cpu(server.pid)
            asyncio.run(_many(port, args.count, KINDS[kind]))
            print(f"{kind:10} {args.count} connections: {(_cpu(server.pid) - before) / args.count * 1000:.2f} ms "
                  "of the server's CPU each")
    finally:
        server.kill()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
