"""Colour for every reader: the diagram palette stays distinguishable under simulated colour-vision deficiency.

Simulation: Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of color
vision deficiency", severity 1.0 matrices, applied to linear sRGB; difference: CIE76 ΔE in CIELAB (D65).
"""

from __future__ import annotations

import itertools

import pytest

from argmap.render.style import CONTESTED, KIND_STYLE, SHARED, essay_colour

Matrix = tuple[tuple[float, float, float], ...]
NORMAL: Matrix = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
DEUTERANOPIA: Matrix = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                        (-0.011820, 0.042940, 0.968881))
PROTANOPIA: Matrix = ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                      (-0.003882, -0.048116, 1.051998))
VISION = {"normal": NORMAL, "deuteranopia": DEUTERANOPIA, "protanopia": PROTANOPIA}
MIN_DELTA_E = 15.0


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(hex_colour: str, m: Matrix = NORMAL) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour as seen through the simulation matrix ``m``."""
    rgb = [_linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    r, g, b = (min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str, m: Matrix) -> float:
    return float(sum((p - q) ** 2 for p, q in zip(lab(a, m), lab(b, m), strict=True)) ** 0.5)


def test_the_colour_science_matches_known_values() -> None:
    assert [round(v, 1) for v in lab("#ffffff")] == [100.0, 0.0, 0.0]
    assert [round(v) for v in lab("#ff0000")] == [53, 80, 67]  # sRGB red in CIELAB (D65)
    # Deuteranopes and protanopes confuse red and green: far apart normally, close when simulated.
    assert delta_e("#d62728", "#2ca02c", NORMAL) > 80
    assert delta_e("#d62728", "#2ca02c", DEUTERANOPIA) < 30


FILLS = {**{kind: st.fill for kind, st in KIND_STYLE.items()}, "shared claim": SHARED.fill,
         "contested claim": CONTESTED.fill}


@pytest.mark.parametrize("vision", list(VISION))
def test_node_fills_differ_for_every_reader(vision: str) -> None:
    close = [(a, b, round(delta_e(FILLS[a], FILLS[b], VISION[vision]), 1))
             for a, b in itertools.combinations(FILLS, 2)
             if delta_e(FILLS[a], FILLS[b], VISION[vision]) < MIN_DELTA_E]
    assert not close


@pytest.mark.parametrize("vision", list(VISION))
def test_the_two_essay_colours_differ_for_every_reader(vision: str) -> None:
    assert delta_e(essay_colour(0), essay_colour(1), VISION[vision]) >= MIN_DELTA_E
