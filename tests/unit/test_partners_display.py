"""What the partners page shows as text: list view, detail card (escaped), options, by-city view."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from enact_dash.partners import (
    LIST_COLUMNS,
    city_choices,
    city_table,
    country_help,
    country_label,
    country_options,
    detail_card_html,
    list_columns,
    list_frame,
    name_choices,
    partner_detail,
    partner_row,
    relation_label,
)
from enact_dash.partners.display import linkify
from enact_dash.partners.summary import by_city
from tests.conftest import HOSTILE_NAME
from tests.unit.test_partners_filtering import frame, partner

AXES = {"nlp": "Langues et modèles multimodaux", "health": "Santé numérique"}

VIEW = frame(
    partner("ul", name="Université de Lorraine", short_name="UL", city="Nancy", axes=("all",), lead=True,
            lat=48.69, lon=6.18, website="https://www.univ-lorraine.fr",
            source="Communiqué de presse ; https://factuel.univ-lorraine.fr/node/30200",
            note_fr="Établissement porteur.", note_en="Lead institution.", note_de=""),
    partner("chru", name="CHRU de Nancy", short_name="chru de nancy", type="hospital", city="Nancy",
            axes=("health", "nlp"), lat=48.69, lon=6.18),
    partner("region", name="Région Grand Est", type="local_authority", relation="partner",
            website="javascript:alert(1)"),
    partner("network", name="Réseau", type="network", relation="network", country="", axes=("x",)),
)


@pytest.mark.parametrize(
    ("lang", "row", "expected"),
    [
        ("fr", 0, ("Université de Lorraine (UL)", "Université", "Nancy", "France",
                   "Membre (porteur du cluster)", "Tous les axes", True, "https://www.univ-lorraine.fr",
                   "Communiqué de presse\u202f; factuel.univ-lorraine.fr")),
        ("en", 1, ("CHRU de Nancy", "Hospital", "Nancy", "France", "Member",
                   "Digital health, Language", True, None, "test")),
        ("fr", 2, ("Région Grand Est", "Collectivité", "site non précisé", "France", "Partenaire",
                   "Axe non précisé", False, None, "test")),
        ("de", 2, ("Région Grand Est", "Gebietskörperschaft", "Standort nicht angegeben", "Frankreich",
                   "Partner", "Achse nicht angegeben", False, None, "test")),
        ("en", 3, ("Réseau", "Network or programme", "site not specified", "unknown", "Network", "x",
                   False, None, "test")),
    ],
)
def test_list_frame_rows(lang: str, row: int, expected: tuple[object, ...]) -> None:
    axes = {"nlp": "Language", "health": "Digital health"} if lang == "en" else AXES
    table = list_frame(VIEW, lang, axes)
    assert list(table.columns) == ["id", *LIST_COLUMNS]
    cells = tuple(None if pd.isna(v) else v for v in table.iloc[row][list(LIST_COLUMNS)])
    assert cells == expected


def test_list_frame_keeps_order_and_ids() -> None:
    assert list(list_frame(VIEW.iloc[::-1], "fr", AXES)["id"]) == ["network", "region", "chru", "ul"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Nom", "Type", "Ville", "Pays", "Relation", "Axes de recherche", "Sur la carte",
                "Site web", "Source"]),
        ("en", ["Name", "Type", "City", "Country", "Relation", "Research axes", "On the map", "Website",
                "Source"]),
        ("de", ["Name", "Art", "Ort", "Land", "Beziehung", "Forschungsachsen", "Auf der Karte", "Website",
                "Quelle"]),
    ],
)
def test_list_headers_are_translated(lang: str, expected: list[str]) -> None:
    assert list(list_columns(lang).values()) == expected


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [("DE", "fr", "Allemagne"), ("DE", "de", "Deutschland"), ("LU", "en", "Luxembourg"),
     ("IT", "fr", "Italie"), ("IT", "de", "Italien"), ("", "fr", "")],
)
def test_country_label(code: str, lang: str, expected: str) -> None:
    assert country_label(code, lang) == expected


@pytest.mark.parametrize(
    ("relation", "lead", "lang", "expected"),
    [("member", True, "fr", "Membre (porteur du cluster)"), ("member", False, "en", "Member"),
     ("cooperation", False, "de", "Kooperation"), ("member", "oui", "fr", "Membre"),
     ("member", math.nan, "fr", "Membre")],
)
def test_relation_label(relation: str, lead: object, lang: str, expected: str) -> None:
    assert relation_label(relation, lead, lang) == expected


def test_country_options_france_first_then_codes_plus_selected() -> None:
    partners = frame(partner("a", country="LU"), partner("b", country="DE"), partner("c"),
                     partner("d", country=""))
    assert country_options(partners) == ["FR", "DE", "LU"]
    assert country_options(partners, ("CH",)) == ["FR", "CH", "DE", "LU"]


@pytest.mark.parametrize(
    ("codes", "selected", "expected"),
    [
        (("EU", "FR", "DE"), (), ["FR", "DE", "EU"]),  # the European Union after the countries
        (("EU", "UN", "LU"), ("CH",), ["CH", "LU", "EU", "UN"]),
        (("EU",), (), ["EU"]),
    ],
)
def test_country_options_put_what_is_no_country_last(codes: tuple[str, ...], selected: tuple[str, ...],
                                                     expected: list[str]) -> None:
    partners = frame(*(partner(f"p{i}", country=code) for i, code in enumerate(codes)))
    assert country_options(partners, selected) == expected


@pytest.mark.parametrize(
    ("options", "lang", "expected"),
    [
        (["FR", "DE"], "fr", None),  # only countries: the chips' usual help
        ([], "en", None),
        (["FR", "EU"], "fr", "Sans choix\u00a0: tout. Plusieurs choix possibles. «\u202fUnion "
                             "européenne\u202f» n’est pas "
                             "un pays mais un échelon au-dessus des pays\u00a0: ses partenaires ne sont pas "
                             "comptés dans le nombre de pays."),
        (["FR", "EU"], "en", "None chosen: all. You can choose several. “European Union” is not a country "
                             "but a level above countries: its partners are not counted in the number of "
                             "countries."),
        (["EU"], "de", "Keine Auswahl: alle. Mehrfachauswahl möglich. „Europäische Union“ ist kein Land, "
                       "sondern eine Ebene über den Ländern; ihre Partner werden bei der Zahl der Länder "
                       "nicht mitgezählt."),
    ],
)
def test_country_help_says_the_european_union_is_no_country(options: list[str], lang: str,
                                                            expected: str | None) -> None:
    assert country_help(options, lang) == expected


def test_name_choices_sorted_by_name() -> None:
    assert list(name_choices(VIEW).items()) == [
        ("chru", "CHRU de Nancy"), ("region", "Région Grand Est"), ("network", "Réseau"),
        ("ul", "Université de Lorraine (UL)"),
    ]


def test_partner_row() -> None:
    assert partner_row(VIEW, "chru")["name"] == "CHRU de Nancy"
    assert partner_row(VIEW, "nobody") is None
    assert partner_row(VIEW, "") is None


def card(row: int, lang: str = "fr") -> str:
    return detail_card_html(partner_detail(VIEW.iloc[row].to_dict(), lang, AXES), lang)


def test_detail_card_shows_every_field_with_links() -> None:
    html = card(0)
    assert "<h3>Université de Lorraine</h3>" in html
    assert '<p class="short">UL</p>' in html
    for text in ("Université", "Nancy", "France", "Tous les axes", "Membre (porteur du cluster)",
                 "Établissement porteur."):
        assert text in html
    assert ('<a href="https://www.univ-lorraine.fr" rel="noopener noreferrer" target="_blank">'
            "https://www.univ-lorraine.fr</a>") in html
    assert 'href="https://factuel.univ-lorraine.fr/node/30200"' in html
    assert 'class="off-map"' not in html


@pytest.mark.parametrize(
    ("lang", "note"),
    [("fr", "Établissement porteur."), ("en", "Lead institution."), ("de", "Établissement porteur.")],
)
def test_detail_note_in_the_language_falls_back_to_french(lang: str, note: str) -> None:
    assert partner_detail(VIEW.iloc[0].to_dict(), lang, AXES).note == note


def test_detail_card_says_what_is_unknown() -> None:
    html = card(2)
    assert "site non précisé" in html
    assert "Lieu non connu\u00a0: ce partenaire figure dans la liste, pas sur la carte." in html
    assert "javascript:" not in html  # an unsafe website never becomes a link, nor text
    assert "<dt>Site web</dt><dd>non connu</dd>" in html


HOSTILE = frame(partner(
    "hostile", name=HOSTILE_NAME, short_name="<script>alert(2)</script>", city="<b>Nancy</b>",
    source='x ; https://example.org/"><img src=x onerror=alert(3)>', note_fr="<iframe src=javascript:1>",
))


def test_detail_card_escapes_every_value() -> None:
    html = detail_card_html(partner_detail(HOSTILE.iloc[0].to_dict(), "fr", AXES), "fr")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;Nancy&lt;/b&gt;" in html
    assert "&lt;iframe" in html
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {"style", "section", "h3", "p", "dl", "dt", "dd", "a"}
    assert 'href="https://example.org/"' in html  # the link stops before the quote


def test_list_frame_keeps_hostile_text_as_text() -> None:
    table = list_frame(HOSTILE, "fr", AXES)
    assert table.iloc[0]["name"] == f"{HOSTILE_NAME} (<script>alert(2)</script>)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Communiqué", "Communiqué"),
        ("site\u00a0: https://x.fr/a.", 'site\u00a0: <a href="https://x.fr/a" rel="noopener noreferrer" '
                                   'target="_blank">https://x.fr/a</a>.'),
        ("a < b & c", "a &lt; b &amp; c"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        # The address as written in the link, readable in the text (not "Universit%C3%A9").
        ("site\u00a0: https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine",
         'site\u00a0: <a href="https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine" '
         'rel="noopener noreferrer" target="_blank">https://fr.wikipedia.org/wiki/Université_de_Lorraine</a>'),
    ],
)
def test_linkify(text: str, expected: str) -> None:
    assert linkify(text) == expected


def test_city_choices_and_table() -> None:
    cities = by_city(frame(partner("a", city="Nancy"), partner("b", city="Nancy"),
                           partner("c", city="Saarbrücken", country="DE")))
    assert city_choices(cities, "fr") == {"Nancy": "Nancy (France) — 2",
                                          "Saarbrücken": "Saarbrücken (Allemagne) — 1"}
    assert city_table(cities, "en").to_dict("records") == [
        {"city": "Nancy", "country": "France", "partners": 2},
        {"city": "Saarbrücken", "country": "Germany", "partners": 1},
    ]

