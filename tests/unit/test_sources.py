from __future__ import annotations

import pytest

from enact_dash.sources import first_url, parts, short


@pytest.mark.parametrize(
    ("source", "expected_parts", "url", "text"),
    [
        ("Communiqué de presse, déc. 2025", ["Communiqué de presse, déc. 2025"], "",
         "Communiqué de presse, déc. 2025"),
        ("https://www.example.org/a?b=1", ["https://www.example.org/a?b=1"], "https://www.example.org/a?b=1",
         "example.org"),
        ("Communiqué ; https://factuel.univ-lorraine.fr/node/30200",
         ["Communiqué", "https://factuel.univ-lorraine.fr/node/30200"],
         "https://factuel.univ-lorraine.fr/node/30200", "Communiqué ; factuel.univ-lorraine.fr"),
        ("javascript:alert(1)", ["javascript:alert(1)"], "", "javascript:alert(1)"),
        ("", [], "", ""),
    ],
)
def test_sources(source, expected_parts, url, text):
    assert parts(source) == expected_parts
    assert first_url(source) == url
    assert short(source) == text
