"""The snapshot middleware: one snapshot per request, and an HTTP cache of answers kept in that snapshot.

Every HTTP request first takes the store's current snapshot and pins it in the
request's state, so everything that request does sees the same maps (the
dependencies read it from there).

A ``GET`` answered ``200`` with a strong ``ETag`` is a pure function of the
snapshot and the URL (a route opts in by sending the ETag), so its answer is
kept in the snapshot's cache under ``(path, query)``: the next request for the
same URL is answered here, without routing, parameter parsing or dependencies.
A reload makes a new snapshot, with an empty cache.  Here too, for cached and
fresh answers alike: a matching ``If-None-Match`` gets ``304``, and a client that
accepts gzip gets the body gzipped (compressed once, tagged ``"<etag>-gzip"``).

>>> e = CachedResponse.build([(b"content-type", b"image/svg+xml"), (b"etag", b'"abc"')], b"<svg/>" * 400)
>>> e.etag, e.gzip_etag, len(e.gzip_body) < len(e.body)
('"abc"', '"abc-gzip"', True)
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from .snapshot import MISSING
from .store import Store

__all__ = ["CachedResponse", "SnapshotMiddleware", "accepts_gzip", "cacheable", "etag_matches", "strong_etag"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_COMPRESSIBLE = (b"text/", b"application/json", b"image/svg+xml", b"application/javascript")
_MIN_GZIP = 1024
_KEEP = {b"content-type", b"etag", b"cache-control"}


def strong_etag(body: bytes) -> str:
    """The strong ETag of an answer: the sha256 of its bytes, quoted (same bytes, same tag).

    >>> strong_etag(b"")[:9]
    '"e3b0c442'
    """
    return f'"{hashlib.sha256(body).hexdigest()}"'


def cacheable(body: bytes, media_type: str) -> Response:
    """A 200 answer that is a pure function of the snapshot and the URL: strong ETag, ``no-cache``.

    The ETag is what marks it for the snapshot middleware, which keeps it by URL and answers
    ``If-None-Match`` and gzip for it.
    """
    return Response(body, media_type=media_type, headers={"ETag": strong_etag(body), "Cache-Control": "no-cache"})


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an ``Accept-Encoding`` header allows gzip (``gzip`` or ``*`` with a non-zero q).

    >>> accepts_gzip("gzip, deflate, br"), accepts_gzip("gzip;q=0"), accepts_gzip(None), accepts_gzip("*")
    (True, False, False, True)
    """
    for item in (accept_encoding or "").lower().split(","):
        name, _, params = item.partition(";")
        if name.strip() not in ("gzip", "*"):
            continue
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            return float(q) > 0
        except ValueError:
            return False
    return False


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header matches ``etag`` (weak comparison, as RFC 9110 asks for GET).

    >>> etag_matches('W/"abc", "def"', '"def"'), etag_matches("*", '"x"'), etag_matches(None, '"x"')
    (True, True, False)
    """
    if not if_none_match:
        return False
    for tag in if_none_match.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def _header(scope: Scope, name: bytes) -> str | None:
    """A request header's value, repeated lines joined with commas (as RFC 9110 allows for lists)."""
    values = [v.decode("latin-1") for k, v in scope["headers"] if k.lower() == name]
    return ", ".join(values) if values else None


@dataclass(frozen=True)
class CachedResponse:
    """A 200 answer kept for its URL: headers and body as sent, plus a gzip form when worth it."""

    etag: str
    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzip_etag: str | None
    gzip_body: bytes | None

    @classmethod
    def build(cls, headers: list[tuple[bytes, bytes]], body: bytes) -> CachedResponse:
        """The entry for an answer's headers (which include its ETag) and body."""
        kept = [(k, v) for k, v in headers if k.lower() in _KEEP]
        fields = dict((k.lower(), v) for k, v in kept)
        etag = fields[b"etag"].decode("latin-1")
        kind = fields.get(b"content-type", b"")
        if len(body) >= _MIN_GZIP and kind.startswith(_COMPRESSIBLE):
            return cls(etag, kept, body, etag[:-1] + '-gzip"', gzip.compress(body, compresslevel=6, mtime=0))
        return cls(etag, kept, body, None, None)

    def matches(self, if_none_match: str | None) -> bool:
        """Whether ``If-None-Match`` names this answer (in either form)."""
        return etag_matches(if_none_match, self.etag) or (
            self.gzip_etag is not None and etag_matches(if_none_match, self.gzip_etag))

    async def send(self, scope: Scope, send: Send) -> None:
        """Answer from this entry: 304, gzip, or the body as is."""
        gzipped = self.gzip_body is not None and accepts_gzip(_header(scope, b"accept-encoding"))
        etag = self.gzip_etag if gzipped and self.gzip_etag else self.etag
        headers = [(k, v) for k, v in self.headers if k.lower() != b"etag"]
        headers += [(b"etag", etag.encode("latin-1")), (b"vary", b"Accept-Encoding")]
        if self.matches(_header(scope, b"if-none-match")):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k, v) for k, v in headers if k.lower() != b"content-type"]})
            await send({"type": "http.response.body", "body": b""})
            return
        body = self.gzip_body if gzipped and self.gzip_body is not None else self.body
        if gzipped:
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class SnapshotMiddleware:
    """Pins the snapshot for each request and serves cached answers (see the module doc)."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        snapshot = self.store.snapshot
        scope.setdefault("state", {})["snapshot"] = snapshot
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        key = ("http", scope["path"], scope.get("query_string", b""))
        hit = snapshot.memo.get(key)
        if hit is not MISSING:
            await hit.send(scope, send)
            return

        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                if message["status"] == 200 and any(k.lower() == b"etag" for k, _ in headers):
                    start = message  # hold it: the answer is sent from the cache entry
                    return
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                entry = CachedResponse.build(list(start.get("headers", [])), b"".join(chunks))
                snapshot.memo.put(key, entry)
                await entry.send(scope, send)
                return
            await send(message)

        await self.app(scope, receive, capture)
