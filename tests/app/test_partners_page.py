"""AppTest of the partners page: filters from the URL and from the widgets change the count, the list
and the map's embedded data; partner selection; by-city view; every language; hostile data.

The page runs on a small data directory built here (``ENACT_DATA_DIR``), so the expectations do not
move with the real data; one smoke test runs the bundled data in each language.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from enact_dash.partners import view as pt_view
from tests.app.conftest import native_fields, page_text, query_values, run_app_page, submit_native
from tests.conftest import HOSTILE_NAME, write_data_dir


def partner(partner_id: str, name: str, ptype: str, relation: str, city: str, country: str,
            axes: str, **more: str) -> dict[str, str]:
    return {"id": partner_id, "name": name, "type": ptype, "relation": relation, "city": city,
            "country": country, "axes": axes, "source": "test", **more}


# Test data, not facts: the relations are made up to cover every filter.
PARTNERS = [
    partner("ul", "Université de Lorraine", "university", "member", "Nancy", "FR", "all",
            short_name="UL", lead="oui", website="https://www.univ-lorraine.fr"),
    partner("hus", "Hôpitaux Universitaires de Strasbourg", "hospital", "member", "Strasbourg", "FR",
            "health"),
    partner("inria", "Inria", "research_organisation", "member", "Villers-lès-Nancy", "FR", "nlp"),
    partner("saar", "Forschungsinstitut Saar", "research_organisation", "cooperation", "Saarbrücken",
            "DE", "nlp"),
    partner("region", "Région Grand Est", "local_authority", "partner", "", "FR", ""),
]
ALL = ["ul", "hus", "inria", "saar", "region"]
LOCATED = ["ul", "hus", "inria", "saar"]  # the region has no site: listed, not mapped
# The list is sorted by name (accents and case ignored): Forschungsinstitut, Hôpitaux, Inria, Région,
# Université.
BY_NAME = ["saar", "hus", "inria", "region", "ul"]


def by_name(ids: list[str]) -> list[str]:
    return [i for i in BY_NAME if i in ids]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_data_dir(tmp_path / "data", partners=PARTNERS)
    monkeypatch.setenv("ENACT_DATA_DIR", str(path))
    return path


def list_table_html(at: AppTest) -> str:
    tables = [h.proto.body for h in at.get("html") if "<table class=\"enact-table\"" in h.proto.body]
    return tables[0] if tables else ""


def list_rows(at: AppTest) -> list[list[str]]:
    """The list view's rows as the visitor reads them (cell texts, HTML entities decoded)."""
    body = re.split(r"<tbody[^>]*>", list_table_html(at), maxsplit=1)[-1]
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)]


def listed_ids(at: AppTest) -> list[str]:
    """The partners of the list view, in its order (from each name's link to the partner's card)."""
    body = re.split(r"<tbody[^>]*>", list_table_html(at), maxsplit=1)[-1]
    return re.findall(r'href="\?[^"]*?partner=([a-z0-9_-]+)', body)


def open_city_tab(at: AppTest) -> AppTest:
    """Choose the by-city tab (it runs only once chosen), as a click on it does."""
    at.session_state["partners_tabs"] = at.tabs[1].label
    return at.run()


def map_data(at: AppTest) -> tuple[dict[str, Any], dict[str, Any]]:
    """The points payload and options embedded in the map's script (see enact_dash.maps.payload)."""
    maps = [c for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")]
    assert len(maps) == 1
    script = json.loads(maps[0].proto.json_args)["script"]
    decoder = json.JSONDecoder()
    payload, end = decoder.raw_decode(script, script.index('{"v":1,'))
    options, _ = decoder.raw_decode(script, script.index("{", end))
    return payload, options


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**"))


def infos(at: AppTest) -> list[str]:
    """The info boxes' texts as read (Markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", box.value) for box in at.info]


def card_html(at: AppTest) -> str:
    cards = [h.proto.body for h in at.get("html") if "enact-card" in h.proto.body]
    return cards[0] if cards else ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Partenaires", "**5 partenaires dans 4 villes, 2 pays.** 1 partenaire sans lieu connu",
                "1 partenaire sans lieu connu figure dans la liste, mais pas sur la carte.",
                "Limites\u00a0: IGN ADMIN EXPRESS (Licence Ouverte 2.0)", "Liste", "Par ville"]),
        ("en", ["Partners", "**5 partners in 4 cities, 2 countries.** 1 partner with no known",
                "1 partner with no known location is in the list, but not on the map.",
                "Boundaries: IGN ADMIN EXPRESS (Licence Ouverte 2.0)", "List", "By city"]),
        ("de", ["Partner", "**5 Partner in 4 Orten, 2 Ländern.** 1 Partner ohne bekannten",
                "1 Partner ohne bekannten Standort steht in der Liste, aber nicht auf der Karte.",
                "Grenzen: IGN ADMIN EXPRESS (Licence Ouverte 2.0)", "Liste", "Nach Ort"]),
    ],
)
def test_page_in_each_language(lang: str, expected: list[str]) -> None:
    at = run_app_page("partners", lang=lang)
    assert not at.exception
    text = page_text(at) + "\n" + "\n".join(tab.label for tab in at.tabs)
    for snippet in expected:
        assert snippet in text
    assert at.title[0].value == expected[0]
    assert listed_ids(at) == BY_NAME
    region = list_rows(at)[BY_NAME.index("region")]
    assert region[2] == {"fr": "site non précisé", "en": "site not specified",
                         "de": "Standort nicht angegeben"}[lang]
    assert region[6] == {"fr": "non", "en": "no", "de": "nein"}[lang]  # not on the map
    assert at.download_button(key="partners_csv").proto.label
    assert at.download_button(key="partners_json").proto.label
    # The detail section has a heading under the page's title, anchored for the list's links.
    assert [(h.tag, h.proto.anchor) for h in at.header] == [("h2", pt_view.CARD_ANCHOR)]
    assert at.header[0].value == {"fr": "Fiche du partenaire", "en": "Partner details",
                                  "de": "Steckbrief des Partners"}[lang]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ALL),
        ({"ptype": "hospital"}, ["hus"]),
        ({"ptype": ["university", "hospital"]}, ["ul", "hus"]),
        ({"country": "DE"}, ["saar"]),
        ({"relation": "cooperation,partner"}, ["saar", "region"]),
        ({"q": "univ"}, ["ul", "hus"]),
        ({"q": "universite"}, ["ul"]),
        ({"q": "saarbrucken"}, ["saar"]),
        ({"axis": "health"}, ["ul", "hus"]),
        ({"city": "nancy"}, ["ul"]),
        ({"axis": "nlp", "country": "FR"}, ["ul", "inria"]),
        ({"ptype": "company", "relation": "member"}, []),
    ],
)
def test_query_params_change_count_list_and_map(query: dict[str, str | list[str]],
                                                expected: list[str]) -> None:
    at = run_app_page("partners", lang="en", **query)
    assert not at.exception
    assert listed_ids(at) == by_name(expected)
    if expected:
        payload, _ = map_data(at)
        assert payload["id"] == [p for p in expected if p in LOCATED]
        assert payload["n"] == len(payload["id"])
        assert summary(at).startswith(f"**{len(expected)} partner")
    else:  # one message and a way back, nothing else (see test_an_empty_view_is_one_message_and_a_way_back)
        [message] = infos(at)  # companies asked for: why none is listed, instead of "nobody"
        assert message.startswith("No public source names the companies that support the project")
        assert at.get("component_instance") == []


def test_type_widget_rewrites_the_url_list_and_map() -> None:
    at = run_app_page("partners", lang="fr")
    at.button_group(key="flt_ptype").select("research_organisation").run()
    assert not at.exception
    assert query_values(at, "ptype") == ["research_organisation"]
    assert listed_ids(at) == ["saar", "inria"]
    assert map_data(at)[0]["id"] == ["inria", "saar"]
    assert summary(at).startswith("**2 partenaires dans 2 villes, 2 pays.**")


def test_search_widget_filters_and_goes_to_the_url() -> None:
    at = run_app_page("partners", lang="de")
    assert native_fields(at)["q"] == {"kind": "search", "label": "Suchen (Name, Kürzel, Ort, Hinweis)",
                                      "value": "", "placeholder": "z. B. Inria, Strasbourg", "maxLength": 100}
    submit_native(at, "q", "  Villers   les ")
    assert not at.exception
    assert query_values(at, "q") == ["Villers les"]  # spaces made one
    assert native_fields(at)["q"]["value"] == "Villers les"
    assert listed_ids(at) == ["inria"]
    submit_native(at, "q", "")
    assert not at.exception
    assert query_values(at, "q") == []
    assert listed_ids(at) == BY_NAME


@pytest.mark.parametrize(("lang", "query"), [("de", "Straßburg"), ("fr", "Strassburg"), ("en", "Sarrebruck")])
def test_search_finds_a_city_by_its_other_name(lang: str, query: str) -> None:
    at = run_app_page("partners", lang=lang)
    submit_native(at, "q", query)
    assert not at.exception
    expected = ["saar"] if query == "Sarrebruck" else ["hus"]
    assert sorted(listed_ids(at)) == expected


def test_country_options_come_from_the_data_with_labels() -> None:
    at = run_app_page("partners", lang="fr")
    # with what each would give (tests/app/test_facet_counts.py)
    options = at.button_group(key="flt_country").proto.options
    assert [o.content for o in options] == ["France (4)", "Allemagne (1)"]


def test_partner_from_the_url_opens_its_card_and_is_selected_on_the_map() -> None:
    at = run_app_page("partners", lang="en", partner="ul")
    assert not at.exception
    card = card_html(at)
    assert "<h3>Université de Lorraine</h3>" in card
    assert "Member (cluster lead)" in card
    assert map_data(at)[1]["selected"] == "ul"
    assert native_fields(at)["partners_pick"]["value"] == "ul"


def test_choosing_a_partner_sets_the_url_and_the_card() -> None:
    at = run_app_page("partners", lang="fr")
    assert card_html(at) == ""
    pick = native_fields(at)["partners_pick"]
    assert pick["options"][0] == ["", "— aucun partenaire —"]
    assert [value for value, _ in pick["options"][1:]] == BY_NAME  # every partner of the view, by name
    submit_native(at, "partners_pick", "region")
    assert not at.exception
    assert query_values(at, "partner") == ["region"]
    card = card_html(at)
    assert "<h3>Région Grand Est</h3>" in card
    assert "Lieu non connu" in card


def test_a_partner_outside_the_filters_has_no_card() -> None:
    at = run_app_page("partners", lang="fr", partner="ul", ptype="hospital")
    assert not at.exception
    assert card_html(at) == ""
    assert "Le partenaire de ce lien n’est pas dans la vue actuelle" in page_text(at)
    assert native_fields(at)["partners_pick"]["value"] == ""


def test_choosing_a_city_sets_the_shared_city_filter() -> None:
    at = open_city_tab(run_app_page("partners", lang="en", ptype=["university", "hospital"]))
    city = native_fields(at)["partners_city"]
    assert city["options"] == [["", "All cities"], ["Nancy", "Nancy (France) — 1"],
                               ["Strasbourg", "Strasbourg (France) — 1"]]
    assert city["value"] == ""
    submit_native(at, "partners_city", "Strasbourg")
    assert not at.exception
    assert query_values(at, "city") == ["Strasbourg"]
    assert at.button_group(key="flt_city").value == ["Strasbourg"]  # the sidebar follows
    # the by-city tab stays open, and still offers the other cities (it ignores the city filter)
    city = native_fields(at)["partners_city"]
    assert len(city["options"]) == 3
    assert city["value"] == "Strasbourg"
    submit_native(at, "partners_city", "")
    assert query_values(at, "city") == []
    assert native_fields(at)["partners_city"]["value"] == ""  # still open


def test_hostile_partner_is_text_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = partner("hostile", HOSTILE_NAME, "company", "partner", "Metz", "FR", "nlp",
                      short_name="<b>x</b>", note_fr="<script>alert(2)</script>")
    monkeypatch.setenv("ENACT_DATA_DIR", str(write_data_dir(tmp_path / "hostile", partners=[hostile])))
    at = run_app_page("partners", lang="fr", partner="hostile")
    assert not at.exception
    card = card_html(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in card
    assert "<img" not in card
    assert "<script>" not in card
    assert [row[0] for row in list_rows(at)] == [f"{HOSTILE_NAME} (<b>x</b>)"]  # a cell: text
    assert "<b>" not in list_table_html(at)
    payload, _ = map_data(at)
    assert payload["t"] == [HOSTILE_NAME]  # the browser writes it with textContent
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert HOSTILE_NAME not in script  # "<" travels as \u003c inside the script


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_bundled_data_renders(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENACT_DATA_DIR")
    at = run_app_page("partners", lang=lang)
    assert not at.exception
    assert len(listed_ids(at)) > 0
    assert len(map_data(at)[0]["id"]) > 0


def test_a_long_list_comes_in_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 2)
    at = run_app_page("partners", lang="en")
    assert not at.exception
    assert listed_ids(at) == ["saar", "hus"]
    assert "Partners 1 to 2 of 5" in page_text(at)
    assert map_data(at)[0]["id"] == LOCATED  # the map keeps every partner of the view
    assert native_fields(at)["page"]["options"] == [["1", "1"], ["2", "2"], ["3", "3"]]
    submit_native(at, "page", "3")
    assert not at.exception
    assert listed_ids(at) == ["ul"]
    assert "Partners 5 to 5 of 5" in page_text(at)
    assert at.query_params["page"] == "3"  # the link to this view has the page
    # and so has a name's link to its card
    assert 'partner=ul&amp;page=3#partner-card"' in list_table_html(at)
    at.button_group(key="flt_ptype").select("hospital").run()  # a shorter view: one page, no pager
    assert listed_ids(at) == ["hus"]
    assert "page" not in native_fields(at)
    assert "page" not in at.query_params


@pytest.mark.parametrize(("page", "ids", "shown"), [("2", ["inria", "region"], 2), ("99", ["ul"], 3)])
def test_a_link_opens_the_list_on_its_page(monkeypatch: pytest.MonkeyPatch, page: str, ids: list[str],
                                           shown: int) -> None:
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 2)
    at = run_app_page("partners", lang="en", page=page)
    assert not at.exception
    assert listed_ids(at) == ids
    assert native_fields(at)["page"]["value"] == str(shown)  # beyond the last page: the last one
    assert at.query_params["page"] == str(shown)


def test_a_page_beyond_a_short_list_is_its_only_page() -> None:
    at = run_app_page("partners", lang="en", page="5")
    assert not at.exception
    assert "page" not in native_fields(at)
    assert listed_ids(at) == BY_NAME
    assert "page" not in at.query_params


def test_a_link_with_cities_spelled_otherwise_keeps_its_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 1)
    at = run_app_page("partners", lang="en", city=["nancy", "STRASBOURG"], page="2")
    assert not at.exception
    assert query_values(at, "city") == ["Nancy", "Strasbourg"]  # spelled as in the data...
    assert listed_ids(at) == ["ul"]  # ...on the page the link named
    assert at.query_params["page"] == "2"


def test_another_language_keeps_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 2)
    at = run_app_page("partners", lang="en", page="2")
    at.sidebar.button_group(key="flt_lang").set_value("de").run()
    assert not at.exception
    assert native_fields(at)["page"]["value"] == "2"
    assert listed_ids(at) == ["inria", "region"]


def test_a_new_order_starts_on_the_first_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 2)
    at = run_app_page("partners", lang="en", page="3")
    submit_native(at, "sort", "-name")
    assert not at.exception
    assert native_fields(at)["page"]["value"] == "1"
    assert listed_ids(at) == BY_NAME[::-1][:2]
    assert "page" not in at.query_params


def test_a_short_list_has_no_pager() -> None:
    at = run_app_page("partners", lang="fr")
    assert "page" not in native_fields(at)
    assert "Partenaires 1 à" not in page_text(at)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", BY_NAME),
        ("-name", BY_NAME[::-1]),
        ("city", ["ul", "saar", "hus", "inria", "region"]),  # no known site: last
        ("-city", ["inria", "hus", "saar", "ul", "region"]),  # last both ways
        ("country", ["saar", "hus", "inria", "region", "ul"]),  # Allemagne, then France by name
        ("bogus", BY_NAME),  # an unknown column: the default, no error
        ("-", BY_NAME),
    ],
)
def test_sort_from_the_url(sort: str, expected: list[str]) -> None:
    at = run_app_page("partners", lang="fr", sort=sort)
    assert not at.exception
    assert listed_ids(at) == expected


def test_sort_widget_rewrites_the_url_and_marks_the_column() -> None:
    at = run_app_page("partners", lang="en")
    assert 'aria-sort="ascending">Name</th>' in list_table_html(at)
    assert native_fields(at)["sort"]["value"] == "name"
    submit_native(at, "sort", "-city")
    assert not at.exception
    assert query_values(at, "sort") == ["-city"]
    assert listed_ids(at) == ["inria", "hus", "saar", "ul", "region"]
    assert 'aria-sort="descending">City</th>' in list_table_html(at)
    assert "sorted by City (Z → A)" in list_table_html(at)
    assert native_fields(at)["sort"]["value"] == "-city"
    submit_native(at, "sort", "name")
    assert query_values(at, "sort") == []  # the default is left out of the link


def test_each_name_links_to_the_view_with_its_card() -> None:
    at = run_app_page("partners", lang="en", ptype="hospital")
    # The fragment brings the reloaded page to the detail section (its heading's anchor).
    assert ('href="?lang=en&amp;ptype=hospital&amp;partner=hus#partner-card" target="_self"'
            in list_table_html(at))


@pytest.mark.parametrize(
    ("query", "message", "button", "after"),
    [
        ({"lang": "fr", "q": "zzzz"}, "Aucun partenaire ne correspond à la recherche «\u202fzzzz\u202f».",
         "Effacer les filtres de cette page", {}),  # French: the default, left out of the link
        # companies asked for: the cluster has some, that no source names (said instead of "nobody")
        ({"lang": "en", "ptype": "company", "axis": "health", "partner": "ul"},
         "No public source names the companies that support the project, so none is in this list.",
         "Clear this page’s filters",
         {"lang": ["en"], "axis": ["health"]}),
        ({"lang": "de", "ptype": "hospital", "country": "DE"},
         "Kein Partner entspricht den gewählten Filtern.",
         "Filter dieser Seite zurücksetzen", {"lang": ["de"]}),
        # only the sidebar's city empties the view: the button clears the sidebar's filters
        ({"lang": "en", "axis": "health", "city": "Saarbrücken", "sort": "-city"},
         "No partner matches the filters chosen.", "Clear the sidebar’s filters",
         {"lang": ["en"], "sort": ["-city"]}),
        # a search with markup stays text
        ({"lang": "en", "q": "*<b>x</b>*"}, "No partner matches the search “*<b>x</b>*”.",
         "Clear this page’s filters", {"lang": ["en"]}),
    ],
)
def test_an_empty_view_is_one_message_and_a_way_back(query: dict[str, str], message: str, button: str,
                                                     after: dict[str, list[str]]) -> None:
    at = run_app_page("partners", **query)
    assert not at.exception
    assert infos(at) == [message]  # one message: not the map's, nor the card's
    assert "<b>" not in at.info[0].value  # Markdown-escaped: a search is shown as typed, never as markup
    assert not any(m.value.startswith("**") for m in at.markdown)  # no summary sentence
    assert at.get("component_instance") == []  # no map
    assert at.tabs == []  # no empty table
    assert list_table_html(at) == ""
    assert at.get("download_button") == []  # no download of an empty file
    assert at.header == []  # no detail section
    clear = at.button(key="partners_clear")
    assert clear.label == button
    clear.click().run()
    assert not at.exception
    assert {key: query_values(at, key) for key in at.query_params} == after
    assert at.info == [] or "No partner matches" not in at.info[0].value
    assert listed_ids(at)  # the list is back


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({}, "1 partner with no known city is not in this table."),  # the region
        ({"ptype": "local_authority"}, None),  # no city at all: "no known city", no table, no note
        ({"ptype": "hospital"}, None),  # every partner has a city
    ],
)
def test_the_city_tab_says_who_it_leaves_out(query: dict[str, str], said: str | None) -> None:
    at = open_city_tab(run_app_page("partners", lang="en", **query))
    assert not at.exception
    notes = [c.value for c in at.caption if "no known city" in c.value]
    assert notes == ([said] if said else [])


def test_the_city_tab_runs_only_once_chosen() -> None:
    at = run_app_page("partners", lang="en")
    assert "partners_city" not in native_fields(at)
    open_city_tab(at)
    assert not at.exception
    assert "partners_city" in native_fields(at)
    assert listed_ids(at) == []  # the list's tab does not run meanwhile
    assert "Saarbrücken" in page_text(at)


def test_a_long_city_list_offers_the_most_named_and_accepts_a_typed_city(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from enact_dash.ui import sidebar

    monkeypatch.setattr(sidebar, "MAX_CITY_OPTIONS", 2)
    at = run_app_page("partners", lang="en")
    assert not at.sidebar.multiselect  # a long list runs only once its expander is opened
    assert "City" in [e.label for e in at.sidebar.expander]
    at.session_state[sidebar.CITY_OPEN_KEY] = True  # what opening it does
    at.run()
    city = at.multiselect(key="flt_city")
    assert city.label == "Choose or type cities"
    assert len(city.options) == 2
    assert not city.help  # said in the expander's text: a tooltip's button is "Help for …" in English
    assert "type another city’s name to add it" in " ".join(c.value for c in at.sidebar.caption)
    city.set_value(["villers-les-nancy"]).run()  # typed, not in the list
    assert not at.exception
    assert query_values(at, "city") == ["Villers-lès-Nancy"]  # spelled as in the data
    assert at.multiselect(key="flt_city").value == ["Villers-lès-Nancy"]
    assert listed_ids(at) == ["inria"]
    at.multiselect(key="flt_city").set_value(["Atlantis"]).run()
    assert not at.exception
    assert query_values(at, "city") == []
    assert [toast.value.replace("\\", "") for toast in at.toast] == [
        "No partner or event in this city: Atlantis"]


@pytest.mark.parametrize(
    ("city", "expected_url", "expected_ids"),
    [
        ("nancy", ["Nancy"], ["ul"]),  # a link's spelling: shown and rewritten as the data's
        ("SAARBRUCKEN", ["Saarbrücken"], ["saar"]),
        ("Atlantis", [], BY_NAME),  # unknown: dropped
    ],
)
def test_a_city_from_a_link_is_spelled_as_in_the_data(city: str, expected_url: list[str],
                                                      expected_ids: list[str]) -> None:
    at = run_app_page("partners", lang="en", city=city)
    assert not at.exception
    assert query_values(at, "city") == expected_url
    assert at.button_group(key="flt_city").value == expected_url
    assert listed_ids(at) == expected_ids


def test_a_long_city_list_is_open_for_a_view_with_cities(monkeypatch: pytest.MonkeyPatch) -> None:
    from enact_dash.ui import sidebar

    monkeypatch.setattr(sidebar, "MAX_CITY_OPTIONS", 2)
    at = run_app_page("partners", lang="fr", city="Strasbourg")
    assert not at.exception
    assert at.multiselect(key="flt_city").value == ["Strasbourg"]
    assert query_values(at, "city") == ["Strasbourg"]



def test_a_long_city_list_stays_open_when_its_last_city_is_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    from enact_dash.ui import sidebar

    monkeypatch.setattr(sidebar, "MAX_CITY_OPTIONS", 2)
    at = run_app_page("partners", lang="en", city="Strasbourg")  # open: the view has a city
    at.multiselect(key="flt_city").set_value([]).run()
    assert not at.exception
    assert at.multiselect(key="flt_city").value == [], "the list closed under the visitor’s hand"
    at.sidebar.button_group(key="flt_lang").set_value("de").run()
    assert not at.exception
    assert at.multiselect(key="flt_city").label == "Städte wählen oder eintippen"


def test_a_filter_that_turns_from_chips_into_a_list_keeps_its_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    from enact_dash.ui import state

    at = run_app_page("partners", lang="en", city="Nancy")
    assert at.button_group(key="flt_city").value == ["Nancy"]
    monkeypatch.setattr(state, "CHIPS_MAX", 2)  # more cities than chips now (e.g. the data grew)
    at.run()
    assert not at.exception
    assert at.multiselect(key="flt_city").value == ["Nancy"]
    assert query_values(at, "city") == ["Nancy"]


@pytest.mark.parametrize(
    ("name", "value", "param"),
    [
        ("sort", "bogus", "sort"),  # not one of the list's orders
        ("partners_pick", "<script>alert(1)</script>", "partner"),  # not a partner of the view
        ("partners_pick", "saar", "partner"),  # a partner, but not of this view (hospitals only)
    ],
)
def test_a_native_field_ignores_a_value_it_does_not_offer(name: str, value: str, param: str) -> None:
    at = run_app_page("partners", lang="en", ptype="hospital")
    submit_native(at, name, value)
    assert not at.exception
    assert param not in at.query_params
    assert listed_ids(at) == ["hus"]


@pytest.mark.parametrize(("ptype", "said"), [("company", True), ("hospital", False)])
def test_companies_asked_for_and_none_listed_is_explained(ptype: str, said: bool) -> None:
    at = run_app_page("partners", lang="en", ptype=ptype)
    assert not at.exception
    infos = [i.value for i in at.info]
    assert any("No public source names the companies" in v for v in infos) is said


@pytest.mark.parametrize(
    ("page", "query", "said", "left"),
    [
        ("partners", {"lang": "en", "axis": "health", "ptype": "hospital"},
         "Filtered in the sidebar — research axis: Digital health.", {"ptype": ["hospital"]}),
    ],
)
def test_a_links_sidebar_filters_are_said_in_the_page_with_a_way_back(
    page: str, query: dict[str, str], said: str, left: dict[str, list[str]]
) -> None:
    # On a phone the sidebar is folded: the page itself says what narrows it.
    at = run_app_page(page, **query)
    assert not at.exception
    assert said in page_text(at).replace("\\", "")
    at.button(key=f"{page}_shared_clear").click().run()
    assert not at.exception
    assert said.split(" — ")[0] not in page_text(at)
    for name in ("axis", "city"):
        assert query_values(at, name) == []
    for name, values in left.items():
        assert query_values(at, name) == values  # the page's own filters stay
