"""An AIF graph as read from JSON: its nodes and edges, who speaks, and what each locution says.

A locution (L-node) is what someone said, and OVA and AIFdb write it with its speaker in front, in several
forms: ``Bob : words`` (AIFdb), ``Participant Rachel: words`` (OVA), with a ``#`` or ``@`` before a name,
or a probability beside it (``Bob (0.87) : words``).  :meth:`AifGraph.said` gives the words alone.  A prefix
is taken for a speaker when it is marked as one (a space before the colon, as AIFdb writes it, or a ``#`` or
``@``), names a participant, or begins several locutions of the file; and never when the proposition itself (the
I-node) begins with it, so a quote such as ``Note: …`` keeps its words.

>>> g = AifGraph.from_json({"nodes": [
...     {"nodeID": "1", "type": "L", "text": "Participant Rachel: A"},
...     {"nodeID": "2", "type": "L", "text": "Participant Rachel : B"},
...     {"nodeID": "3", "type": "L", "text": "Bob (0.91): C"},
...     {"nodeID": "4", "type": "I", "text": "Rule: no dogs"}, {"nodeID": "5", "type": "L", "text": "Rule: no dogs"}],
...     "edges": [], "locutions": [{"nodeID": "3", "personID": "7"}],
...     "participants": [{"participantID": "7", "firstname": "Bob", "surname": "None"},
...                      {"participantID": "8", "firstname": "Eve", "surname": "Quiet"}]}, None)
>>> [g.said(k) for k in "123"], g.said("5", "4")
(['A', 'B', 'C'], 'Rule: no dogs')
>>> g.speakers()
['Bob', 'Participant Rachel']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = ["AifGraph"]

_NAME_PART = r"[#@]?[^\W\d][\w.'’-]*"
_ODDS = r"[(\[]?(?:\d+(?:\.\d+)?|\.\d+)%?[)\]]?"  # one way to read any number: no backtracking on digits
_PREFIX = re.compile(rf"^(?P<who>(?:{_ODDS}[ \t]+)?{_NAME_PART}(?:[ \t]+(?:{_NAME_PART}|{_ODDS})){{0,4}})[ \t]*:[ \t]+")
_ODDS_ONLY = re.compile(_ODDS)
_MARKED = re.compile(r"^[ \t]++:")
_NO_NAME = {"none", "null", "nil", ""}


def _clean(who: str) -> str:
    """A speaker's name without hashes, at-signs or probabilities: ``#Bob (0.8)`` is ``Bob``."""
    words = [w.lstrip("#@") for w in who.split() if not _ODDS_ONLY.fullmatch(w)]
    return " ".join(w for w in words if w.lower() not in _NO_NAME)


@dataclass
class AifGraph:
    nodes: dict[str, dict[str, Any]]
    edges: list[tuple[str, str]]
    locution_order: list[str]
    participants: dict[str, str]  # participantID -> name
    speaker_of: dict[str, str]  # L-node id -> participantID
    extras: dict[str, Any]
    text: str | None = None
    preds: dict[str, list[str]] = field(default_factory=dict)
    succs: dict[str, list[str]] = field(default_factory=dict)
    prefixes: Counter[str] = field(default_factory=Counter)  # how many locutions begin with each prefix

    @classmethod
    def from_json(cls, graph: dict[str, Any], text: str | None) -> AifGraph:
        nodes = {str(n["nodeID"]): n for n in graph["nodes"] if isinstance(n, dict)}
        edges = [(str(e.get("fromID")), str(e.get("toID"))) for e in graph["edges"] if isinstance(e, dict)]
        edges = [(u, v) for u, v in edges if u in nodes and v in nodes]
        locs = [x for x in graph.get("locutions") or [] if isinstance(x, dict)]
        people = {str(p.get("participantID")): _clean(" ".join(str(p.get(k) or "") for k in ("firstname", "surname")))
                  for p in graph.get("participants") or [] if isinstance(p, dict)}
        extras: dict[str, Any] = graph["argmap"] if isinstance(graph.get("argmap"), dict) else {}
        g = cls(nodes, edges, [str(x.get("nodeID")) for x in locs], {k: v for k, v in people.items() if v},
                {str(x.get("nodeID")): str(x.get("personID")) for x in locs if x.get("personID") is not None},
                extras, text)
        for u, v in edges:
            g.succs.setdefault(u, []).append(v)
            g.preds.setdefault(v, []).append(u)
        g.prefixes.update(m.group("who") for k in nodes if g.type(k) == "L" and (m := _PREFIX.match(g.text_of(k))))
        return g

    def type(self, key: str) -> str:
        return str(self.nodes[key].get("type", ""))

    def text_of(self, key: str) -> str:
        return " ".join(str(self.nodes[key].get("text") or "").split())

    def locutions_of(self, i_node: str) -> list[str]:
        """L-nodes that assert ``i_node`` through a YA-node (L → YA → I)."""
        return [loc for ya in self.preds.get(i_node, []) if self.type(ya) == "YA"
                for loc in self.preds.get(ya, []) if self.type(loc) == "L"]

    def _speaker_prefix(self, l_node: str, proposition: str | None = None) -> str | None:
        """The speaker prefix of a locution (``who``), when it is one (see the module's rule)."""
        m = _PREFIX.match(self.text_of(l_node))
        if m is None:
            return None
        who = m.group("who")
        if proposition is not None and _PREFIX.match(self.text_of(proposition)) and \
                self.text_of(proposition).startswith(m.group(0).rstrip()):
            return None  # the proposition says it too: part of the words
        names = {n.lower() for n in self.participants.values()} | {
            part.lower() for n in self.participants.values() for part in n.split()}
        marked = who.startswith(("#", "@")) or _MARKED.match(m.group(0)[len(who):]) is not None
        if marked or _clean(who).lower() in names or self.prefixes[who] > 1 or l_node in self.speaker_of:
            return who
        return None

    def said(self, l_node: str, proposition: str | None = None) -> str:
        """What a locution says, without its speaker."""
        text = self.text_of(l_node)
        return _PREFIX.sub("", text, count=1) if self._speaker_prefix(l_node, proposition) else text

    def reports_a_locution(self, l_node: str) -> bool:
        """Is ``l_node`` the analyst's report of another locution (OVA3's ``Anon: Participant Rachel: A``, whose
        illocution, ``Analysing``, points at a locution), not something said in the dialogue?

        >>> g = AifGraph.from_json({"nodes": [{"nodeID": "1", "type": "L", "text": "Ann : A"},
        ...     {"nodeID": "2", "type": "YA", "text": "Analysing"}, {"nodeID": "3", "type": "L", "text": "Anon : Ann : A"}],
        ...     "edges": [{"fromID": "3", "toID": "2"}, {"fromID": "2", "toID": "1"}]}, None)
        >>> g.reports_a_locution("3"), g.reports_a_locution("1"), g.speakers()
        (True, False, ['Ann'])
        """
        said = [t for ya in self.succs.get(l_node, []) if self.type(ya) == "YA" for t in self.succs.get(ya, [])]
        return bool(said) and all(self.type(t) == "L" for t in said)

    def speakers(self) -> list[str]:
        """Who says something, in order: for each locution, the participant it names, else its speaker prefix;
        the analyst who reports the dialogue (:meth:`reports_a_locution`) does not speak in it."""
        said = [k for k in dict.fromkeys([*self.locution_order, *self.nodes])
                if k in self.nodes and self.type(k) == "L" and not self.reports_a_locution(k)]
        who = [self.participants.get(self.speaker_of.get(k, "")) or _clean(self._speaker_prefix(k) or "") for k in said]
        return list(dict.fromkeys(w for w in who if w))
