"""What `pip install argmap` gives: the wheel, built once for this module, ships the bundled maps where the installed
package looks for them, `py.typed` in both packages, and keeps the HTTP service in the `api` extra."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                          "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    (built,) = dist.glob("argmap-*.whl")
    return built


def test_the_wheel_ships_the_bundled_maps_where_the_installed_package_looks(wheel: Path, tmp_path: Path) -> None:
    """The wheel carries maps/, seeds/ and schema/ whole, and the maps load from it, installed."""
    with zipfile.ZipFile(wheel) as z:
        shipped = sorted(n for n in z.namelist() if n.startswith("argmap/_bundled/"))
        z.extractall(tmp_path / "site")  # a pure-Python wheel unpacked is the package as installed
    expected = sorted(f"argmap/_bundled/{p.relative_to(ROOT)}" for folder in ("maps", "seeds", "schema")
                      for p in (ROOT / folder).iterdir() if p.is_file())
    assert shipped == expected
    script = ("import argmap, json; from argmap.corpus.load import bundled_maps_dir, load_corpus; "
              "print(json.dumps([argmap.__file__, str(bundled_maps_dir()), sorted(load_corpus([bundled_maps_dir()], "
              "strict=True).maps)]))")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, check=True, capture_output=True,
                         text=True)
    package, maps_dir, ids = json.loads(run.stdout)
    assert package.startswith(str(tmp_path / "site"))
    assert maps_dir == str(tmp_path / "site" / "argmap" / "_bundled" / "maps")
    assert ids == sorted(p.stem for p in (ROOT / "maps").glob("*.yaml") if p.name != "claims.yaml")


def test_the_wheel_ships_py_typed_and_keeps_the_service_in_an_extra(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert {"argmap/py.typed", "argmap_api/py.typed"} <= names
    requires = re.findall(r"^Requires-Dist: (.*)$", meta, flags=re.M)
    service = [r for r in requires if re.match(r"(fastapi|uvicorn)\b", r)]
    assert service and all("extra == 'api'" in r for r in service), service
    assert "Provides-Extra: api" in meta


def test_the_wheel_ships_every_module_of_the_layered_package(wheel: Path) -> None:
    """Every folder of argmap/ is a package in the wheel: a layer left without its __init__ would not install."""
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    sources = {str(p.relative_to(ROOT)) for p in (ROOT / "argmap").rglob("*.py")}
    assert sources <= names, sorted(sources - names)
    folders = {p.parent for p in (ROOT / "argmap").rglob("*.py")}
    assert all((f / "__init__.py").exists() for f in folders)
