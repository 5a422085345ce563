"""Errors as ``application/problem+json`` (RFC 9457), in one place.

Every error the service answers has the same shape: ``type``, ``title``,
``status``, ``detail``, ``instance``, and ``errors`` when there is a list of
located problems (bad parameters, invalid maps).  argmap's own errors carry
their HTTP status; :func:`install_handlers` maps them, FastAPI's request
validation errors (422) and Starlette's HTTP errors (404 for an unknown path,
405, ...) to that shape.  Nothing answers with a traceback.

>>> from argmap.errors import NotFound
>>> status_of(NotFound("map", "nope", ["alpha"]))
404
>>> problem_body(404, "unknown map 'nope'", "/maps/nope")["type"]
'urn:argmap:problem:not-found'
"""

from __future__ import annotations

import http
import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from argmap.errors import ArgmapError, Diagnostic, RenderError, RenderTimeout, shortened
from argmap_api.body_first import log_aborted
from argmap_api.head import allow_with_head

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "PayloadTooLarge",
    "Problem",
    "ProblemItem",
    "as_problem_json",
    "install_handlers",
    "problem_body",
    "problem_response",
    "problems",
    "status_of",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("argmap_api")


class PayloadTooLarge(ArgmapError):
    """A request body over the configured limit."""

    status = 413


class ProblemItem(BaseModel):
    """One located problem: a request parameter (``loc``) or a place in a YAML file (``path``/``line``/``column``)."""

    model_config = ConfigDict(frozen=True)
    message: str
    loc: list[str | int] | None = Field(default=None, description="where in the request, e.g. ['query', 'depth']")
    type: str | None = Field(default=None, description="kind of validation failure")
    path: str | None = None
    line: int | None = None
    column: int | None = None
    severity: str | None = None
    hint: str | None = None


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    model_config = ConfigDict(frozen=True)
    type: str = Field(description="a URI naming the kind of problem")
    title: str
    status: int
    detail: str
    instance: str = Field(description="the request path that met the problem")
    errors: list[ProblemItem] | None = Field(default=None,
                                             description="the individual problems, when there are several")


_TYPES = {
    400: "bad-request", 404: "not-found", 405: "method-not-allowed", 413: "payload-too-large",
    415: "unsupported-media-type", 422: "invalid-parameters", 500: "internal-error",
    503: "renderer-unavailable", 504: "render-timeout",
}


_INSTANCE_CHARS = 200


def status_of(exc: ArgmapError) -> int:
    """The HTTP status of one of argmap's errors.

    A :class:`~argmap.errors.RenderTimeout` (the renderer stopped ``dot``, or an analysis ran
    out of time) is 504; any other :class:`~argmap.errors.RenderError` (Graphviz missing or
    failing) is 503: the diagram cannot be had now, the rest of the service works.

    >>> status_of(RenderTimeout("slow")), status_of(RenderError("no dot"))
    (504, 503)
    """
    if isinstance(exc, RenderTimeout):
        return 504
    if isinstance(exc, RenderError):
        return 503
    return int(exc.status)


def problem_body(status: int, detail: str, instance: str,
                 errors: Sequence[ProblemItem] | None = None) -> dict[str, Any]:
    """The problem+json document for ``status`` (``errors`` only when given); a very long path is shortened.

    >>> problem_body(404, "unknown map 'x…'", "/maps/" + "x" * 1000)["instance"][-4:]
    'xxx…'
    """
    # A path of any length is echoed in at most _INSTANCE_CHARS characters, as ids are in messages (shortened).
    body = Problem(type="urn:argmap:problem:" + _TYPES.get(status, str(status)),
                   title=http.HTTPStatus(status).phrase, status=status, detail=detail,
                   instance=shortened(instance, _INSTANCE_CHARS),
                   errors=list(errors) if errors is not None else None)
    return body.model_dump(mode="json", exclude_none=True)


def problem_response(status: int, detail: str, instance: str, errors: Sequence[ProblemItem] | None = None,
                     headers: dict[str, str] | None = None) -> Response:
    """A problem+json :class:`Response`."""
    content = json.dumps(problem_body(status, detail, instance, errors), ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
    return Response(content, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _diagnostic_item(d: Diagnostic) -> ProblemItem:
    return ProblemItem.model_validate(d.to_dict())


def _validation_items(errors: Iterable[Any]) -> list[ProblemItem]:
    out = []
    for e in errors:
        loc = [x if isinstance(x, int) else shortened(str(x)) for x in e.get("loc", ())]
        out.append(ProblemItem(message=str(e.get("msg", "invalid value")), loc=loc, type=e.get("type")))
    return out


def install_handlers(app: FastAPI) -> None:
    """Answer argmap's errors, request validation errors and HTTP errors with problem+json."""

    async def on_argmap_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ArgmapError)
        status = status_of(exc)
        items = [_diagnostic_item(d) for d in exc.diagnostics] or None
        if status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc.message)
        return problem_response(status, exc.message, request.url.path, items)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        items = _validation_items(exc.errors())
        detail = "; ".join(f"{'.'.join(str(x) for x in i.loc or ())}: {i.message}" for i in items) or "bad request"
        return problem_response(422, detail, request.url.path, items)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else http.HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route for {shortened(request.url.path)}; see /docs for the routes"
        headers = dict(exc.headers or {})
        if "Allow" in headers:  # a 405 from a GET route: HeadAsGet serves HEAD there too
            headers["Allow"] = allow_with_head(headers["Allow"])
        return problem_response(exc.status_code, detail, request.url.path, headers=headers)

    async def on_disconnect(request: Request, exc: Exception) -> Response:
        # The client went away mid-body: nobody will read an answer, and it is no fault of the service.
        log_aborted(request.method, request.url.path, (request.client.host, request.client.port) if request.client
                    else None)
        return problem_response(400, "the client closed the connection before the body was complete",
                                request.url.path)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return problem_response(500, "internal error; the server log has the details", request.url.path)

    app.add_exception_handler(ArgmapError, on_argmap_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(ClientDisconnect, on_disconnect)
    app.add_exception_handler(Exception, on_unexpected)


_DESCRIPTIONS = {
    404: "An unknown map, node or claim; `detail` names it.",
    413: "The body is over the size limit.",
    422: "Bad parameters; `errors` lists each one.",
    503: "Graphviz (diagrams) or Chromium (PDF) is not available (install it, e.g. `apt-get install graphviz`).",
    504: "Rendering the diagram took longer than the render timeout.",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for these error statuses (moved to problem+json by the app's schema)."""
    return {s: {"model": Problem, "description": _DESCRIPTIONS.get(s, http.HTTPStatus(s).phrase)} for s in statuses}


def as_problem_json(schema: dict[str, Any]) -> dict[str, Any]:
    """Rewrite an OpenAPI document so that every 4xx/5xx response is ``application/problem+json``, and list each
    operation's responses in the order of their status."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            operation["responses"] = dict(sorted(operation.get("responses", {}).items()))
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if status[:1] not in "45" or not content or "application/json" not in content:
                    continue
                response["content"] = {PROBLEM_MEDIA_TYPE: content.pop("application/json"), **content}
    return schema
