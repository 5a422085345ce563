"""``POST /validate``: check a map sent as YAML; answer its located errors as JSON."""

from __future__ import annotations

import functools

from fastapi import APIRouter, Request

from argmap.errors import InvalidRequest

from ..body_first import declared_length
from ..deps import SettingsDep, SnapshotDep
from ..models import ValidationReport
from ..posted_map import validate_yaml
from ..problems import PayloadTooLarge, problems

__all__ = ["read_limited", "router"]

router = APIRouter(tags=["validate"])

# As YAML, any document is accepted (an invalid map is a 200 answer); as text, any non-empty text.
_BODY = {
    "application/yaml": {"schema": {"description": "one map, as in a maps/*.yaml file"}},
    "text/plain": {"schema": {"type": "string", "minLength": 1, "description": "the YAML text of one map"}},
}


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, or :class:`PayloadTooLarge` as soon as it is known to exceed ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before any of the body is read; a body without one
    is read chunk by chunk and refused when it passes the limit.
    """
    declared = declared_length(request.scope)
    if declared is not None and declared > limit:
        raise PayloadTooLarge(f"the body is {declared:,} bytes, over the limit of {limit:,} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/validate", response_model=ValidationReport, responses=problems(413, 422), summary="Check a map sent as YAML",
    openapi_extra={"requestBody": {"required": True, "content": _BODY}},
)
async def validate(request: Request, snapshot: SnapshotDep, settings: SettingsDep) -> ValidationReport:
    """Validate one map (YAML in the body, ``application/yaml`` or ``text/plain``) against the loaded registry.

    An invalid map is a normal answer: 200 with ``"valid": false`` and each error located as
    ``request.yaml:line:column``.  The map's ``source.path`` is resolved from the maps folder and read only under
    the service's essay rule (an allowed essays folder, no hidden file, a regular file within the size limit).
    At most ``ARGMAP_MAX_DIAGNOSTICS`` diagnostics are listed (errors first); ``omitted`` counts the rest.
    A body over the limit gets 413, no body 422.
    """
    raw = await read_limited(request, settings.max_body_bytes)
    if not raw:
        raise InvalidRequest("the request has no body; send one map as YAML")
    # At the heavy-work gate, like rendering: a flood of costly bodies queues there, not in the thread pool.
    return await snapshot.results.gate.run(functools.partial(
        validate_yaml, raw, snapshot.corpus.registry, settings.maps_dir, snapshot.essays, settings.max_body_bytes,
        settings.essay_policy, settings.max_diagnostics))
