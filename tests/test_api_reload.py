"""Live data: edits on disk are picked up; a broken edit keeps the last good maps and shows in /healthz."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from argmap_api.deps import SnapshotDep, get_snapshot
from argmap_api.routers.common import json_bytes
from argmap_api.store import Store
from fastapi import Request
from fastapi.testclient import TestClient

from argmap.files.atomic import write_atomic

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    folder = tmp_path / "maps"
    shutil.copytree(MINI, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    write_atomic(path, text.replace(old, new, 1))


def test_an_edit_is_picked_up_on_reload(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    with TestClient(app) as c:
        assert c.get("/maps/alpha").json()["title"] == "Alpha essay"
        before = c.get("/healthz").json()["snapshot"]
        edit(maps / "alpha.yaml", "title: Alpha essay", "title: Alpha, revised")
        assert store.check() is True
        assert c.get("/maps/alpha").json()["title"] == "Alpha, revised"
        assert c.get("/maps").json()[0]["title"] == "Alpha, revised"
        health = c.get("/healthz").json()
        assert health["ok"] is True and health["snapshot"] != before
        assert store.check() is None  # nothing changed since


def test_a_broken_edit_keeps_the_last_good_maps_and_healthz_shows_it(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    with TestClient(app) as c:
        good = c.get("/maps/beta").json()
        edit(maps / "beta.yaml", "kind: premise", "kind: premis")
        assert store.reload_now() is False
        assert c.get("/maps/beta").json() == good
        assert c.get("/compare?left=alpha&right=beta").status_code == 200
        health = c.get("/healthz").json()
        assert health["ok"] is False and health["maps"] == 2
        err = health["last_reload_error"]
        (diag,) = err["diagnostics"]
        assert diag["path"].endswith("beta.yaml") and diag["line"] > 1 and "premis" in diag["message"]
        edit(maps / "beta.yaml", "kind: premis\n", "kind: premise\n")
        assert store.reload_now() is True
        assert c.get("/healthz").json()["last_reload_error"] is None


def test_an_edited_essay_is_noticed(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    with TestClient(app) as c:
        edit(maps / "beta.txt", "Moscow stayed silent", "Moscow kept silent")
        assert store.check() is False  # reloaded, and the quote is no longer in the essay
        err = c.get("/healthz").json()["last_reload_error"]
        assert any("sha256" in d["message"] or "not found" in d["message"] for d in err["diagnostics"])
        assert c.get("/maps/beta/nodes/P1").json()["node"]["quote"] == "Moscow stayed silent when the missiles fell."


def test_a_new_map_file_appears_and_a_removed_one_goes(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    with TestClient(app) as c:
        text = (maps / "beta.yaml").read_text(encoding="utf-8").replace("id: beta", "id: gamma")
        write_atomic(maps / "gamma.yaml", text)
        assert store.check() is True
        assert c.get("/maps/gamma").status_code == 200
        (maps / "gamma.yaml").unlink()
        assert store.check() is True
        assert c.get("/maps/gamma").status_code == 404


def test_the_background_check_reloads_without_being_asked(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0.05, reload_settle=0.05))
    with TestClient(app) as c:  # the lifespan starts the check
        edit(maps / "alpha.yaml", "title: Alpha essay", "title: Alpha, polled")
        deadline = time.monotonic() + 20
        while c.get("/maps/alpha").json()["title"] != "Alpha, polled":
            assert time.monotonic() < deadline, "the edit was never picked up"
            time.sleep(0.05)
    assert not app.state.store.watching  # stopped with the app


def rewrite_generation(maps: Path, store: Store, originals: dict[str, str], generation: int) -> None:
    """Rewrite both maps with titles that start with ``g<generation>``, and load them."""
    for name, text in originals.items():
        write_atomic(maps / name, text.replace("\ntitle: ", f"\ntitle: g{generation} ", 1))
    assert store.reload_now() is True


def originals_of(maps: Path) -> dict[str, str]:
    return {name: (maps / name).read_text(encoding="utf-8") for name in ("alpha.yaml", "beta.yaml")}


def test_a_request_never_sees_a_half_loaded_state(maps: Path) -> None:
    """A reload that lands in the middle of a request does not reach it, and an answer kept by URL belongs to
    the snapshot it was computed from: the next snapshot computes its own.

    A probe route reads the snapshot at its start (as every route's dependencies do), then rewrites both maps
    and reloads, then looks the snapshot up again, as a later dependency of the same request would.
    """
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    originals = originals_of(maps)
    runs: list[str] = []

    def generation_of(snapshot: object) -> str:
        titles = {gm.model.title.split(" ")[0] for gm in snapshot.corpus.maps.values()}  # type: ignore[attr-defined]
        assert len(titles) == 1, titles
        return titles.pop()

    @app.get("/probe")
    async def probe(request: Request, first: SnapshotDep, reload: int = 0) -> object:
        if reload:
            rewrite_generation(maps, store, originals, reload)  # a reload lands while this request runs
        later = await get_snapshot(request, store)
        runs.append(generation_of(first))
        return json_bytes(f'["{generation_of(first)}", "{generation_of(later)}"]'.encode())

    rewrite_generation(maps, store, originals, 0)
    with TestClient(app) as c:
        assert c.get("/probe?reload=1").json() == ["g0", "g0"]  # the request kept the snapshot it began with
        assert c.get("/probe").json() == ["g1", "g1"]
        assert c.get("/probe").json() == ["g1", "g1"]  # answered by URL from this snapshot's cache
        assert runs == ["g0", "g1"]
        rewrite_generation(maps, store, originals, 2)
        assert c.get("/probe").json() == ["g2", "g2"]  # a new snapshot never serves the last one's answers
        assert runs == ["g0", "g1", "g2"]


def test_every_answer_shows_one_generation_while_reloads_run_alongside(maps: Path) -> None:
    """On the real routes, with a thread reloading new maps all along, no answer mixes two loads."""
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    originals = originals_of(maps)
    rewrite_generation(maps, store, originals, 0)
    with TestClient(app) as c:
        stop = threading.Event()

        def writer() -> None:
            generation = 0
            while not stop.is_set():
                generation += 1
                rewrite_generation(maps, store, originals, generation)

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            seen = set()
            for _ in range(100):
                titles = [m["title"].split(" ")[0] for m in c.get("/maps").json()]
                assert len(set(titles)) == 1, titles
                seen.add(titles[0])
        finally:
            stop.set()
            thread.join()
    assert len(seen) > 1  # the maps did change under the readers


def test_a_missing_folder_serves_nothing_and_says_why(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(maps_dir=tmp_path / "none", reload_interval=0))) as c:
        health = c.get("/healthz").json()
        assert health["ok"] is False and health["maps"] == 0
        assert "no such file or folder" in str(health["last_reload_error"])
        assert c.get("/maps").json() == []


def test_a_file_skipped_or_no_longer_skipped_shows_in_healthz_though_no_map_changed(maps: Path, tmp_path: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: secret\n", encoding="utf-8")
    with TestClient(app) as c:
        assert c.get("/healthz").json()["warnings"] == []
        (maps / "link.yaml").symlink_to(outside)
        assert store.check() is True
        (warning,) = c.get("/healthz").json()["warnings"]
        assert warning["path"].endswith("link.yaml") and "skipped" in warning["message"]
        (maps / "link.yaml").unlink()
        assert store.check() is True
        assert c.get("/healthz").json()["warnings"] == []


def test_a_folder_of_map_folders_is_watched_inside(tmp_path: Path) -> None:
    topic = tmp_path / "served" / "topic"
    shutil.copytree(MINI, topic)
    app = create_app(Settings(maps_dir=tmp_path / "served", reload_interval=0, reload_settle=0))
    store: Store = app.state.store
    with TestClient(app) as c:
        assert c.get("/maps/alpha").json()["title"] == "Alpha essay"
        store.check()  # the essays the first load read join what is watched
        assert store.check() is None
        edit(topic / "alpha.yaml", "title: Alpha essay", "title: Alpha, revised")
        assert store.check() is True
        assert c.get("/maps/alpha").json()["title"] == "Alpha, revised"
