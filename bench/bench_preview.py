"""Time from a save of a map to the preview's updated state, as the page receives it (median of N saves).

Starts the preview server in this process on a copy of a bundled map, reads its
Server-Sent Events stream the way the page does, and after each save (alternating
two versions of one node's text, so every save changes the diagram) measures the
time until the event with the new diagram arrives.  The diagram is rendered each time.

    python bench/bench_preview.py [--saves 12]
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from argmap.cli.preview_server import PreviewServer
from argmap.corpus.load import bundled_maps_dir
from argmap.jobs.preview import POLL_SECONDS


def _events(url: str) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", "/events")
    return conn, conn.getresponse()


def _next_state(stream: http.client.HTTPResponse) -> dict[str, object]:
    while True:
        line = stream.readline()
        if not line:
            raise SystemExit("the event stream ended")
        if line.startswith(b"data: "):
            state: dict[str, object] = json.loads(line[6:])
            return state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=12)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="argmap-preview-"))
    src = bundled_maps_dir()
    shutil.copytree(src, root / "maps")
    shutil.copytree(src.parent / "seeds", root / "seeds")
    target = root / "maps" / "enforcer.yaml"
    original = target.read_text("utf-8")
    first = next(line for line in original.splitlines() if line.strip().startswith("text:"))
    server = PreviewServer(target, port=0)
    server.start()
    conn, stream = _events(server.url)
    try:
        _next_state(stream)  # the state on connecting
        times = []
        for i in range(args.saves):
            indent = first[: len(first) - len(first.lstrip())]
            edited = original.replace(first, f"{indent}text: Edit {i} here.", 1)
            time.sleep(0.35)  # a pause between saves, as an editor's user makes
            t0 = time.perf_counter()
            target.write_text(edited, "utf-8")
            state = _next_state(stream)
            times.append(time.perf_counter() - t0)
            assert state["ok"] and f"Edit {i} here." in str(state["svg"]), state["errors"]
    finally:
        conn.close()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(f"preview: {len(times)} saves of maps/enforcer.yaml, diagram rendered each time (poll {POLL_SECONDS} s)")
    print(f"save -> updated page: median {statistics.median(times) * 1000:.0f} ms, "
          f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms (target: under 1000 ms)")


if __name__ == "__main__":
    main()
