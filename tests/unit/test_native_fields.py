"""The native fields' pure part: what a typed search becomes before it reaches the filters."""

from __future__ import annotations

import pytest

from enact_dash.ui.native import clean_search


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Nancy", "Nancy"),
        ("  Villers   les\tNancy \n", "Villers les Nancy"),
        ("", ""),
        (None, ""),
        ("x" * 150, "x" * 100),
        ("<b>Inria</b>", "<b>Inria</b>"),  # kept as typed: the page shows it as text, never as HTML
    ],
)
def test_clean_search(typed: str | None, expected: str) -> None:
    assert clean_search(typed) == expected
