"""The visual vocabulary of argmap's diagrams: shapes and colours by node kind, edge styles, essay colours.

One place decides how things look, so the single-map and comparative diagrams
and their legends always agree.

>>> KIND_STYLE["objection"].fill
'#f8b381'
>>> essay_colour(0), essay_colour(1)
('#0072B2', '#D55E00')
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.render.text import html_text, wrap

__all__ = [
    "ATTACK",
    "BRIDGE",
    "CONTESTED",
    "EXAMPLE",
    "FONT",
    "KIND_STYLE",
    "SHARED",
    "SUPPORT",
    "EdgeStyle",
    "KindStyle",
    "edge_style",
    "essay_colour",
    "legend_label",
    "node_label",
]

# DejaVu Sans ships with every Debian fontconfig, so layouts (and the committed images) do not depend on which
# other fonts happen to be installed; browsers without it fall back to their sans-serif.
FONT = "DejaVu Sans,sans-serif"
INK = "#222222"
MUTED = "#555555"


@dataclass(frozen=True)
class KindStyle:
    """How a node of one kind is drawn."""

    shape: str
    style: str
    fill: str
    border: str
    penwidth: float = 1.2


KIND_STYLE: dict[str, KindStyle] = {
    "thesis": KindStyle("box", "rounded,filled,bold", "#f7c948", "#8a5f00", 2.6),
    "conclusion": KindStyle("box", "rounded,filled", "#fff3c4", "#9a6b00", 1.6),
    "premise": KindStyle("box", "rounded,filled", "#c6dcf7", "#2f6ea5"),
    "evidence": KindStyle("note", "filled", "#9ccfb0", "#2e6b46"),
    "objection": KindStyle("box", "filled", "#f8b381", "#a8431c", 1.6),
    "assumption": KindStyle("box", "rounded,filled,dashed", "#f0f0f0", "#6b6b6b", 1.4),
}
"""Shape, style and colours per node kind (assumptions: dashed outline).

The fills (with SHARED's and CONTESTED's) differ pairwise by a CIE76 colour difference of at least 15 for
normal vision and under simulated deuteranopia and protanopia (tests/test_render_colour.py): they step in
lightness and along the blue–yellow axis, which those readers keep.  Shapes and dashes are a second cue."""

SHARED = KindStyle("box", "rounded,filled", "#aea4e0", "#4b2c82", 2.0)
"""A claim two or more essays make, in the comparative diagram."""
CONTESTED = KindStyle("box", "rounded,filled,bold", "#ee6868", "#a01c12", 3.0)
"""A shared claim the essays take opposite stances on."""


@dataclass(frozen=True)
class EdgeStyle:
    """How a relation is drawn."""

    colour: str
    style: str
    arrowhead: str
    penwidth: float


SUPPORT = EdgeStyle("#4d4d4d", "solid", "normal", 1.3)
ATTACK = EdgeStyle("#c0392b", "dashed", "tee", 1.6)
EXAMPLE = EdgeStyle("#4d4d4d", "dotted", "normal", 1.6)
"""Support by example: a dotted support arrow labelled "e.g."."""


def edge_style(relation_type: str) -> EdgeStyle:
    """How a relation of ``relation_type`` is drawn, in every diagram.

    >>> edge_style("example") is EXAMPLE, edge_style("attacks") is ATTACK
    (True, True)
    """
    return {"supports": SUPPORT, "example": EXAMPLE}.get(relation_type, ATTACK)


BRIDGE = EdgeStyle("#555555", "dotted", "vee", 1.8)
"""In a view that leaves statements out: the essay links these two through statements not drawn."""

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
_ESSAY_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")


def essay_colour(index: int) -> str:
    """The colour of the ``index``-th essay in a comparative diagram.

    >>> essay_colour(0), essay_colour(1), essay_colour(6)  # six colours, then they repeat
    ('#0072B2', '#D55E00', '#0072B2')
    """
    return _ESSAY_COLOURS[index % len(_ESSAY_COLOURS)]


def node_label(header: str, text: str, width: int, *, max_lines: int | None = 9, extra: list[str] | None = None,
               header_colour: str = MUTED, size: int = 11, header_size: int | None = None) -> str:
    """An HTML-like label: a small ``header`` (markup), the wrapped ``text`` (escaped here), ``extra`` lines (markup).

    >>> node_label("<B>P1</B>", "a < b", 20)
    '<<FONT POINT-SIZE="9" COLOR="#555555"><B>P1</B></FONT><BR/><FONT POINT-SIZE="11">a &lt; b</FONT>>'
    """
    body = "<BR/>".join(html_text(line) for line in wrap(text, width, max_lines))
    parts = [f'<FONT POINT-SIZE="{header_size or size - 2}" COLOR="{header_colour}">{header}</FONT>',
             f'<FONT POINT-SIZE="{size}">{body}</FONT>', *(extra or [])]
    return "<" + "<BR/>".join(parts) + ">"


def _swatch(style: KindStyle, text: str) -> str:
    dashed = ' STYLE="dashed"' if "dashed" in style.style else ""
    return f'<TD BGCOLOR="{style.fill}" COLOR="{style.border}"{dashed}>{text}</TD>'


def legend_label(essays: list[tuple[str, str]] | None = None, *, shared: bool = False, bridges: bool = False,
                 example: bool = False, denials: bool = False) -> str:
    """The legend as one HTML-like table: kinds, relations, and (comparative) essays and shared claims.

    ``essays`` is a list of (map id, colour); map ids are escaped here.  ``example``: the diagram has
    support by example, so the legend shows its dotted arrow.  ``denials``: an essay denies a shared claim whose
    box says it, and its reasons are drawn against the box.
    """
    rows = ['<TR><TD COLSPAN="2" BORDER="0"><B>Legend</B></TD></TR>']
    kinds = list(KIND_STYLE)
    for i in range(0, len(kinds), 2):
        cells = "".join(_swatch(KIND_STYLE[k], k + (" (implicit)" if k == "assumption" else ""))
                        for k in kinds[i:i + 2])
        rows.append(f"<TR>{cells}</TR>")
    if shared:
        rows.append(f"<TR>{_swatch(SHARED, 'shared claim')}{_swatch(CONTESTED, '✗ contested claim')}</TR>")
    if essays:
        for mid, colour in essays:
            rows.append(f'<TR><TD COLSPAN="2" BORDER="0" ALIGN="LEFT"><FONT COLOR="{colour}"><B>━━▶</B> '
                        f'{html_text(mid)}</FONT></TD></TR>')
        rows.append('<TR><TD COLSPAN="2" BORDER="0" ALIGN="LEFT">━━▶ supports     ╌╌⊣ attacks</TD></TR>')
        if denials:
            rows.append('<TR><TD COLSPAN="2" BORDER="0" ALIGN="LEFT">where an essay denies a shared claim,'
                        '<BR ALIGN="LEFT"/>its reasons for the denial attack the claim<BR ALIGN="LEFT"/></TD></TR>')
        if bridges:
            rows.append('<TR><TD COLSPAN="2" BORDER="0" ALIGN="LEFT">┈┈&gt; leads there through statements'
                        '<BR ALIGN="LEFT"/>this view leaves out<BR ALIGN="LEFT"/></TD></TR>')
    else:
        rows.append(f'<TR><TD BORDER="0" ALIGN="LEFT"><FONT COLOR="{SUPPORT.colour}">━━▶ supports</FONT></TD>'
                    f'<TD BORDER="0" ALIGN="LEFT"><FONT COLOR="{ATTACK.colour}">╌╌⊣ attacks</FONT></TD></TR>')
    if example:
        rows.append(f'<TR><TD COLSPAN="2" BORDER="0" ALIGN="LEFT"><FONT COLOR="{EXAMPLE.colour}">┈┈▶ e.g. '
                    'support by example</FONT></TD></TR>')
    rows.append('<TR><TD COLSPAN="2" BORDER="0" ALIGN="LEFT">● joint support: linked premises meet at a dot;'
                '<BR ALIGN="LEFT"/>an attack on a dot undercuts that inference<BR ALIGN="LEFT"/></TD></TR>')
    return ('<<TABLE BORDER="1" COLOR="#999999" CELLBORDER="1" CELLSPACING="3" CELLPADDING="3">'
            + "".join(rows) + "</TABLE>>")
