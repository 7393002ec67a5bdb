from __future__ import annotations

import pytest

from enact_dash.sources import (
    first_url,
    link_html,
    linkify,
    parts,
    readable,
    readable_url,
    short,
    shown,
    source_html,
    url_in_text,
)

PR = "Communiqué de presse, journée annuelle, déc. 2025"
FACTUEL_HOST = "factuel.univ-lorraine.fr"
FACTUEL = f"https://{FACTUEL_HOST}/node/30200"


@pytest.mark.parametrize(
    ("source", "expected_parts", "url", "text"),
    [
        ("Communiqué de presse, déc. 2025", ["Communiqué de presse, déc. 2025"], "",
         "Communiqué de presse, déc. 2025"),
        ("https://www.example.org/a?b=1", ["https://www.example.org/a?b=1"], "https://www.example.org/a?b=1",
         "example.org"),
        (f"Communiqué ; {FACTUEL}", ["Communiqué", FACTUEL], FACTUEL, f"Communiqué\u202f; {FACTUEL_HOST}"),
        (f"Communiqué; {FACTUEL}", ["Communiqué", FACTUEL], FACTUEL, f"Communiqué\u202f; {FACTUEL_HOST}"),
        ("Communiqué ; site : https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine",
         ["Communiqué", "site : https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"], "",
         # an address in a citation (the loader warns): by its host too
         "Communiqué\u202f; site\u00a0: fr.wikipedia.org"),
        ("https://x.fr/a;b=1", ["https://x.fr/a;b=1"], "https://x.fr/a;b=1", "x.fr"),  # ";" inside an address
        ("javascript:alert(1)", ["javascript:alert(1)"], "", "javascript:alert(1)"),
        ("", [], "", ""),
    ],
)
def test_sources(source, expected_parts, url, text):
    assert parts(source) == expected_parts
    assert first_url(source) == url
    assert short(source, "fr") == text


@pytest.mark.parametrize(
    ("source", "lang", "expected_shown", "expected_short"),
    [
        (f"{PR} ; {FACTUEL}", "fr", f"{PR}\u202f; {FACTUEL}", f"{PR}\u202f; factuel.univ-lorraine.fr"),
        (f"{PR} ; {FACTUEL}", "en", f"{PR}; {FACTUEL}", f"{PR}; factuel.univ-lorraine.fr"),
        (f"{PR} ; {FACTUEL}", "de", f"{PR}; {FACTUEL}", f"{PR}; factuel.univ-lorraine.fr"),
        (f"{PR}; {FACTUEL}", "fr", f"{PR}\u202f; {FACTUEL}", f"{PR}\u202f; factuel.univ-lorraine.fr"),
        (f"{FACTUEL} ; {PR} ; https://x.fr/a", "en", f"{FACTUEL}; {PR}; https://x.fr/a",
         f"factuel.univ-lorraine.fr; {PR}; x.fr"),
        (PR, "de", PR, PR),  # one citation: nothing added
        ("", "en", "", ""),
    ],
)
def test_citations_are_joined_in_the_page_language(source: str, lang: str, expected_shown: str,
                                                     expected_short: str) -> None:
    assert shown(source, lang) == expected_shown
    assert short(source, lang) == expected_short
    assert parts(shown(source, lang)) == parts(source)  # what a page shows reads back as the same citations


@pytest.mark.parametrize(
    ("source", "lang", "expected"),
    [
        (f"{PR} ; {FACTUEL}", "en",
         f'{PR}; <a href="{FACTUEL}" rel="noopener noreferrer" target="_blank">{FACTUEL}</a>'),
        (f"<b>x</b> ; {FACTUEL}", "fr",
         f'&lt;b&gt;x&lt;/b&gt;\u202f; <a href="{FACTUEL}" rel="noopener noreferrer" '
         f'target="_blank">{FACTUEL}</a>'),
        ("", "de", ""),
    ],
)
def test_source_html_links_each_address(source: str, lang: str, expected: str) -> None:
    assert source_html(source, lang) == expected


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (PR, False),
        (FACTUEL, False),
        (f"site : {FACTUEL}", True),
        (f"{PR} ({FACTUEL})", True),
        ("voir le site de l'université", False),
    ],
)
def test_url_in_text(citation: str, expected: bool) -> None:
    assert url_in_text(citation) is expected


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
