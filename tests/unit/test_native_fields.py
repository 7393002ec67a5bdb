"""The native fields' pure part: what a typed search becomes, and which values a list accepts."""

from __future__ import annotations

from typing import Any

import pytest

from enact_dash.filters import clean_text
from enact_dash.ui.native import offered


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
def test_clean_text(typed: str | None, expected: str) -> None:
    assert clean_text(typed) == expected


OPTIONS = {"": "— nobody —", "ul": "Université de Lorraine", "1": "1"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ul", True),
        ("", True),
        ("1", True),
        (1, False),  # a forged trigger: not a string
        (["ul"], False),  # unhashable: must not raise
        ({"ul": 1}, False),
        (None, False),
        ("UL", False),
        ("<script>", False),
    ],
)
def test_a_list_accepts_only_its_options(value: Any, expected: bool) -> None:
    assert offered(value, OPTIONS) is expected
