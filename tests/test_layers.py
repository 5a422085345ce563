"""No module imports a layer above its own: the library's layers, bottom to top, are stated here once.

Every import counts, including those inside functions (lazy) and under ``TYPE_CHECKING``:
a lazy import that runs up the layers is still a cycle in the design.  Modules of one
layer may import each other.  A new module must be given a layer below.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"argmap": ROOT / "argmap", "argmap_api": ROOT / "api" / "argmap_api"}

# Bottom to top: one folder of argmap/ per layer (a package name covers its modules).  A module belongs to the
# layer of the longest prefix listed.
LAYERS: list[tuple[str, list[str]]] = [
    ("foundations", ["argmap.errors", "argmap.files", "argmap.text"]),
    ("yaml", ["argmap.yaml"]),
    ("format", ["argmap.format"]),
    ("checks", ["argmap.checks"]),
    ("load", ["argmap.corpus", "argmap.importers"]),
    ("graph", ["argmap.graph"]),
    ("queries", ["argmap.queries", "argmap.suggest", "argmap.exporters"]),
    ("render", ["argmap.render"]),
    ("material", ["argmap.classroom", "argmap.jobs"]),
    ("facade", ["argmap"]),  # the package's short names (imported lazily): above every layer it names
    ("http", ["argmap_api"]),
    ("terminal", ["argmap.cli", "argmap.__main__"]),
]


def _rank(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, rank)
    for rank, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and (best is None or len(p) > best[0]):
                best = (len(p), rank)
    return None if best is None else best[1]


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for top, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = [top, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def imported_modules(module: str, path: Path) -> set[str]:
    """Every argmap or argmap_api module that ``module`` (at ``path``) imports, relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names = [".".join([*base, *([node.module] if node.module else [])])]
            elif node.module:
                names = [node.module]
        found.update(n for n in names if n.split(".")[0] in PACKAGES)
    return found


def layer_violations() -> list[str]:
    """``module (layer) imports other (higher layer)`` for every import that runs up; unplaced modules too."""
    problems: list[str] = []
    modules = _modules()
    for module, path in modules.items():
        rank = _rank(module)
        if rank is None:
            problems.append(f"{module}: no layer; add it to LAYERS in tests/test_layers.py")
            continue
        for other in sorted(imported_modules(module, path)):
            other_rank = _rank(other)
            if other_rank is not None and other_rank > rank:
                problems.append(f"{module} ({LAYERS[rank][0]}) imports {other} ({LAYERS[other_rank][0]})")
    return problems


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert layer_violations() == []


def test_every_layer_is_listed_once() -> None:
    prefixes = [p for _, ps in LAYERS for p in ps]
    assert len(prefixes) == len(set(prefixes))


def test_the_check_sees_lazy_imports(tmp_path: Path) -> None:
    module = tmp_path / "grounded.py"
    module.write_text("def f():\n    from argmap.render import map_svg\n    from ..queries import comparison\n")
    assert imported_modules("argmap.checks.grounded", module) == {"argmap.render", "argmap.queries"}


def test_no_test_module_imports_another() -> None:
    """Shared test code lives in tests/helpers.py (or a fixture in conftest.py), never in a test module."""
    tests = Path(__file__).resolve().parent
    offenders = []
    for path in sorted(tests.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name} imports {n}" for n in names if n.split(".")[0].startswith(("test_", "conftest"))]
    assert offenders == []


def import_cycles() -> list[list[str]]:
    """Cycles of imports between modules (lazy ones included), leaving out a package and its own modules."""
    import networkx as nx

    modules = _modules()
    g = nx.DiGraph()
    for module, path in modules.items():
        g.add_edges_from((module, other) for other in imported_modules(module, path) if other in modules)
    def related(a: str, b: str) -> bool:
        return a.startswith(b + ".") or b.startswith(a + ".")
    return sorted(c for c in nx.simple_cycles(g) if len(c) > 1 and not any(related(a, b) for a in c for b in c if a != b))


def test_no_import_cycle() -> None:
    assert import_cycles() == []
