"""One rule, one message: every front end refuses the same nonsense with the library's words.

"A comparison needs two different maps" and "a depth needs a focus" are each raised by one
library function; the CLI answers exit status 1 with that message, the API 422 with it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient
from helpers import MINI

from argmap.classroom.handout import handout_data
from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.errors import InvalidRequest
from argmap.queries.comparison import compare
from argmap.render import compare_dot, map_dot
from argmap.render.subgraph import View

PAIR = "a comparison needs two different maps, got 'alpha' twice"
DEPTH = "a depth needs a focus: give the node or claim to centre on"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        yield c


def test_the_library_refuses_the_same_map_twice_everywhere(mini: Corpus) -> None:
    for call in (lambda: compare(mini, "alpha", "alpha"), lambda: compare_dot(mini, ["alpha", "alpha"]),
                 lambda: handout_data(mini, "alpha", "alpha")):
        with pytest.raises(InvalidRequest) as caught:
            call()
        assert caught.value.message == PAIR


@pytest.mark.parametrize("command", ["compare", "handout"])
def test_the_cli_gives_the_librarys_message_and_exit_1(command: str) -> None:
    alpha = str(MINI / "alpha.yaml")
    result = CliRunner().invoke(cli, [command, alpha, alpha, "--claims", str(MINI / "claims.yaml")])
    assert result.exit_code == 1
    assert PAIR in result.output


@pytest.mark.parametrize("url", ["/compare?left=alpha&right=alpha", "/compare/diagram.svg?left=alpha&right=alpha"])
def test_the_api_gives_the_librarys_message_and_422(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert (r.status_code, r.json()["detail"]) == (422, PAIR)


def test_depth_without_focus_is_refused_by_the_library(mini: Corpus) -> None:
    for call in (lambda: map_dot(mini.get("alpha"), View(depth=2)), lambda: compare_dot(mini, ["alpha", "beta"], View(depth=2))):
        with pytest.raises(InvalidRequest, match=DEPTH):
            call()


@pytest.mark.parametrize("url", ["/maps/alpha/diagram.svg?depth=2", "/compare/diagram.svg?left=alpha&right=beta&depth=2"])
def test_depth_without_focus_is_422_with_the_librarys_message(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert (r.status_code, r.json()["detail"]) == (422, DEPTH)
