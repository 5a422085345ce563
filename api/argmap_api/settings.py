"""The service's settings, read from ``ARGMAP_*`` environment variables.

Nothing here runs at import time: the app factory is handed a :class:`Settings`,
and the front ends build one with :meth:`Settings.from_env`.

>>> s = Settings.from_env({"ARGMAP_MAPS_DIR": "/srv/maps", "ARGMAP_CORS_ORIGINS": "https://a.example, https://b.example"})
>>> s.maps_dir.as_posix(), s.cors_origins
('/srv/maps', ('https://a.example', 'https://b.example'))
>>> Settings.from_env({"ARGMAP_MAX_BODY_BYTES": "lots"})
Traceback (most recent call last):
...
argmap.errors.ArgmapError: ARGMAP_MAX_BODY_BYTES: expected a whole number, got 'lots'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from argmap.errors import ArgmapError
from argmap.files.confine import DEFAULT_MAX_ESSAY_BYTES, EssayPolicy

__all__ = ["ENV_PREFIX", "Settings"]

ENV_PREFIX = "ARGMAP_"
T = TypeVar("T")


def _flag(raw: str) -> bool:
    """A yes/no setting.

    >>> _flag("yes"), _flag("0")
    (True, False)
    """
    value = raw.strip().lower()
    if value in ("1", "yes", "true", "on"):
        return True
    if value in ("0", "no", "false", "off"):
        return False
    raise ValueError(raw)


def _default_maps_dir() -> Path:
    from argmap.corpus.load import default_maps_dir

    return default_maps_dir()


@dataclass(frozen=True)
class Settings:
    """What the service serves and how.

    ``maps_dir``: the folder of maps (and ``claims.yaml``) to serve; ids are looked up among them.
    ``cors_origins``: origins allowed by CORS; empty means CORS is off.
    ``max_body_bytes``: the largest body ``POST /validate`` reads; larger gets 413.
    ``render_timeout``: seconds Graphviz may take for one diagram; over it the request gets 504.
    ``reload_interval``: seconds between checks of the maps' files; 0 turns the check off.
    ``render_concurrency``: how many diagrams (and other heavy computations, the site among them) run at once.
    ``reload_settle``: seconds a changed file must stay unchanged before it is loaded.
    ``essays_dirs``: the folders essays may be read from; empty means the maps folder and its sibling ``seeds/``.
    ``max_essay_bytes``: the largest essay read; a larger one is refused with a located error.
    ``read_timeout``: seconds a client has to send a whole request, headers and body (``argmap serve``).
    ``allowed_hosts``: the names the ``Host`` header may carry (any port); empty means any.  ``argmap serve``
    fills it with the address it listens on (and ``localhost`` on loopback) plus ``ARGMAP_ALLOWED_HOSTS``, so a
    page on another site that rebinds its DNS name to this address is refused.
    ``teacher_pages``: serve the site's teacher pages (model answers); off unless the teacher turns it on.
    ``max_diagnostics``: the most errors and warnings one ``POST /validate`` answer lists; it counts the rest.
    ``client_concurrency``: how many of the ``render_concurrency`` places one client (address) may hold at once;
    0 means one fewer than all (at least one), so another client always finds a place free or next in line.
    """

    maps_dir: Path = field(default_factory=_default_maps_dir)
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 256 * 1024
    render_timeout: float = 20.0
    reload_interval: float = 2.0
    render_concurrency: int = 2
    reload_settle: float = 1.0
    essays_dirs: tuple[Path, ...] = ()
    max_essay_bytes: int = DEFAULT_MAX_ESSAY_BYTES
    read_timeout: float = 10.0
    allowed_hosts: tuple[str, ...] = ()
    teacher_pages: bool = False
    max_diagnostics: int = 200
    client_concurrency: int = 0

    @property
    def essay_policy(self) -> EssayPolicy:
        """The confinement rule for essays (see :mod:`argmap.files.confine`)."""
        return EssayPolicy(self.essays_dirs, (), self.max_essay_bytes)

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ArgmapError("max_body_bytes must be at least 1")
        if self.render_timeout <= 0:
            raise ArgmapError("render_timeout must be more than 0 seconds")
        if self.reload_interval < 0:
            raise ArgmapError("reload_interval must be 0 (off) or more")
        if self.render_concurrency < 1:
            raise ArgmapError("render_concurrency must be at least 1")
        if self.reload_settle < 0:
            raise ArgmapError("reload_settle must be 0 or more seconds")
        if self.max_essay_bytes < 1:
            raise ArgmapError("max_essay_bytes must be at least 1")
        if self.read_timeout <= 0:
            raise ArgmapError("read_timeout must be more than 0 seconds")
        if self.client_concurrency < 0:
            raise ArgmapError("client_concurrency must be 0 (one fewer than render_concurrency) or more")
        if self.max_diagnostics < 1:
            raise ArgmapError("max_diagnostics must be at least 1")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``ARGMAP_*`` variables (``environ`` defaults to ``os.environ``).

        Keyword arguments that are not None win over the environment, so a CLI
        option can override a variable.  Variables: ``ARGMAP_MAPS_DIR``,
        ``ARGMAP_CORS_ORIGINS`` (comma-separated, ``*`` for any),
        ``ARGMAP_MAX_BODY_BYTES``, ``ARGMAP_RENDER_TIMEOUT``,
        ``ARGMAP_RELOAD_INTERVAL``, ``ARGMAP_RENDER_CONCURRENCY``, ``ARGMAP_RELOAD_SETTLE``,
        ``ARGMAP_ESSAYS_DIRS`` (folders separated by ``os.pathsep``), ``ARGMAP_MAX_ESSAY_BYTES``,
        ``ARGMAP_READ_TIMEOUT``, ``ARGMAP_ALLOWED_HOSTS`` (comma-separated), ``ARGMAP_TEACHER_PAGES`` (yes/no),
        ``ARGMAP_MAX_DIAGNOSTICS``, ``ARGMAP_CLIENT_CONCURRENCY``.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}

        def read(name: str, parse: Callable[[str], T], what: str) -> None:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is None or not raw.strip():
                return
            try:
                values[name] = parse(raw.strip())
            except ValueError:
                raise ArgmapError(f"{ENV_PREFIX}{name.upper()}: expected {what}, got {raw!r}") from None

        read("maps_dir", Path, "a folder")
        read("cors_origins", lambda s: tuple(o.strip() for o in s.split(",") if o.strip()), "origins")
        read("max_body_bytes", int, "a whole number")
        read("render_timeout", float, "a number of seconds")
        read("reload_interval", float, "a number of seconds")
        read("render_concurrency", int, "a whole number")
        read("reload_settle", float, "a number of seconds")
        read("essays_dirs", lambda s: tuple(Path(p) for p in s.split(os.pathsep) if p.strip()), "folders")
        read("max_essay_bytes", int, "a whole number")
        read("read_timeout", float, "a number of seconds")
        read("allowed_hosts", lambda s: tuple(h.strip().lower() for h in s.split(",") if h.strip()), "host names")
        read("teacher_pages", _flag, "yes or no")
        read("max_diagnostics", int, "a whole number")
        read("client_concurrency", int, "a whole number")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
