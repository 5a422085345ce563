"""Reading a diagram's geometry back from the SVG Graphviz writes: edge crossings, node boxes, text sizes.

Graphviz draws each edge as a ``<g class="edge">`` holding one ``<path>``
whose ``d`` is a move followed by cubic Béziers.  :func:`crossings` flattens
every edge into short segments and counts the points where two different
edges cross, away from their ends (edges that meet at a node, or pass close to
it as they arrive, are not a tangle).  :func:`node_boxes` gives each node's
bounding box, :func:`body_font_size` the commonest text size inside nodes.

Coordinates are Graphviz's: points, y growing downward (negative inside the
graph's transform), so a smaller y is higher on the page.

>>> svg = '''<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt"><g class="graph">
... <g id="e1" class="edge"><path d="M0,0C30,30 60,60 90,90"/></g>
... <g id="e2" class="edge"><path d="M0,90C30,60 60,30 90,0"/></g>
... <g id="n" class="node"><polygon points="0,0 10,0 10,-5 0,-5"/><text font-size="11.00">x</text></g>
... </g></svg>'''
>>> crossings(svg)
1
>>> node_boxes(svg)["n"]
(0.0, -5.0, 10.0, 0.0)
>>> page_size(svg), body_font_size(svg)
((100.0, 50.0), 11.0)
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator

__all__ = ["END_RADIUS", "Point", "Segment", "body_font_size", "crossings", "edge_paths", "node_boxes",
           "page_size"]

Point = tuple[float, float]
Segment = tuple[Point, Point]

END_RADIUS = 12.0
"""Crossings this close (in points) to either edge's start or end are not counted: edges meet at nodes."""
_STEPS = 12
"""Straight segments per cubic Bézier."""
_SCALE = re.compile(r"scale\(([\d.]+)")
_NUM = re.compile(r"-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|-?\.\d+")
_SVG = "{http://www.w3.org/2000/svg}"


def _root(svg: str | bytes) -> ET.Element:
    return ET.fromstring(svg)


def _groups(root: ET.Element, cls: str) -> Iterator[ET.Element]:
    for el in root.iter():
        if el.tag in (f"{_SVG}g", "g") and el.get("class") == cls:
            yield el


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    out = []
    for i in range(1, _STEPS + 1):
        t = i / _STEPS
        u = 1 - t
        out.append((u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]))
    return out


def _flatten(d: str) -> list[Point]:
    """The polyline of a Graphviz edge path ``M x,y C x,y x,y x,y …`` (Graphviz writes no other commands)."""
    nums = [float(x) for x in _NUM.findall(d)]
    pts = list(zip(nums[::2], nums[1::2], strict=False))
    if not pts:
        return []
    line = [pts[0]]
    for i in range(1, len(pts) - 2, 3):
        line += _cubic(line[-1], pts[i], pts[i + 1], pts[i + 2])
    return line


def edge_paths(svg: str | bytes) -> dict[str, list[Point]]:
    """Each drawn edge's polyline, by the edge group's id (invisible edges have no path and are left out)."""
    out: dict[str, list[Point]] = {}
    for n, g in enumerate(_groups(_root(svg), "edge")):
        line = [p for path in g.iter() if path.tag in (f"{_SVG}path", "path") for p in _flatten(path.get("d", ""))]
        if len(line) > 1:
            out[g.get("id") or f"edge{n}"] = line
    return out


def _intersection(a: Segment, b: Segment) -> Point | None:
    (x1, y1), (x2, y2) = a
    (x3, y3), (x4, y4) = b
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(den) < 1e-12:
        return None  # parallel (or overlapping): not a crossing
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    u = ((x1 - x3) * (y1 - y2) - (y1 - y3) * (x1 - x2)) / den
    if 0 <= t <= 1 and 0 <= u <= 1:
        return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
    return None


def _near(p: Point, ends: list[Point], radius: float) -> bool:
    return any((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 <= radius * radius for q in ends)


def _box(line: list[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in line], [p[1] for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def _pair_crossings(a: list[Point], b: list[Point], radius: float) -> int:
    ends = [a[0], a[-1], b[0], b[-1]]
    found: list[Point] = []
    for sa in itertools.pairwise(a):
        for sb in itertools.pairwise(b):
            p = _intersection(sa, sb)
            if p is not None and not _near(p, ends, radius) and not _near(p, found, 1.0):
                found.append(p)  # a crossing at a joint of two segments is counted once
    return len(found)


def crossings(svg: str | bytes, *, radius: float = END_RADIUS) -> int:
    """How many times two different edges of ``svg`` cross, away from both edges' ends (see the module doc)."""
    lines = list(edge_paths(svg).values())
    boxes = [_box(line) for line in lines]
    total = 0
    for i, j in itertools.combinations(range(len(lines)), 2):
        a, b = boxes[i], boxes[j]
        if a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]:
            total += _pair_crossings(lines[i], lines[j], radius)
    return total


def node_boxes(svg: str | bytes) -> dict[str, tuple[float, float, float, float]]:
    """Each node's bounding box ``(x0, y0, x1, y1)`` from its shapes' coordinates, by the node group's id."""
    out = {}
    for g in _groups(_root(svg), "node"):
        nums: list[float] = []
        for el in g.iter():
            tag = el.tag.removeprefix(_SVG)
            if tag in ("polygon", "polyline"):
                nums += [float(x) for x in _NUM.findall(el.get("points", ""))]
            elif tag == "path":
                nums += [float(x) for x in _NUM.findall(el.get("d", ""))]
            elif tag == "ellipse":
                cx, cy, rx, ry = (float(el.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))
                nums += [cx - rx, cy - ry, cx + rx, cy + ry]
        if nums:
            out[g.get("id") or ""] = _box(list(zip(nums[::2], nums[1::2], strict=False)))
    return out


def page_size(svg: str | bytes) -> tuple[float, float]:
    """The drawing's width and height in points (Graphviz writes ``width="…pt"``)."""
    root = _root(svg)
    return float(_NUM.findall(root.get("width", "0"))[0]), float(_NUM.findall(root.get("height", "0"))[0])


def _scale(root: ET.Element) -> float:
    """The scale Graphviz applied to the whole drawing (``size`` smaller than the layout shrinks it)."""
    graph = next(_groups(root, "graph"), None)
    found = _SCALE.search(graph.get("transform", "")) if graph is not None else None
    return float(found.group(1)) if found else 1.0


def body_font_size(svg: str | bytes) -> float:
    """The commonest font size of the text inside nodes (the statements' body text), in points as drawn."""
    root = _root(svg)
    sizes: Counter[float] = Counter()
    for g in _groups(root, "node"):
        if (g.get("id") or "").startswith("argmap:"):
            continue  # the legend
        for el in g.iter():
            if el.tag.removeprefix(_SVG) == "text" and el.get("font-size"):
                sizes[float(el.get("font-size", "0"))] += 1
    return sizes.most_common(1)[0][0] * _scale(root) if sizes else 0.0
