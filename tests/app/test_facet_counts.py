"""AppTest of the facet counts on the filter chips: the partners page's type, country and relation chips
and the sidebar's axis and city chips say what each choice would give (with every other filter, not
their own); changing counts keep the visitor's choices and the URL.

Runs on the partners page's test data (tests/app/test_partners_page.py): ul (university, member, Nancy,
all axes), hus (hospital, member, Strasbourg, health), inria (research, member, Villers-lès-Nancy, nlp),
saar (research, cooperation, Saarbrücken, DE, nlp), region (local authority, partner, no city, no axis).
The one event of the minimal data is in Villers-lès-Nancy, with no axis.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import query_values, run_app_page
from tests.app.test_partners_page import PARTNERS
from tests.conftest import write_data_dir


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_data_dir(tmp_path / "data", partners=PARTNERS)
    monkeypatch.setenv("ENACT_DATA_DIR", str(path))
    return path


def chips(at: AppTest, key: str) -> list[str]:
    """The chips' labels, as the browser shows them (and as a screen reader names the buttons)."""
    return [option.content for option in at.button_group(key=key).proto.options]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"lang": "fr"}, {
            "flt_ptype": ["Université (1)", "Organisme de recherche (2)", "Hôpital (1)", "Entreprise (0)",
                          "Collectivité (1)", "Réseau ou programme (0)"],
            "flt_country": ["France (4)", "Allemagne (1)"],
            "flt_relation": ["Membre (3)", "Partenaire (1)", "Réseau (0)", "Coopération (1)"],
            "flt_axis": ["Langues (3)", "Santé numérique (2)"],
            "flt_city": ["Nancy (1)", "Saarbrücken (1)", "Strasbourg (1)", "Villers-lès-Nancy (1)"],
        }),
        # a facet's own choice leaves its counts as they were; the other facets count within it
        ({"lang": "fr", "ptype": "research_organisation"}, {
            "flt_ptype": ["Université (1)", "Organisme de recherche (2)", "Hôpital (1)", "Entreprise (0)",
                          "Collectivité (1)", "Réseau ou programme (0)"],
            "flt_country": ["France (1)", "Allemagne (1)"],
            "flt_relation": ["Membre (1)", "Partenaire (0)", "Réseau (0)", "Coopération (1)"],
            "flt_axis": ["Langues (2)", "Santé numérique (0)"],
            "flt_city": ["Nancy (0)", "Saarbrücken (1)", "Strasbourg (0)", "Villers-lès-Nancy (1)"],
        }),
        # the shared filters, the page's and the search together, in German
        ({"lang": "de", "axis": "nlp", "country": "FR", "q": "nancy"}, {
            "flt_ptype": ["Universität (1)", "Forschungseinrichtung (1)", "Krankenhaus (0)",
                          "Unternehmen (0)", "Gebietskörperschaft (0)", "Netzwerk oder Programm (0)"],
            "flt_country": ["Frankreich (2)", "Deutschland (0)"],
            "flt_relation": ["Mitglied (2)", "Partner (0)", "Netzwerk (0)", "Kooperation (0)"],
            "flt_axis": ["Sprache (2)", "Digitale Gesundheit (1)"],
            "flt_city": ["Nancy (1)", "Saarbrücken (0)", "Strasbourg (0)", "Villers-lès-Nancy (1)"],
        }),
    ],
)
def test_the_chips_say_what_each_choice_would_give(query: dict[str, str],
                                                   expected: dict[str, list[str]]) -> None:
    at = run_app_page("partners", **query)
    assert not at.exception
    assert {key: chips(at, key) for key in expected} == expected


def test_a_chosen_choice_that_gives_nobody_stays_chosen_and_says_so() -> None:
    at = run_app_page("partners", lang="en", ptype="company")
    assert not at.exception
    assert "Company (0)" in chips(at, "flt_ptype")
    assert at.button_group(key="flt_ptype").value == ["company"]
    assert at.button("partners_clear")  # the empty view's way back


def test_the_counts_follow_the_visitors_choices_and_keep_them() -> None:
    at = run_app_page("partners", lang="fr")
    at.button_group(key="flt_ptype").select("research_organisation").run()
    assert chips(at, "flt_country") == ["France (1)", "Allemagne (1)"]
    at.button_group(key="flt_country").select("DE").run()
    assert not at.exception
    # both choices stay, in the widgets and in the URL, under their new labels
    assert at.button_group(key="flt_ptype").value == ["research_organisation"]
    assert at.button_group(key="flt_country").value == ["DE"]
    assert query_values(at, "ptype") == ["research_organisation"]
    assert query_values(at, "country") == ["DE"]
    assert chips(at, "flt_ptype")[:3] == ["Université (0)", "Organisme de recherche (1)", "Hôpital (0)"]
    at.sidebar.button_group(key="flt_axis").select("health").run()
    assert not at.exception
    assert chips(at, "flt_ptype")[:3] == ["Université (0)", "Organisme de recherche (0)", "Hôpital (0)"]
    assert (query_values(at, "axis"), query_values(at, "ptype"), query_values(at, "country")) == (
        ["health"], ["research_organisation"], ["DE"])
    # a second choice in the same facet adds to the first
    at.button_group(key="flt_country").select("FR").run()
    assert at.button_group(key="flt_country").value == ["DE", "FR"]
    assert query_values(at, "country") == ["DE", "FR"]


def test_the_sidebar_counts_the_events_on_the_events_page_and_nothing_elsewhere() -> None:
    at = run_app_page("events", lang="en")
    assert not at.exception
    # the one event has no axis, in Villers-lès-Nancy
    assert chips(at, "flt_axis") == ["Language (0)", "Digital health (0)"]
    assert chips(at, "flt_city") == ["Nancy (0)", "Saarbrücken (0)", "Strasbourg (0)",
                                     "Villers-lès-Nancy (1)"]
    assert chips(at, "flt_etype")[0] == "Annual day (1)"  # the page's own chips too
    assert "General public (0)" in chips(at, "flt_audience")
    for page in ("home", "achievements", "about"):
        at = run_app_page(page, lang="en")
        assert not at.exception
        assert chips(at, "flt_axis") == ["Language", "Digital health"], page
