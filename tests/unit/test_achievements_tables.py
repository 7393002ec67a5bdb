"""The achievements page's table alternatives: real HTML tables, every cell escaped."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from enact_dash.achievements.html import frame_table_html
from tests.conftest import HOSTILE_NAME


@pytest.mark.parametrize(
    ("frame", "headers", "cells"),
    [
        (pd.DataFrame({"Axe": ["Santé numérique"], "Chaires": ["1"]}), ["Axe", "Chaires"],
         ["Santé numérique", "1"]),
        (pd.DataFrame({"Action": [HOSTILE_NAME], "État": [None], "Source": ["https://x.org/a"]}),
         ["Action", "État", "Source"], ["&lt;img src=x onerror=alert(1)&gt;", "", "https://x.org/a"]),
        (pd.DataFrame({"<b>": ["a & b"]}), ["&lt;b&gt;"], ["a &amp; b"]),
    ],
)
def test_a_frame_becomes_an_escaped_table(frame: pd.DataFrame, headers: list[str], cells: list[str]) -> None:
    table = frame_table_html(frame, "Chaires <de> recherche", "fr")
    assert "<caption>Chaires &lt;de&gt; recherche</caption>" in table
    assert re.findall(r'<th scope="col">(.*?)</th>', table) == headers
    assert re.findall(r"<td[^>]*>(.*?)</td>", table) == cells
    assert "<img" not in table


def test_the_source_column_of_a_wide_table_may_wrap() -> None:
    table = frame_table_html(pd.DataFrame({"A": ["x"], "B": ["y"], "Source": ["https://x.org"]}), "T", "fr")
    assert '<td class="long">https://x.org</td>' in table
