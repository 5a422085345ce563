"""The signals of the claim-alignment score, each on two small essays where it alone decides the ranking.

Each test fails when its signal is taken out of :func:`argmap.suggest.align.suggest` (its constant set to 0).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from argmap.corpus.load import Corpus, load_corpus
from argmap.suggest.align import suggest

Node = tuple[str, str, str]  # id, kind, quote (also the paraphrase)


def _corpus(folder: Path, essays: dict[str, tuple[list[str], list[Node]]]) -> Corpus:
    """Real files for each map: its essay (the paragraphs, one a line) and its nodes, each supporting the thesis T."""
    folder.mkdir(parents=True, exist_ok=True)
    for map_id, (paragraphs, nodes) in essays.items():
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"{map_id}.txt").write_text(text, encoding="utf-8")
        doc = {"id": map_id, "title": f"The {map_id} essay", "author": None,
               "source": {"path": f"{map_id}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest()},
               "nodes": [{"id": i, "kind": k, "text": q, "quote": q} for i, k, q in nodes],
               "relations": [f"{i} -> T" for i, _, _ in nodes if i != "T"]}
        (folder / f"{map_id}.yaml").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    (folder / "claims.yaml").write_text(json.dumps({"claims": []}), encoding="utf-8")
    return load_corpus([folder])


def _ranked(corpus: Corpus) -> dict[str, list[tuple[str, str]]]:
    """For each node of ``left``: the nodes of ``right``, best first, with the ``why`` of each pair."""
    out: dict[str, list[tuple[str, str]]] = {}
    for s in suggest(corpus, "left", "right", include_bound=True, top=None, min_score=float("-inf")):
        out.setdefault(s.left.node, []).append((s.right.node, s.why))
    return out


def test_the_paragraph_around_a_quote_finds_a_partner_that_shares_no_word(tmp_path: Path) -> None:
    # "kept silent" and "said nothing" share no word; the two paragraphs tell the same event in the same words
    # (five paragraphs each: an essay of fewer is read by sentence, as argmap coverage counts it)
    corpus = _corpus(tmp_path, {
        "left": (["Harvests will fail this year.",
                  "Tanks crossed the northern border at dawn. The minister kept silent.",
                  "Rain fell on the coast.", "The museum opened a wing.", "Ferries ran late on Sunday."],
                 [("T", "thesis", "Harvests will fail this year."), ("A", "premise", "The minister kept silent.")]),
        "right": (["Schools will close early.", "Officials praised the weather.",
                   "At dawn, tanks crossed the northern border. Officials said nothing.",
                   "A choir sang in the square.", "Bakers raised their prices."],
                  [("T", "thesis", "Schools will close early."), ("Y", "premise", "Officials praised the weather."),
                   ("X", "premise", "Officials said nothing.")]),
    })
    (best, why), *_ = _ranked(corpus)["A"]
    assert best == "X"
    assert why.startswith("no content word in common; their passages share: tanks, crossed, northern, border, dawn")


def test_a_statement_of_the_same_kind_wins_over_one_as_near_in_words(tmp_path: Path) -> None:
    # two pieces of evidence, one premise; the premise's words are as near (a shade nearer, by character n-grams)
    corpus = _corpus(tmp_path, {
        "left": (["Harvests will fail this year.", "Grain prices rose in winter."],
                 [("T", "thesis", "Harvests will fail this year."), ("A", "evidence", "Grain prices rose in winter.")]),
        "right": (["Schools will close early.", "Grain prices rose in spring.", "Grain prices rose in autumn."],
                  [("T", "thesis", "Schools will close early."), ("Y", "premise", "Grain prices rose in spring."),
                   ("X", "evidence", "Grain prices rose in autumn.")]),
    })
    assert [j for j, _ in _ranked(corpus)["A"][:2]] == ["X", "Y"]


def test_a_partner_that_fits_another_statement_better_is_the_weaker_candidate(tmp_path: Path) -> None:
    # B is a little nearer to X than to Z, but X is A's counterpart word for word: one to one, B goes with Z
    corpus = _corpus(tmp_path, {
        "left": (["Harvests will fail this year.", "Grain exports collapsed in spring.", "Grain exports shrank and fell."],
                 [("T", "thesis", "Harvests will fail this year."),
                  ("A", "premise", "Grain exports collapsed in spring."),
                  ("B", "premise", "Grain exports shrank and fell.")]),
        "right": (["Schools will close early.", "Grain exports collapsed in spring.", "Fuel exports fell in winter."],
                  [("T", "thesis", "Schools will close early."), ("X", "premise", "Grain exports collapsed in spring."),
                   ("Z", "premise", "Fuel exports fell in winter.")]),
    })
    ranked = _ranked(corpus)
    assert ranked["A"][0] == ("X", "shared words: grain, exports, collapsed, spring; paired one-to-one")
    assert [j for j, _ in ranked["B"][:2]] == ["Z", "X"]
    assert ranked["B"][0][1].endswith("; paired one-to-one") and "paired" not in ranked["B"][1][1]


def test_words_of_any_script_are_whole_and_a_new_claim_id_is_ascii(tmp_path: Path) -> None:
    """*Außerdem* is one word, not *au* and *erdem*; the claim id drawn from it is an id (ASCII, from a letter)."""
    from argmap.format.model import ID_PATTERN
    from argmap.suggest.groups import draft_registry, suggest_groups

    corpus = _corpus(tmp_path, {
        "left": (["Die Strafen sollten steigen.", "Außerdem stört der Gestank im Café."],
                 [("T", "thesis", "Die Strafen sollten steigen."), ("P", "premise", "Außerdem stört der Gestank im Café.")]),
        "right": (["Höhere Bußgelder helfen.", "Außerdem ärgert der Gestank jeden Gast im Café."],
                  [("T", "thesis", "Höhere Bußgelder helfen."),
                   ("P", "premise", "Außerdem ärgert der Gestank jeden Gast im Café.")])})
    group = next(g for g in suggest_groups(corpus, ["left", "right"]) if {m.node for m in g.members} == {"P"})
    assert {"außerdem", "café", "gestank"} <= set(group.words)
    assert not {"au", "erdem", "caf"} & set(group.words)
    new_ids = [line.split("id: ", 1)[1] for line in draft_registry(corpus, [group]).splitlines() if "- id: " in line]
    assert len(new_ids) == 1 and re.fullmatch(ID_PATTERN, new_ids[0]) and "ausserdem" in new_ids[0], new_ids
