"""Running the service under uvicorn: slow requests are cut off, and a signal stops the process promptly.

* **Read timeout.**  A request must arrive in full (headers and body) within ``read_timeout`` seconds of its
  first byte, and a new connection must start its request within that time; otherwise the connection is closed.
  So slow-header and slow-body connections cannot be held open to exhaust the server.  Each connection's
  deadline is its own share of ``read_timeout`` (from 3/4 of it to all of it, by a hash of the client's port):
  thousands of slow connections opened together are then cut over a quarter of the timeout, not in one
  iteration of the event loop that would stall every other request while it runs.
* **Stop on a signal.**  On SIGTERM or SIGINT the service stops accepting connections, kills every running
  ``dot`` at once, gives requests in flight until :data:`STOP_WITHIN` seconds to finish, and then exits even
  if some worker is still busy: a process that was asked to stop is gone within two seconds.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any

__all__ = ["READ_TIMEOUT", "STOP_WITHIN", "SWITCH_INTERVAL", "connection_timeout", "run_server", "server_config"]

READ_TIMEOUT = 10.0
"""Seconds a client has to send a whole request (headers and body), counted from its first byte."""
STOP_WITHIN = 1.0
"""Seconds between a stop signal and the process's exit, at most (plus the exit itself)."""
SWITCH_INTERVAL = 0.0005
"""Seconds a thread holds the GIL before another may take it (Python's default is 0.005)."""

log = logging.getLogger("argmap_api")


def connection_timeout(read_timeout: float, client: tuple[str, int] | None) -> float:
    """The read timeout of one connection: from 3/4 of ``read_timeout`` to all of it, by a hash of its port.

    Derived from the connection, not drawn at random, so the same connection always gets the same deadline.

    >>> [round(connection_timeout(10.0, ("127.0.0.1", port)), 2) for port in (50000, 50001, 50002)]
    [9.25, 8.29, 9.84]
    >>> connection_timeout(10.0, None)
    10.0
    """
    if not client:
        return read_timeout
    share = (client[1] * 2654435761) % 2**32 / 2**32  # Knuth's multiplicative hash: neighbouring ports spread out
    return read_timeout * (0.75 + share / 4)


def _protocol(read_timeout: float) -> type[Any]:
    """uvicorn's h11 protocol with a deadline on reading each request (see the module doc)."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class TimedH11Protocol(H11Protocol):
        _deadline: Any = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def _arm(self) -> None:
            if self._deadline is None:
                self._deadline = self.loop.call_later(connection_timeout(read_timeout, self.client), self._expired)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def data_received(self, data: bytes) -> None:
            if self.conn.their_state is h11.IDLE:
                self._arm()  # the first bytes of a request: its clock starts
            super().data_received(data)
            if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
                self._disarm()  # read in full (or the connection is done for): the application has it

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _expired(self) -> None:
            self._deadline = None
            if self.transport.is_closing() or self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
                return
            if self.conn.their_state is h11.IDLE and self.cycle is not None and not self.cycle.response_complete:
                return  # between requests, with a response still going out: keep-alive decides later
            client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
            log.debug("%s sent no complete request within %g s; connection closed", client, read_timeout)
            self.transport.close()

    return TimedH11Protocol


def server_config(app: Any, host: str, port: int, *, read_timeout: float = READ_TIMEOUT) -> Any:
    """The uvicorn configuration argmap serves with (h11 with a read timeout, short graceful shutdown).

    >>> server_config(object(), "127.0.0.1", 0).timeout_graceful_shutdown
    1
    """
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level="info", http=_protocol(read_timeout),
                          timeout_graceful_shutdown=1, timeout_keep_alive=5, lifespan="on")


def run_server(app: Any, host: str, port: int, *, read_timeout: float = READ_TIMEOUT) -> None:
    """Serve ``app`` until a stop signal; then exit within :data:`STOP_WITHIN` seconds (see the module doc)."""
    import uvicorn

    from argmap.render.images import stop_renders

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            super().handle_exit(sig, frame)
            stop_renders()  # a diagram in flight fails at once instead of holding the shutdown
            timer = threading.Timer(STOP_WITHIN, _exit_now, args=(128 + sig,))
            timer.daemon = True
            timer.start()

    # Heavy work runs in worker threads; a short switch interval lets the event loop thread take the GIL back
    # often, so cheap requests (and reading requests at all) are not held up behind a computation.
    sys.setswitchinterval(SWITCH_INTERVAL)
    Server(server_config(app, host, port, read_timeout=read_timeout)).run()


def _exit_now(status: int) -> None:
    """The stop signal's grace has run out: kill what ``dot`` is left and leave, whatever a worker is doing."""
    from argmap.render.images import stop_renders

    stop_renders()
    log.warning("stopping now: work still in progress is abandoned")
    logging.shutdown()
    os._exit(status)
