"""Marker categories: colour + shape per category, and the partner-type palette.

Colours are colour-blind safe (Okabe–Ito, darkened where needed so that each one keeps a 3:1 contrast
against the light map background) and every category also has its own shape, so that colour is never
the only cue. Shapes are polygons in unit coordinates (y grows downwards, radius 1 ≈ the marker
radius); the browser draws them on the canvas and the legend draws the same vertices as SVG.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from math import cos, pi, sin

from enact_dash.i18n import t

# Background of the map container when there is no tile layer (and while tiles load).
MAP_BACKGROUND = "#f4f3ef"
# Outline drawn around every marker, to separate it from tiles, boundaries and its neighbours.
MARKER_OUTLINE = "#ffffff"


def _star(points: int = 5, inner: float = 0.5, outer: float = 1.25) -> tuple[float, ...]:
    coords: list[float] = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = -pi / 2 + i * pi / points
        coords += [round(radius * cos(angle), 3), round(radius * sin(angle), 3)]
    return tuple(coords)


# Flat vertex lists (x0, y0, x1, y1, ...); an empty tuple means a circle.
SHAPES: dict[str, tuple[float, ...]] = {
    "circle": (),
    "square": (-0.88, -0.88, 0.88, -0.88, 0.88, 0.88, -0.88, 0.88),
    "diamond": (0.0, -1.2, 1.2, 0.0, 0.0, 1.2, -1.2, 0.0),
    "triangle": (0.0, -1.25, 1.15, 0.85, -1.15, 0.85),
    "triangle_down": (0.0, 1.25, 1.15, -0.85, -1.15, -0.85),
    "plus": (
        -0.4,
        -1.15,
        0.4,
        -1.15,
        0.4,
        -0.4,
        1.15,
        -0.4,
        1.15,
        0.4,
        0.4,
        0.4,
        0.4,
        1.15,
        -0.4,
        1.15,
        -0.4,
        0.4,
        -1.15,
        0.4,
        -1.15,
        -0.4,
        -0.4,
        -0.4,
    ),
    "star": _star(),
}


@dataclass(frozen=True)
class Category:
    """One marker category: ``id`` as found in the data, a display ``label``, a colour and a shape."""

    id: str
    label: str
    color: str
    shape: str = "circle"

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise ValueError(f"unknown shape {self.shape!r}; choose one of {sorted(SHAPES)}")


# Partner type -> (colour, shape). Order is the legend order.
PARTNER_TYPE_STYLE: dict[str, tuple[str, str]] = {
    "university": ("#0072B2", "circle"),  # Okabe–Ito blue
    "research_organisation": ("#D55E00", "square"),  # Okabe–Ito vermillion
    "hospital": ("#008B65", "plus"),  # Okabe–Ito bluish green, darkened for contrast
    "company": ("#AA4499", "triangle"),  # Tol purple
    "local_authority": ("#8A6A00", "diamond"),  # Okabe–Ito orange, darkened to ochre
    "network": ("#222222", "star"),  # near black
}
# Used for a value that is not in the vocabulary (shown honestly, never dropped).
OTHER_STYLE: tuple[str, str] = ("#5A5A5A", "triangle_down")


def partner_categories(lang: str) -> list[Category]:
    """The partner types as marker categories, labelled in ``lang``."""
    return [
        Category(type_id, t(f"vocab.partner_type.{type_id}", lang), color, shape)
        for type_id, (color, shape) in PARTNER_TYPE_STYLE.items()
    ]


def other_category(lang: str) -> Category:
    color, shape = OTHER_STYLE
    return Category("__other__", t("map.type.other", lang), color, shape)


def shape_extent(shape: str) -> float:
    """Largest distance of a vertex from the centre (1 for a circle)."""
    coords = SHAPES[shape]
    if not coords:
        return 1.0
    return max((coords[i] ** 2 + coords[i + 1] ** 2) ** 0.5 for i in range(0, len(coords), 2))


def shape_svg(shape: str, color: str, *, size: int = 16, radius: float = 5.5) -> str:
    """A small inline SVG of a marker shape (for the legend). ``color`` must be a #rrggbb value."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    centre = size / 2
    style = f'fill="{color}" stroke="{MARKER_OUTLINE}" stroke-width="1.5"'
    coords: Sequence[float] = SHAPES[shape]
    if not coords:
        body = f'<circle cx="{centre}" cy="{centre}" r="{radius}" {style}/>'
    else:
        points = " ".join(
            f"{centre + coords[i] * radius:.2f},{centre + coords[i + 1] * radius:.2f}"
            for i in range(0, len(coords), 2)
        )
        body = f'<polygon points="{points}" {style}/>'
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true" '
        f'focusable="false">{body}</svg>'
    )
