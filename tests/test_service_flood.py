"""The service under a flood, without a server: a flooding client's computations stand aside while a lighter client's
runs, slow connections opened together are cut at different moments, and a body that never arrives in full never
starts a route."""

from __future__ import annotations

import time
from typing import Any

import pytest

BOUND = 30.0  # seconds: far above any real answer; what never ends fails here


def test_a_flooding_clients_computation_stands_aside_while_a_lighter_clients_runs() -> None:
    """Three computations of one client step along (each step a turn); a second client's computation starts: the
    flood takes no step until it is done (before: both ran at once, sharing the interpreter, so the second client's
    request took up to twice as long as alone)."""
    import asyncio
    import threading

    from argmap_api.work import CLIENT, Gate

    from argmap.files.limits import take_turn

    stop = threading.Event()
    steps: list[float] = []
    honest: list[float] = []

    def flood_work() -> None:
        while not stop.is_set():
            take_turn()
            steps.append(time.monotonic())
            time.sleep(0.001)

    def honest_work() -> None:
        honest.append(time.monotonic())
        time.sleep(0.3)
        honest.append(time.monotonic())

    async def main() -> None:
        gate = Gate(2)

        async def flood() -> None:
            CLIENT.set("10.0.0.66")
            await gate.run(flood_work)

        async def one() -> None:
            CLIENT.set("10.0.0.7")
            await asyncio.sleep(0.1)
            await gate.run(honest_work)
            await asyncio.sleep(0.1)
            stop.set()

        await asyncio.wait_for(asyncio.gather(flood(), flood(), flood(), one()), BOUND)

    asyncio.run(main())
    start, end = honest
    assert [t for t in steps if start + 0.01 < t < end] == []  # one step already under way may end just after
    assert any(t < start for t in steps) and any(t > end for t in steps)  # the flood ran before and after


def test_slow_connections_opened_together_are_cut_at_different_moments() -> None:
    from collections import Counter

    from argmap_api.serving import connection_timeout

    cuts = [connection_timeout(10.0, ("127.0.0.3", port)) for port in range(40000, 42000)]
    assert all(7.5 <= t <= 10.0 for t in cuts)
    per_tenth = Counter(min(24, int((t - 7.5) * 10)) for t in cuts)  # how many in each tenth of a second
    assert len(per_tenth) == 25 and max(per_tenth.values()) < 2000 / 25 * 1.5  # even (before: all at 10 s)
    assert connection_timeout(10.0, ("127.0.0.3", 40000)) == cuts[0]  # the same connection, the same deadline


def _through_body_first(messages: list[dict[str, object]], max_bytes: int = 100) -> list[dict[str, object]] | None:
    """What the app behind BodyFirst receives, when the client sends ``messages`` (None: the app never ran)."""
    import asyncio

    from argmap_api.body_first import BodyFirst

    got: list[dict[str, object]] = []
    ran = False

    async def app(scope: object, receive: Any, send: object) -> None:
        nonlocal ran
        ran = True
        while not got or got[-1].get("more_body"):
            got.append(await receive())

    async def receive() -> dict[str, object]:
        return messages.pop(0)

    scope = {"type": "http", "method": "POST", "path": "/validate", "client": ("127.0.0.3", 50000)}
    asyncio.run(BodyFirst(app, max_bytes)(scope, receive, None))
    return got if ran else None


def test_a_body_that_never_arrives_in_full_never_starts_a_route(caplog: pytest.LogCaptureFixture) -> None:
    part = {"type": "http.request", "body": b"id: ", "more_body": True}
    assert _through_body_first([part, {"type": "http.disconnect"}]) is None  # before: the route ran, and waited
    assert [r.getMessage() for r in caplog.records] == [
        "POST /validate: 127.0.0.3:50000 closed the connection before the body was complete"]


def test_a_body_in_pieces_reaches_the_route_whole_and_a_body_over_the_limit_at_once() -> None:
    pieces = [{"type": "http.request", "body": b"id: ", "more_body": True},
              {"type": "http.request", "body": b"m\n", "more_body": False}]
    assert _through_body_first(pieces) == [{"type": "http.request", "body": b"id: m\n", "more_body": False}]
    big = [{"type": "http.request", "body": b"x" * 80, "more_body": True} for _ in range(3)]
    big[-1]["more_body"] = False
    assert _through_body_first(list(big)) == big  # passed on as it comes: the route refuses it (413)
