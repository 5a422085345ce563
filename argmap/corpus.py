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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostic, InvalidInput, NotFound
from .model import ClaimRegistry
from .perf import gc_paused
from .validate import GroundedMap, check_map, check_registry
from .yamlsafe import Limits, YamlError, read_yaml_file

__all__ = [
    "REGISTRY_NAME",
    "Corpus",
    "bundled_maps_dir",
    "check_corpus",
    "default_maps_dir",
    "load_corpus",
    "open_maps",
]

REGISTRY_NAME = "claims.yaml"
_MAP_SUFFIXES = (".yaml", ".yml")


def bundled_maps_dir() -> Path:
    """The bundled maps: inside the installed package, or the source checkout's ``maps/``."""
    here = Path(__file__).resolve().parent
    installed = here / "_bundled" / "maps"
    return installed if installed.is_dir() else here.parent / "maps"


def default_maps_dir(cwd: Path | None = None) -> Path:
    """``./maps`` if it exists, else the bundled maps."""
    local = (cwd or Path.cwd()) / "maps"
    return local if local.is_dir() else bundled_maps_dir()


@dataclass(frozen=True)
class Corpus:
    """Valid maps (sorted by id) and the registry they were checked against."""

    registry: ClaimRegistry
    maps: dict[str, GroundedMap]
    registry_path: str | None = None
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
        return Corpus(self.registry, dict(sorted(chosen.items())), self.registry_path, self.warnings)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _expand(paths: Sequence[Path]) -> tuple[list[Path], Path | None, list[Diagnostic]]:
    maps: list[Path] = []
    registry: Path | None = None
    diags: list[Diagnostic] = []
    for p in paths:
        if p.is_dir():
            for child in sorted(p.iterdir()):
                if child.name == REGISTRY_NAME:
                    registry = registry or child
                elif child.suffix in _MAP_SUFFIXES and child.is_file():
                    maps.append(child)
        elif p.name == REGISTRY_NAME:
            registry = p
        elif p.is_file():
            maps.append(p)
        else:
            diags.append(Diagnostic(_display(p), 1, 1, "no such file or folder"))
    maps = list({m.resolve(): m for m in maps}.values())  # a file named twice loads once
    if registry is None:
        for m in maps:
            candidate = m.parent / REGISTRY_NAME
            if candidate.is_file():
                registry = candidate
                break
    return maps, registry, diags


def check_corpus(
    paths: Sequence[Path] | None = None,
    claims: Path | None = None,
    limits: Limits = Limits(),
) -> tuple[Corpus | None, list[Diagnostic]]:
    """Check everything the paths name; return the corpus (None on any error) and all diagnostics."""
    with gc_paused():
        return _check_corpus(paths, claims, limits)


def _check_corpus(
    paths: Sequence[Path] | None, claims: Path | None, limits: Limits,
) -> tuple[Corpus | None, list[Diagnostic]]:
    files, registry_file, diags = _expand(list(paths) if paths else [default_maps_dir()])
    registry_file = claims or registry_file
    registry = ClaimRegistry()
    registry_ok = True
    registry_path = None
    if registry_file is not None:
        registry_path = _display(registry_file)
        try:
            reg, more = check_registry(read_yaml_file(str(registry_file), registry_path, limits))
        except YamlError as exc:
            reg, more = None, [exc.diagnostic]
        diags.extend(more)
        registry_ok = reg is not None
        registry = reg or ClaimRegistry()
    essays: dict[Path, bytes] = {}
    grounded: dict[str, GroundedMap] = {}
    first_seen: dict[str, str] = {}
    for f in files:
        shown = _display(f)
        try:
            doc = read_yaml_file(str(f), shown, limits)
        except YamlError as exc:
            diags.append(_foreign(f, shown) or exc.diagnostic)
            continue

        def read(rel: str, base: Path = f.parent) -> bytes:
            target = (base / rel).resolve()
            if target not in essays:
                essays[target] = target.read_bytes()
            return essays[target]

        gm, more = check_map(doc, registry if registry_ok else None, read)
        foreign = _foreign(f, shown) if gm is None else None
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
    if registry_path is not None and grounded and len(files) > 1:
        used = {n.claim for g in grounded.values() for n in g.model.nodes if n.claim}
        for i, c in enumerate(registry.claims):
            if c.id not in used:
                diags.append(Diagnostic(registry_path, *_registry_pos(registry_file, i), f"claim '{c.id}' is used by no map",
                                        "warning", "bind a node to it with 'claim:', or remove it"))
    diags.sort()
    if any(d.severity == "error" for d in diags):
        return None, diags
    warnings = [d for d in diags if d.severity == "warning"]
    return Corpus(registry, dict(sorted(grounded.items())), registry_path, warnings), diags


def _foreign(path: Path, shown: str) -> Diagnostic | None:
    """A file of another argument format (AIF, arg-microtexts…) gets one error naming it and ``argmap import``."""
    from .importers.sniff import foreign_format_diagnostic

    return foreign_format_diagnostic(path, shown)


def _registry_pos(registry_file: Path | None, index: int) -> tuple[int, int]:
    if registry_file is None:  # pragma: no cover - guarded by caller
        return 1, 1
    doc = read_yaml_file(str(registry_file))
    return doc.where(("claims", index, "id"))


def load_corpus(paths: Sequence[Path] | None = None, claims: Path | None = None, strict: bool = False) -> Corpus:
    """Like :func:`check_corpus`, but raise :class:`InvalidInput` on errors (or warnings, if strict)."""
    corpus, diags = check_corpus(paths, claims)
    bad = [d for d in diags if d.severity == "error" or strict]
    if corpus is None or bad:
        raise InvalidInput(f"{len(bad)} problem(s) in the maps", bad)
    return corpus


def open_maps(refs: Sequence[str], claims: Path | None = None, base: Path | None = None) -> tuple[Corpus, list[str]]:
    """The maps named by id or path, checked with their registry, and their ids in the order given.

    Ids are looked up in ``base`` (default: :func:`default_maps_dir`); a ref that
    is an existing file, or ends in .yaml/.yml, is a path.
    """
    folder = base or default_maps_dir()
    paths = [Path(r) for r in refs if r.endswith(_MAP_SUFFIXES) or Path(r).is_file()]
    ids = [r for r in refs if not (r.endswith(_MAP_SUFFIXES) or Path(r).is_file())]
    corpus = load_corpus([*paths, folder] if ids or not paths else paths, claims)
    if not refs:
        return corpus, list(corpus.maps)
    by_path = {str(Path(g.path)) for g in corpus.maps.values()}
    wanted: list[str] = []
    for r in refs:
        if r in ids:
            wanted.append(corpus.get(r).id)
        else:
            shown = _display(Path(r))
            match = next((g.id for g in corpus.maps.values() if g.path == shown), None)
            if match is None:  # pragma: no cover - a path that loaded is always in the corpus
                raise NotFound("map file", r, by_path)
            wanted.append(match)
    wanted = list(dict.fromkeys(wanted))
    return corpus.subset(wanted), wanted

