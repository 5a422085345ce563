"""The service under a flood, without a server: a flooding client's computations stand aside while a lighter client's
runs, and slow connections opened together are cut at different moments."""

from __future__ import annotations

import time

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
