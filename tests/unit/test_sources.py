from __future__ import annotations

import pytest

from enact_dash.sources import first_url, link_html, linkify, parts, readable, readable_url, short


@pytest.mark.parametrize(
    ("source", "expected_parts", "url", "text"),
    [
        ("Communiqué de presse, déc. 2025", ["Communiqué de presse, déc. 2025"], "",
         "Communiqué de presse, déc. 2025"),
        ("https://www.example.org/a?b=1", ["https://www.example.org/a?b=1"], "https://www.example.org/a?b=1",
         "example.org"),
        ("Communiqué ; https://factuel.univ-lorraine.fr/node/30200",
         ["Communiqué", "https://factuel.univ-lorraine.fr/node/30200"],
         "https://factuel.univ-lorraine.fr/node/30200", "Communiqué\u202f; factuel.univ-lorraine.fr"),
        ("Communiqué ; site : https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine",
         ["Communiqué", "site : https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"], "",
         "Communiqué\u202f; site\u00a0: fr.wikipedia.org"),  # an address in a citation: by its host too
        ("javascript:alert(1)", ["javascript:alert(1)"], "", "javascript:alert(1)"),
        ("", [], "", ""),
    ],
)
def test_sources(source, expected_parts, url, text):
    assert parts(source) == expected_parts
    assert first_url(source) == url
    assert short(source) == text


WIKI = "https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (WIKI, "https://fr.wikipedia.org/wiki/Université_de_Lorraine"),
        ("https://de.wikipedia.org/wiki/Stra%C3%9Fburg", "https://de.wikipedia.org/wiki/Straßburg"),
        ("https://x.fr/a%c3%a9", "https://x.fr/aé"),  # lower-case hex too
        ("https://x.fr/a%20b", "https://x.fr/a%20b"),  # an encoded space stays encoded: one address
        ("https://x.fr/a%2Fb?q=%26", "https://x.fr/a%2Fb?q=%26"),  # encoded ASCII keeps its meaning
        ("https://x.fr/%C3%A9%20%C3%A9", "https://x.fr/é%20é"),
        ("https://x.fr/%E2%80%AEfdp.exe", "https://x.fr/%E2%80%AEfdp.exe"),  # no invisible right-to-left
        ("https://x.fr/%C3", "https://x.fr/%C3"),  # not UTF-8: as written
        ("https://x.fr/%ZZ", "https://x.fr/%ZZ"),
        ("https://x.fr/plain", "https://x.fr/plain"),
    ],
)
def test_readable_url(url: str, expected: str) -> None:
    assert readable_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Communiqué ; site : {WIKI}", "Communiqué ; site : https://fr.wikipedia.org/wiki/Université_de_Lorraine"),
        ("Taux de 100%C3 en 2025", "Taux de 100%C3 en 2025"),  # not an address: as written
        ("", ""),
    ],
)
def test_readable_text(text: str, expected: str) -> None:
    assert readable(text) == expected


def test_links_point_to_the_address_as_written_and_show_it_readable() -> None:
    html_text = linkify(f"Communiqué <b> ; site : {WIKI}.")
    assert f'href="{WIKI}"' in html_text
    assert ">https://fr.wikipedia.org/wiki/Université_de_Lorraine</a>." in html_text
    assert "&lt;b&gt;" in html_text
    hostile = link_html('https://x.fr/"><script>', '"><script>alert(1)</script>')
    assert "<script>" not in hostile
