"""The argument-map format: strict pydantic v2 models.

A map is one essay: metadata, typed nodes, and ``supports``/``example``/``attacks``
relations (an ``example`` is support by example, and counts as support wherever
support counts).  The common case of a relation is one short string:

>>> Relation.model_validate("P1 -> T")
Relation(id=None, type='supports', sources=['P1'], target='T', note=None)
>>> Relation.model_validate("r2: P2 + P3 -> C")  # linked premises, with an id
Relation(id='r2', type='supports', sources=['P2', 'P3'], target='C', note=None)
>>> Relation.model_validate("O1 -| r2").type       # an undercut attacks relation r2
'attacks'
>>> Relation.model_validate("P1 -> T").key
'P1->T'
>>> Relation.model_validate("E1 ..> T").type       # support by example: a dotted arrow
'example'
>>> Relation.model_validate("E1 ..> T").is_support  # an example counts as support everywhere
True

Unknown keys are errors (``extra="forbid"``) and types are not coerced
(``strict=True``), so ``id: 12`` is reported rather than turned into ``"12"``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from argmap.errors import NotFound

__all__ = [
    "KINDS",
    "RELATION_KINDS",
    "SUPPORT_TYPES",
    "ArgumentMap",
    "DriftKind",
    "Kind",
    "Node",
    "Relation",
    "RelationKind",
    "Skip",
    "Source",
    "Stance",
]

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"
Ident = Annotated[str, Field(pattern=ID_PATTERN, description="letters, digits, '_', '.', '-'; starts with a letter")]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


DriftKind = Literal["hedge", "modality", "negation", "specifics"]
"""Kinds of paraphrase drift a node may accept (see :mod:`argmap.checks.drift.paraphrase`)."""

Kind = Literal["thesis", "premise", "conclusion", "evidence", "objection", "assumption"]
"""What a node is in the essay's argument (see the README's format reference)."""
KINDS: tuple[str, ...] = get_args(Kind)


Stance = Literal["affirms", "denies"]

RelationKind = Literal["agree", "contradict", "differ", "tension"]
"""How the essays that bind a shared claim relate on it: one stance; one affirms what another denies; different
answers to one question; one essay's evidence uneasy with the other's claim (see ``docs/registry.md``)."""
RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)

_FIELD_SETS: dict[frozenset[str], set[str]] = {}  # at most one per subset of a class's fields


def _share_fields_set(model: BaseModel) -> None:
    """Give ``model`` the one set of field names shared by every model whose input set the same fields: pydantic
    keeps one per instance (200 to 700 bytes, as much as its dict of values; 74,000 of about thirty kinds at 1,000
    maps).  The models are frozen, so pydantic never adds to it (``model_copy`` gives a copy its own): sharing is
    safe (``bench/README.md``, "Memory")."""
    own = model.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault(frozenset(own), own)
    if shared is not own:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


class Source(BaseModel):
    """Where the essay text lives, relative to the map file, and its sha256."""

    model_config = _STRICT
    path: Text = Field(description="the essay text, relative to this map file, e.g. ../seeds/essay.txt")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the essay text, lowercase hex")


class Node(BaseModel):
    """One statement of the essay, or an assumption the curator supplies."""

    model_config = _STRICT
    id: Ident
    kind: Kind
    text: Text = Field(description="the curator's one-sentence paraphrase")
    quote: Text | None = Field(default=None, description="verbatim from the essay; absent only on implicit nodes")
    more_quotes: list[Text] | None = Field(
        default=None, description="further passages of the essay, verbatim, that state this same proposition: a "
        "restatement elsewhere, or the rest of a sentence that another statement interrupts")
    implicit: bool = Field(
        default=False, description="a reconstruction the author never wrote verbatim (no quote); an assumption "
        "always is, and a thesis, premise or other node may be one")
    tags: list[Ident] = Field(default_factory=list)
    claim: Ident | None = Field(default=None, description="id of a shared claim in the registry")
    stance: Stance | None = Field(default=None, description="toward the shared claim; defaults to affirms")
    citation: list[Text] | None = Field(
        default=None, description="evidence only: the source(s) as the essay gives them, verbatim")
    note: Text | None = Field(default=None, description="curator's note for teachers")
    accept_drift: dict[DriftKind, Text] | None = Field(
        default=None, description="drift of the paraphrase from the quote that the curator has judged acceptable: "
        "a kind (hedge, modality, negation, specifics) to the reason")

    @field_validator("citation", mode="before")
    @classmethod
    def _one_citation(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _assumption_is_implicit(cls, value: Any) -> Any:
        if isinstance(value, dict) and value.get("kind") == "assumption" and "implicit" not in value:
            return {**value, "implicit": True}
        return value

    @model_validator(mode="after")
    def _kind_rules(self) -> Node:
        if self.kind == "assumption" and self.quote is not None:
            raise ValueError("an assumption is implicit and has no quote")
        if self.kind == "assumption" and not self.implicit:
            raise ValueError("an assumption is always implicit")
        if self.implicit and self.quote is not None:
            raise ValueError(f"an implicit {self.kind} is a reconstruction and has no quote")
        if not self.implicit and self.quote is None:
            raise ValueError(f"a {self.kind} needs a verbatim quote (or 'implicit: true' for a reconstruction)")
        if self.more_quotes is not None and self.quote is None:
            raise ValueError("more_quotes needs a first quote")
        if self.citation is not None and self.kind != "evidence":
            raise ValueError("only evidence nodes carry a citation")
        if self.stance is not None and self.claim is None:
            raise ValueError("a stance needs a claim to take it toward")
        _share_fields_set(self)
        return self

    @property
    def quotes(self) -> list[str]:
        """Every verbatim passage of this node: its quote, then its more_quotes (none for an implicit node).

        >>> Node(id="T", kind="thesis", text="t", quote="Q1.", more_quotes=["Q2."]).quotes
        ['Q1.', 'Q2.']
        >>> Node(id="T", kind="thesis", text="A reconstruction.", implicit=True).quotes
        []
        """
        return ([self.quote] if self.quote else []) + list(self.more_quotes or [])

    @property
    def effective_stance(self) -> Stance | None:
        return (self.stance or "affirms") if self.claim else None


_OP = re.compile(r"(?<!\s)\s+(->|-\||\.\.>)\s+")  # starts only where a space run starts: linear on long runs
_ID_PREFIX = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_.-]*)\s*:\s+")


def _parse_short(value: str) -> dict[str, Any]:
    """``[id:] A [+ B ...] (->|-|) C`` into the long form; spaces around the arrow are required."""
    body = value
    out: dict[str, Any] = {}
    prefix = _ID_PREFIX.match(body)
    if prefix:
        out["id"] = prefix.group(1)
        body = body[prefix.end():]
    parts = _OP.split(body.strip())
    if len(parts) != 3 or not parts[0].strip() or not parts[2].strip():
        raise ValueError(
            f"cannot read relation {value!r}; write 'A -> B' (supports), 'A ..> B' (example), 'A -| B' (attacks) "
            "or 'A + B -> C' (linked), with spaces around the arrow")
    out.update(type=_TYPES[parts[1]], to=parts[2].strip(), **{"from": [s.strip() for s in parts[0].split("+")]})
    return out


_LONG_KEYS = {"id", "type", "from", "to", "note"}
RelationType = Literal["supports", "example", "attacks"]
_TYPES: dict[str, RelationType] = {"->": "supports", "..>": "example", "-|": "attacks"}
_ARROWS = {t: op for op, t in _TYPES.items()}
SUPPORT_TYPES: tuple[str, ...] = ("supports", "example")
"""Relation types that support their target: a plain support, and support by example."""


class Relation(BaseModel):
    """``sources`` jointly support or attack ``target`` (a node id, or a relation id: an undercut).

    Long form: ``{id: r1, type: supports, from: [P1, P2], to: C}``.
    Short form: ``"P1 -> T"``, ``"P1 + P2 -> C"``, ``"r1: P1 -> T"``, ``"E1 ..> T"`` (example), ``"O -| r1"``.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)
    id: Ident | None = None
    type: RelationType = Field(description="supports; example (support by example); attacks")
    sources: list[Ident] = Field(alias="from", min_length=1, description="one id, or several for linked premises")
    target: Ident = Field(alias="to")
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _parse_short(value)
        if isinstance(value, dict) and len(value) == 1:
            # YAML reads "- r1: P1 -> T" as the one-key mapping {r1: "P1 -> T"}: a named short form.
            (key, body), = value.items()
            if key not in _LONG_KEYS and isinstance(key, str) and isinstance(body, str):
                return _parse_short(f"{key}: {body}")
        if isinstance(value, dict) and isinstance(value.get("from"), str):
            return {**value, "from": [value["from"]]}
        return value

    @model_validator(mode="after")
    def _shared_fields_set(self) -> Relation:
        _share_fields_set(self)
        return self

    @property
    def key(self) -> str:
        """The relation's id, or a readable one derived from its endpoints."""
        if self.id:
            return self.id
        return f"{'+'.join(self.sources)}{_ARROWS[self.type]}{self.target}"

    @property
    def is_support(self) -> bool:
        """True for ``supports`` and ``example``: everywhere the code asks "does this support?"."""
        return self.type in SUPPORT_TYPES


class Skip(BaseModel):
    """A passage of the essay that is deliberately not mapped, and why."""

    model_config = _STRICT
    quote: Text
    reason: Text


class ArgumentMap(BaseModel):
    """One essay's argument."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True,
        json_schema_extra={"title": "argmap argument map", "$id": "https://argmap.invalid/schema/map.schema.json"},
    )
    id: Ident
    title: Text
    title_supplied: bool = Field(
        default=False, description="true when the essay has no title of its own and `title` is the curator's")
    author: Text | None = Field(default=None, description="null when unknown")
    publication: Text | None = None
    date: Text | None = Field(default=None, description="as the source gives it; ISO 8601 where known")
    source: Source
    nodes: list[Node] = Field(min_length=1)
    relations: list[Relation] = Field(default_factory=list)
    skip: list[Skip] = Field(default_factory=list, description="passages left unmapped on purpose")

    @field_validator("id")
    @classmethod
    def _id_names_files(cls, value: str) -> str:
        # "--" joins two map ids in the names of comparison files (compare/<a>--<b>.svg) and SVG element ids.
        if "--" in value:
            raise ValueError("a map id may not contain '--', which joins two map ids in file names")
        return value

    def node(self, node_id: str) -> Node | None:
        """The node with this id, or None."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        return None

    def require_node(self, node_id: str) -> Node:
        """The node with this id; :class:`~argmap.errors.NotFound` (naming the map, with a hint) if there is none.

        >>> m = ArgumentMap.model_validate({"id": "m", "title": "t", "source": {"path": "e", "sha256": "0" * 64},
        ...                                 "nodes": [{"id": "P1", "kind": "thesis", "text": "t", "quote": "q"}]})
        >>> m.require_node("P1").kind
        'thesis'
        >>> m.require_node("P2")
        Traceback (most recent call last):
        argmap.errors.NotFound: unknown node 'P2' in map 'm' (ids starting with P: P1)
        """
        found = self.node(node_id)
        if found is None:
            raise NotFound("node", node_id, [n.id for n in self.nodes], within=f"map '{self.id}'")
        return found

    @property
    def thesis(self) -> Node:
        """The single thesis (validation guarantees there is exactly one)."""
        return next(n for n in self.nodes if n.kind == "thesis")
