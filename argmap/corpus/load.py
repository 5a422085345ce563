"""Finding, loading and checking a set of maps with their claim registry.

Which maps a command sees: the paths it is given; otherwise ``./maps`` when that
folder exists; otherwise the bundled pair installed with the package.  A map
can be named by id (looked up in that default folder) or by path.

>>> corpus = load_corpus([bundled_maps_dir()])
>>> sorted(corpus.maps)
['bankruptcy', 'enforcer']
>>> corpus.get("enforcer").model.thesis.kind
'thesis'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.grounded import GroundedMap
from argmap.checks.validate import check_map
from argmap.corpus.folders import MAP_SUFFIXES, map_files, map_folders
from argmap.corpus.registries import corpus_registry_diagnostics, merged_registry, read_registry_file
from argmap.corpus.registry_checks import claims_named
from argmap.errors import Diagnostic, InvalidInput, NotFound
from argmap.files.confine import EssayReader, map_file_ok, resolved, system_folder
from argmap.files.limits import gc_paused
from argmap.format.registry import ClaimRegistry
from argmap.yaml.reader import Limits, YamlDocument, YamlError, parse_yaml, parse_yaml_bytes, read_yaml_bytes

__all__ = [
    "MAP_SUFFIXES",
    "REGISTRY_NAME",
    "STDIN",
    "Corpus",
    "bundled_maps_dir",
    "check_corpus",
    "default_maps_dir",
    "display_path",
    "load_corpus",
    "map_files",
    "map_folders",
]

REGISTRY_NAME = "claims.yaml"
STDIN = Path("-")
"""The source that stands for a map read from standard input (shown as ``<stdin>``)."""
STDIN_NAME = "<stdin>"


def bundled_maps_dir() -> Path:
    """The bundled maps: inside the installed package, or the source checkout's ``maps/``.

    >>> sorted(p.name for p in bundled_maps_dir().glob("*.yaml"))
    ['bankruptcy.yaml', 'claims.yaml', 'enforcer.yaml']
    """
    package = Path(__file__).resolve().parents[1]  # argmap/
    installed = package / "_bundled" / "maps"
    return installed if installed.is_dir() else package.parent / "maps"


def default_maps_dir(cwd: Path | None = None) -> Path:
    """``./maps`` if it exists, else the bundled maps.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as empty:  # a folder with no maps/ in it
    ...     default_maps_dir(Path(empty)) == bundled_maps_dir()
    True
    """
    local = (cwd or Path.cwd()) / "maps"
    return local if local.is_dir() else bundled_maps_dir()


@dataclass(frozen=True)
class Corpus:
    """Valid maps (sorted by id) and the registry they were checked against."""

    registry: ClaimRegistry
    maps: dict[str, GroundedMap]
    registry_paths: tuple[str, ...] = ()
    """The registry files, as diagnostics name them (one per folder of maps that has one)."""
    warnings: list[Diagnostic] = field(default_factory=list)

    def get(self, map_id: str) -> GroundedMap:
        """The map with this id, or :class:`NotFound`."""
        try:
            return self.maps[map_id]
        except KeyError:
            raise NotFound("map", map_id, self.maps) from None

    def subset(self, ids: Iterable[str]) -> Corpus:
        """The same corpus restricted to ``ids`` (each must exist)."""
        chosen = {i: self.get(i) for i in ids}
        return Corpus(self.registry, dict(sorted(chosen.items())), self.registry_paths, self.warnings)


def display_path(path: Path) -> str:
    """How a map's file is named in diagnostics: relative to the current folder when inside it.

    >>> display_path(STDIN), display_path(Path.cwd() / "maps" / "enforcer.yaml"), display_path(Path("/srv/m.yaml"))
    ('<stdin>', 'maps/enforcer.yaml', '/srv/m.yaml')
    """
    if path == STDIN:
        return STDIN_NAME
    try:
        return str(resolved(path).relative_to(resolved(Path.cwd())))
    except ValueError:
        return str(path)


def _expand(paths: Sequence[Path], found_in: dict[Path, Path]) -> tuple[list[Path], list[Path], list[Diagnostic]]:
    """The map files and the registries the paths name (each folder's ``claims.yaml``, and the one beside each
    map named by its file); ``found_in`` gets the folder of each file found by listing a folder (read confined to
    it) rather than named by the user."""
    maps: list[Path] = []
    registries: list[Path] = []
    beside: list[Path] = []  # the registry beside a map named by its file, if there is one
    diags: list[Diagnostic] = []
    for p in paths:
        if p == STDIN:
            maps.append(p)
        elif p.is_dir():
            system = system_folder(p)
            if system is not None:
                diags.append(Diagnostic(display_path(p), 1, 1, f"the system folder {system} is not a folder of maps",
                                        hint="name the folder that holds the maps"))
                continue
            folders = map_folders(p)
            if not folders:
                diags.append(Diagnostic(display_path(p), 1, 1, "no map here (a map is a .yaml file)",
                                        hint="name a folder of maps, or a map file"))
            for folder in folders:
                _list_folder(folder, maps, registries, diags, found_in)
        elif p.name == REGISTRY_NAME:
            registries.append(p)
        elif p.is_file():
            maps.append(p)
            beside.append(p.parent / REGISTRY_NAME)
        elif p.exists():
            diags.append(Diagnostic(display_path(p), 1, 1, "not a regular file (a device, FIFO or socket)"))
        else:
            diags.append(Diagnostic(display_path(p), 1, 1, "no such file or folder"))
    maps = list({(m if m == STDIN else resolved(m)): m for m in maps}.values())  # a file named twice loads once
    if STDIN in maps and not registries:
        beside.append(Path(REGISTRY_NAME))  # for standard input, in the current folder
    registries += [r for r in beside if r.is_file()]
    return maps, list({resolved(r): r for r in registries}.values()), diags


def _list_folder(folder: Path, maps: list[Path], registries: list[Path], diags: list[Diagnostic],
                 found_in: dict[Path, Path]) -> None:
    for child in sorted(folder.iterdir()):
        if child.name != REGISTRY_NAME and child.suffix not in MAP_SUFFIXES:
            continue
        refused = map_file_ok(child, folder)
        if refused is not None:
            diags.append(Diagnostic(display_path(child), 1, 1, f"skipped: {refused}", "warning",
                                    "a map is a plain file inside the maps folder"))
            continue
        (registries if child.name == REGISTRY_NAME else maps).append(child)
        found_in[child] = folder


def check_corpus(
    paths: Sequence[Path] | None = None,
    claims: Path | None = None,
    limits: Limits = Limits(),
    essays: EssayReader | None = None,
    stdin: bytes | None = None,
    on_map: Callable[[GroundedMap], None] | None = None,
    partial: bool = False,
) -> tuple[Corpus | None, list[Diagnostic]]:
    """Check everything the paths name; return the corpus (None on any error) and all diagnostics.

    With ``partial``, the corpus holds the maps that pass even when others fail (None only when the claim
    registry fails, since every map is checked against it).

    Essays are read through ``essays`` (default: an :class:`~argmap.files.confine.EssayReader` with the default
    policy), which refuses any file outside the essays folders; see :mod:`argmap.files.confine`.
    :data:`STDIN` among the paths is the map in ``stdin``; its essay path is relative to the current folder.
    ``on_map`` is given each map as soon as it has passed its own checks, before the next is read (so a
    caller can start work on it); the corpus may still fail as a whole.

    >>> corpus, diagnostics = check_corpus([bundled_maps_dir() / "enforcer.yaml"])  # the registry beside it
    >>> sorted(corpus.maps), diagnostics
    (['enforcer'], [])
    >>> corpus, diagnostics = check_corpus([Path("no-such-map.yaml")])
    >>> corpus, [(d.path, d.severity, d.message) for d in diagnostics]
    (None, [('no-such-map.yaml', 'error', 'no such file or folder')])
    """
    with gc_paused():
        return _check_corpus(paths, claims, limits, essays or EssayReader(), stdin, on_map, partial)


def _read_doc(f: Path, shown: str, limits: Limits, stdin: bytes | None, raw: bytes) -> YamlDocument:
    if f != STDIN:
        return parse_yaml_bytes(raw, shown, limits)
    raw = stdin or b""
    if len(raw) > limits.max_bytes:
        raise YamlError(Diagnostic(shown, 1, 1, f"input is {len(raw):,} bytes, over the limit of {limits.max_bytes:,}"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(Diagnostic(shown, 1, 1, f"not UTF-8 text (byte {exc.start})")) from None
    return parse_yaml(text, shown, limits)


def _check_corpus(
    paths: Sequence[Path] | None, claims: Path | None, limits: Limits, essays: EssayReader,
    stdin: bytes | None = None, on_map: Callable[[GroundedMap], None] | None = None, partial: bool = False,
) -> tuple[Corpus | None, list[Diagnostic]]:
    found_in: dict[Path, Path] = {}
    files, registry_files, diags = _expand(list(paths) if paths else [default_maps_dir()], found_in)
    read_registries = [read_registry_file(f, display_path(f), limits, found_in.get(f))
                       for f in ([claims] if claims else registry_files)]
    diags += [d for r in read_registries for d in r.diagnostics]
    merged, disagree = merged_registry(read_registries)
    diags += disagree
    registry_ok = merged is not None
    registry = merged or ClaimRegistry()
    grounded: dict[str, GroundedMap] = {}
    first_seen: dict[str, str] = {}
    named_claims: set[str] = set()  # by every map read, valid or not: a claim a broken map binds is not unused
    for f in files:
        shown = display_path(f)
        raw = b""  # the file is read once; its bytes are parsed, and sniffed for another format when that fails
        try:
            raw = b"" if f == STDIN else read_yaml_bytes(str(f), shown, limits, found_in.get(f))
            doc = _read_doc(f, shown, limits, stdin, raw)
        except YamlError as exc:
            diags.append(_foreign(raw, shown) or exc.diagnostic)
            continue

        def read(rel: str, base: Path = f.parent) -> bytes:
            return essays.read(base, rel)

        named_claims.update(claims_named(doc.data))
        gm, more = check_map(doc, registry if registry_ok else None, read)
        foreign = _foreign(raw, shown) if gm is None else None
        diags.extend([foreign] if foreign else more)
        if gm is None:
            continue
        if gm.id in grounded:
            line, col = doc.where(("id",))
            diags.append(Diagnostic(shown, line, col, f"map id '{gm.id}' is already used by {first_seen[gm.id]}",
                                    hint="give each map its own id"))
            continue
        grounded[gm.id] = gm
        first_seen[gm.id] = shown
        if on_map is not None:
            on_map(gm)
    diags += corpus_registry_diagnostics(read_registries, grounded, named_claims, several_files=len(files) > 1)
    diags.sort()
    if any(d.severity == "error" for d in diags) and not (partial and registry_ok):
        return None, diags
    warnings = [d for d in diags if d.severity == "warning"]
    return Corpus(registry, dict(sorted(grounded.items())), tuple(r.shown for r in read_registries), warnings), diags


def _foreign(raw: bytes, shown: str) -> Diagnostic | None:
    """A file of another argument format (AIF, arg-microtexts…) gets one error naming it and ``argmap import``."""
    from argmap.importers.sniff import foreign_format_diagnostic

    return foreign_format_diagnostic(raw, shown) if raw else None


def load_corpus(paths: Sequence[Path] | None = None, claims: Path | None = None, strict: bool = False,
                essays: EssayReader | None = None) -> Corpus:
    """Like :func:`check_corpus`, but raise :class:`InvalidInput` on errors (or warnings, if strict).

    >>> len(load_corpus([bundled_maps_dir()]).registry.claims)
    29
    >>> load_corpus([Path("no-such-map.yaml")])
    Traceback (most recent call last):
    argmap.errors.InvalidInput: no-such-map.yaml:1:1: error: no such file or folder
    """
    corpus, diags = check_corpus(paths, claims, essays=essays)
    bad = [d for d in diags if d.severity == "error" or strict]
    if corpus is None or bad:
        raise InvalidInput(f"{len(bad)} problem(s) in the maps", bad)
    return corpus
