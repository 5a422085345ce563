"""Conventions users expect: /docs and /redoc work offline, HEAD answers every GET route, the wheel ships py.typed
and keeps the HTTP service in the `api` extra, `argmap serve` without it says how to install it, and the shell
completion that the install page documents works.  And one the code keeps: every module and function small enough to
hold in one's head."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argmap_api import Settings, create_app
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
# A value for each path parameter of the API, from the mini fixture pair.
SAMPLES = {"map_id": "alpha", "node_id": "P1", "claim_id": "silent"}
QUERY = {"left": "alpha", "right": "beta"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    # With the teacher pages, so that every GET route (the handout's JSON too) answers 200.
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0, teacher_pages=True))) as c:
        yield c


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_pages_load_everything_from_the_service_itself(client: TestClient, page: str) -> None:
    r = client.get(page)
    assert r.status_code == 200
    html = r.text
    refs = re.findall(r"""(?:src|href|spec-url|url)\s*[=:]\s*["']([^"']+)["']""", html)
    assert refs, html
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}", html, flags=re.I), "the page names another host"
    for ref in refs:
        asset = client.get(ref)
        assert asset.status_code == 200 and asset.content, ref
    scripts = [ref for ref in refs if ref.endswith(".js")]
    assert scripts and all(len(client.get(s).content) > 100_000 for s in scripts)  # the real bundles, not stubs


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_pages_allow_only_their_own_origin(client: TestClient, page: str) -> None:
    policy = client.get(page).headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'" and directives["img-src"] == "'self' data:"
    assert not re.search(r"https?:|\*", policy)


def get_routes(schema: dict[str, Any]) -> list[str]:
    paths = []
    for path, ops in schema["paths"].items():
        if "get" not in ops or path.endswith(".pdf"):  # printed by Chromium: test_api_lessons prints one
            continue
        url = re.sub(r"\{(\w+)\}", lambda m: SAMPLES[m.group(1)], path)
        names = {p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"}
        required = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query" and p.get("required")]
        if not required and {"left", "right"} <= names:  # a pair named by left and right, or by maps
            required = ["left", "right"]
        if required:
            url += "?" + "&".join(f"{name}={QUERY[name]}" for name in required)
        paths.append(url)
    return paths


def test_head_answers_every_get_route_with_its_headers_and_no_body(client: TestClient) -> None:
    routes = [*get_routes(client.get("/openapi.json").json()), "/openapi.json", "/docs", "/redoc"]
    assert len(routes) >= 12
    for url in routes:
        got, head = client.get(url), client.head(url)
        assert got.status_code == 200, url
        assert head.status_code == 200, url
        assert dict(head.headers) == dict(got.headers), url
        assert head.content == b"", url
    missing = client.head("/maps/nope")
    assert missing.status_code == client.get("/maps/nope").status_code == 404 and missing.content == b""


def test_head_of_a_conditional_get_is_304_too(client: TestClient) -> None:
    etag = client.get("/maps").headers["etag"]
    r = client.head("/maps", headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b""


_WITHOUT_SERVICE = "import sys; [sys.modules.__setitem__(m, None) for m in ('fastapi', 'uvicorn', 'starlette')]; "


def run_without_service(*args: str) -> subprocess.CompletedProcess[str]:
    code = _WITHOUT_SERVICE + f"from argmap.cli import main; main({list(args)!r})"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_serve_without_the_api_extra_says_how_to_install_it() -> None:
    run = run_without_service("serve", "--get", "/maps")
    assert run.returncode == 1
    assert run.stderr.strip() == ("argmap: the HTTP service needs fastapi, which is not installed; install it with: "
                                  "pip install 'argmap[api]'")


def test_the_library_and_cli_work_without_the_api_extra() -> None:
    assert run_without_service("validate").returncode == 0
    export = run_without_service("export", "enforcer", "--format", "graphml")
    assert export.returncode == 0 and "<graphml" in export.stdout


def test_shell_completion_as_the_install_page_documents_it() -> None:
    readme = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    assert 'eval "$(_ARGMAP_COMPLETE=bash_source argmap)"' in readme
    bin_dir = str(Path(sys.executable).parent)
    script = ('eval "$(_ARGMAP_COMPLETE=bash_source argmap)"; '
              "COMP_WORDS=(argmap exp); COMP_CWORD=1; _argmap_completion argmap; echo \"${COMPREPLY[@]}\"; "
              "COMPREPLY=(); COMP_WORDS=(argmap export --f); COMP_CWORD=2; _argmap_completion argmap; "
              "echo \"${COMPREPLY[@]}\"")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["export", "--format"]


MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
CODE_FOLDERS = ("argmap", "api", "bench", "tests")


def oversized(root: Path, folders: tuple[str, ...] = CODE_FOLDERS) -> list[str]:
    """Every module under ``root``'s ``folders`` longer than MAX_MODULE_LINES, and every function (method,
    nested function) longer than MAX_FUNCTION_LINES from its ``def`` to its last line."""
    found = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            name = path.relative_to(root).as_posix()
            lines = len(text.splitlines())
            if lines > MAX_MODULE_LINES:
                found.append(f"{name}: {lines} lines (at most {MAX_MODULE_LINES})")
            for node in ast.walk(ast.parse(text, name)):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    length = (node.end_lineno or node.lineno) - node.lineno + 1
                    if length > MAX_FUNCTION_LINES:
                        found.append(f"{name}:{node.lineno}: {node.name} is {length} lines "
                                     f"(at most {MAX_FUNCTION_LINES})")
    return found


def test_no_module_over_300_lines_and_no_function_over_60() -> None:
    found = oversized(ROOT)
    assert not found, "split these along their seams:\n" + "\n".join(found)


def test_the_size_check_finds_long_modules_and_long_functions(tmp_path: Path) -> None:
    (tmp_path / "argmap").mkdir()

    def statements(n: int, indent: str) -> str:
        return "".join(f"{indent}x{i} = {i}\n" for i in range(n))

    method = "class C:\n    async def m(self):\n" + statements(60, " " * 8)  # 61 lines, def included
    function = "def f():\n" + statements(59, " " * 4)  # 60 lines: at the limit
    (tmp_path / "argmap" / "long.py").write_text(method + function + "\n" * 180)  # 302 lines in all
    assert oversized(tmp_path, ("argmap",)) == [
        "argmap/long.py: 302 lines (at most 300)",
        "argmap/long.py:2: m is 61 lines (at most 60)",
    ]
