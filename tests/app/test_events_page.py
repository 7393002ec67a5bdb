"""AppTest of the events page: every language, filters from the URL and from the widgets, selection,
honest partial dates, hostile data. ``ENACT_TODAY`` pins the day so that upcoming/past are stable."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from enact_dash.i18n import t
from tests.app.conftest import REPO, native_fields, page_text, query_values, run_app_page, submit_native

TODAY = "2025-11-01"


@pytest.fixture(autouse=True)
def pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENACT_TODAY", TODAY)


def event_expanders(at: AppTest) -> list[Any]:
    """The events' expanders (not the date-range filter's)."""
    return [e for e in at.expander if not e.proto.id.endswith("events_dates_open")]


def expander_labels(at: AppTest) -> list[str]:
    return [e.label for e in event_expanders(at)]


def period_text(at: AppTest) -> str:
    """The count line, which says the date range chosen."""
    text = next(m.value for m in at.markdown if "Period" in m.value or "Période" in m.value)
    return text.replace("\\", "")  # as read: without the Markdown escapes


def headings(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Agenda", "2026 — date à venir", "3–13 octobre 2025", "ne sont pas dans le fichier agenda",
                "Chronologie", "Carte", "Afficher la carte des événements"]),
        ("en", ["Events", "2026 — date to be announced", "3–13 October 2025",
                "with no known day are not in the calendar file", "Timeline", "Map",
                "Show the map of events"]),
        ("de", ["Veranstaltungen", "2026 — Termin folgt", "3.–13. Oktober 2025",
                "nicht in der Kalenderdatei", "Zeitleiste", "Karte",
                "Karte der Veranstaltungen anzeigen"]),
    ],
)
def test_events_page_in_each_language(lang: str, expected: list[str]) -> None:
    at = run_app_page("events", lang=lang)
    assert not at.exception
    text = page_text(at).replace("\\", "")  # markdown escapes removed: the text as read
    for snippet in expected:
        assert snippet in text
    assert at.download_button(key="events_ics").proto.label
    assert at.download_button(key="events_csv").proto.label


def test_upcoming_first_then_past() -> None:
    at = run_app_page("events", lang="en")
    assert headings(at)[:2] == ["Upcoming (4)", "Past (4)"]
    labels = expander_labels(at)
    assert labels[0].startswith("12 December 2025")  # the next event comes first
    assert labels[2].startswith("2026 — date to be announced")  # after January 2026
    assert labels[4].startswith("11–12 October 2025")  # the most recent past event


def test_type_from_the_url_filters_the_lists() -> None:
    at = run_app_page("events", lang="en", etype="fete_science")
    assert not at.exception
    assert at.button_group(key="flt_etype").value == ["fete_science"]
    assert headings(at)[:2] == ["Upcoming (0)", "Past (3)"]
    assert "No upcoming event for these filters." in page_text(at)


def test_changing_the_audience_widget_rewrites_the_url_and_the_list() -> None:
    at = run_app_page("events", lang="fr")
    before = headings(at)[:2]
    at.button_group(key="flt_audience").select("schools").run()
    assert not at.exception
    assert query_values(at, "audience") == ["schools"]
    assert headings(at)[:2] != before
    assert headings(at)[:2] == ["À venir (0)", "Passés (2)"]


def test_date_range_keeps_events_that_may_fall_in_it() -> None:
    at = run_app_page("events", lang="fr", date_from="2026-03-01", date_to="2026-03-31")
    assert not at.exception
    assert native_fields(at)["date_to"]["value"] == "2026-03-31"  # open: the link has dates
    labels = expander_labels(at)
    assert period_text(at).endswith("Période\u00a0: du 1er mars 2026 au 31 mars 2026.")
    assert [label.split(" · ")[1] for label in labels if " · " in label] == [
        "Atelier ou colloque", "École d’été",
    ]
    assert "2 événements sans jour connu ne sont pas dans le fichier agenda" in page_text(at)


@pytest.mark.parametrize(
    ("query", "key", "value", "bounds"),
    [
        # Streamlit's picker stopped at 2030, and refused the link's date (the page stopped)
        ({"date_to": "2035-01-01"}, "date_to", "2035-01-01", ("2024-01-01", "2035-12-31")),
        ({"date_from": "2019-03-01"}, "date_from", "2019-03-01", ("2019-01-01", "2026-12-31")),
    ],
)
def test_a_links_period_far_from_the_events_is_shown_as_written(query: dict[str, str], key: str,
                                                                value: str, bounds: tuple[str, str]) -> None:
    at = run_app_page("events", lang="fr", **query)
    assert not at.exception
    field = native_fields(at)[key]
    assert (field["kind"], field["value"], field["min"], field["max"]) == ("date", value, *bounds)
    assert value[:4] in period_text(at)  # and the page says the period


def test_each_end_of_the_period_is_offered_on_its_side_of_the_other() -> None:
    at = run_app_page("events", lang="fr", date_from="2026-03-01", date_to="2026-03-31")
    fields = native_fields(at)
    assert (fields["date_from"]["min"], fields["date_from"]["max"]) == ("2024-01-01", "2026-03-31")
    assert (fields["date_to"]["min"], fields["date_to"]["max"]) == ("2026-03-01", "2026-12-31")


def test_the_dates_are_the_browsers_own_fields_and_write_the_url() -> None:
    at = run_app_page("events", lang="en")
    assert not native_fields(at)  # the dates run once their expander is opened
    assert period_text(at).endswith("Period: all dates.")
    at.session_state["events_dates_open"] = True
    at.run()
    fields = native_fields(at)
    assert [(name, fields[name]["kind"], fields[name]["label"], fields[name]["value"])
            for name in ("date_from", "date_to")] == [("date_from", "date", "From", ""),
                                                      ("date_to", "date", "To", "")]
    submit_native(at, "date_from", "2026-01-01")
    assert not at.exception
    assert query_values(at, "date_from") == ["2026-01-01"]
    assert headings(at)[:2] == ["Upcoming (3)", "Past (0)"]
    assert period_text(at).endswith("Period: from 1 January 2026.")
    assert native_fields(at)["date_from"]["value"] == "2026-01-01"  # still open
    submit_native(at, "date_from", "")  # cleared
    assert query_values(at, "date_from") == []
    assert period_text(at).endswith("Period: all dates.")


@pytest.mark.parametrize(
    ("query", "name", "sent", "expected"),
    [
        ({}, "date_to", "2026-02-30", {}),  # not a day: ignored
        ({}, "date_to", "soon", {}),
        # typed, on the way to 2026 (or a slip): brought to the first day offered
        ({}, "date_from", "0002-01-01", {"date_from": ["2024-01-01"]}),
        ({}, "date_to", "9999-12-31", {"date_to": ["2026-12-31"]}),
        # an end before the start: brought to the start (the calendar does not offer it), the start kept
        ({"date_from": "2026-03-01"}, "date_to", "2026-01-31",
         {"date_from": ["2026-03-01"], "date_to": ["2026-03-01"]}),
        ({"date_to": "2026-03-31"}, "date_from", "2026-05-01",
         {"date_from": ["2026-03-31"], "date_to": ["2026-03-31"]}),
        ({"date_from": "2026-03-01"}, "date_to", "2026-03-31",
         {"date_from": ["2026-03-01"], "date_to": ["2026-03-31"]}),
    ],
)
def test_a_date_sent_is_checked(query: dict[str, str], name: str, sent: str,
                                expected: dict[str, list[str]]) -> None:
    at = run_app_page("events", lang="fr", **query)
    at.session_state["events_dates_open"] = True
    at.run()
    submit_native(at, name, sent)
    assert not at.exception
    written = {key: query_values(at, key) for key in ("date_from", "date_to")}
    assert {key: values for key, values in written.items() if values} == expected


def test_selected_event_from_the_url_is_shown_open() -> None:
    at = run_app_page("events", lang="en", event="annual-day-2025")
    assert not at.exception
    assert "Selected event" in [s.value for s in at.subheader]
    assert event_expanders(at)[0].proto.expanded
    at.button(key="events_clear_selected").click().run()
    assert query_values(at, "event") == []
    assert "Selected event" not in [s.value for s in at.subheader]


def test_axis_filter_of_the_sidebar_applies() -> None:
    at = run_app_page("events", lang="en", axis="health")
    assert not at.exception
    # Only cluster-wide events ("all") match an axis: the launch and the annual day.
    assert headings(at)[:2] == ["Upcoming (1)", "Past (1)"]


def test_hostile_event_is_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    with (data / "events.csv").open("a", encoding="utf-8", newline="") as fh:
        row = {"id": "hostile", "title_fr": "<img src=x onerror=alert(1)> [clic](javascript:alert(1))",
               "type": "workshop", "start": "2025-12-01", "status": "cancelled",
               "source": "javascript:alert(1)"}
        header = (data / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        csv.DictWriter(fh, header).writerow({k: row.get(k, "") for k in header})
    monkeypatch.setenv("ENACT_DATA_DIR", str(data))
    at = run_app_page("events", lang="fr")
    assert not at.exception
    label = next(label for label in expander_labels(at) if "onerror" in label)
    assert label.startswith(r"\[ANNULÉ\] ~~")
    assert r"\<img src=x onerror=alert\(1\)\> \[clic\]\(javascript\:alert\(1\)\)" in label
    at.session_state["events_upcoming_hostile_open"] = True  # its details, as opening it shows them
    at.run()
    assert not at.exception
    details = [m.value for m in at.markdown if m.value.startswith("Source") and "javascript" in m.value]
    assert details == ["Source\u00a0\\: javascript\\:alert\\(1\\)"]  # the source as text, not a link
    assert not any(b.proto.url.startswith("javascript") for b in at.get("link_button"))


def test_city_filter_of_the_sidebar_applies() -> None:
    at = run_app_page("events", lang="en", city="Strasbourg")
    assert not at.exception
    assert headings(at)[:2] == ["Upcoming (0)", "Past (2)"]
    assert all("Strasbourg" in label for label in expander_labels(at)[:2])


def test_timeline_and_its_table_run_once_opened() -> None:
    at = run_app_page("events", lang="en")
    assert {"Events by type", "Timeline as text and table"} <= set(expander_labels(at))
    assert not at.get("plotly_chart")
    assert not at.dataframe
    at.session_state["events_timeline_open"] = True  # what opening the expander does
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["title"]["text"] == "Events by type, 2025–2026"  # the events' years
    assert figure["layout"]["xaxis"]["range"][1] < "2027-03"  # not the programme's end (2029)
    assert not at.dataframe
    at.session_state["events_table_open"] = True
    at.run()
    assert not at.exception
    assert list(at.dataframe[0].value.columns) == ["Date", "Event", "Type", "Place", "Audience", "Status"]


def test_the_map_runs_once_opened_or_for_a_linked_event() -> None:
    at = run_app_page("events", lang="en")
    assert "Show the map of events" in expander_labels(at)
    assert not at.get("component_instance")  # closed: no map to load
    at.session_state["events_map_open"] = True  # what opening the expander does
    at.run()
    assert not at.exception
    assert len(at.get("component_instance")) == 1
    assert "Boundaries: IGN ADMIN EXPRESS (Licence Ouverte 2.0)" in page_text(at).replace("\\", "")  # sources
    linked = run_app_page("events", lang="en", event="annual-day-2025")
    assert not linked.exception
    assert len(linked.get("component_instance")) == 1  # a link to one event shows it on the map


def test_event_details_run_once_opened() -> None:
    at = run_app_page("events", lang="en")
    per_event = "events_upcoming_annual-day-2025_ics"
    assert [b.key for b in at.get("download_button")] == ["events_ics", "events_csv"]  # closed: no details
    at.session_state["events_upcoming_annual-day-2025_open"] = True  # what opening it does
    at.run()
    assert not at.exception
    assert at.download_button(key=per_event).proto.label == "Add to my calendar"
    assert any(m.value.startswith("**Date**: ") for m in at.markdown)


def test_lists_turn_pages_with_buttons_and_stay_in_range(monkeypatch: pytest.MonkeyPatch) -> None:
    from enact_dash.events import page as ev

    monkeypatch.setattr(ev, "PAGE_SIZE", 1)  # one event a page: the upcoming list has several pages
    at = run_app_page("events", lang="en")
    assert not at.exception
    assert not at.get("number_input")
    first = expander_labels(at)[0]
    previous = at.button(key="events_upcoming_page_prev")
    following = at.button(key="events_upcoming_page_next")
    assert previous.disabled
    assert not following.disabled
    assert "Page 1 of " in page_text(at)
    following.click().run()
    assert not at.exception
    assert "Page 2 of " in page_text(at)
    assert expander_labels(at)[0] != first
    at.button(key="events_upcoming_page_prev").click().run()
    assert expander_labels(at)[0] == first
    at.session_state["events_upcoming_page"] = 99  # a page beyond a shorter list: its last page
    at.run()
    assert not at.exception
    assert at.button(key="events_upcoming_page_next").disabled


def test_the_open_map_stays_open_across_a_new_language_and_a_cleared_selection() -> None:
    at = run_app_page("events", lang="en", event="annual-day-2025")  # a link to one event: map open
    assert len(at.get("component_instance")) == 1
    at.button(key="events_clear_selected").click().run()
    assert not at.exception
    assert len(at.get("component_instance")) == 1, "the map closed when the selection was cleared"
    at.sidebar.button_group(key="flt_lang").set_value("fr").run()
    assert not at.exception
    assert "Afficher la carte des événements" in expander_labels(at)
    assert len(at.get("component_instance")) == 1, "the map closed with the new language"


@pytest.mark.parametrize(
    ("query", "message", "button", "after"),
    [
        ({"lang": "fr", "etype": "summer_school", "audience": "schools"},
         "Aucun événement ne correspond aux filtres choisis.", "Effacer les filtres de cette page", {}),
        # a period after every event says where the events are
        ({"lang": "en", "date_from": "2029-01-01", "axis": "health"},
         "No known event in this period: those in the data run from 20 May 2025 to 2026.",
         "Clear this page’s filters", {"lang": ["en"], "axis": ["health"]}),
        # only the sidebar's filters empty the view (an event of no stated axis matches no axis)
        ({"lang": "de", "city": "Vandœuvre-lès-Nancy", "axis": "health"},
         "Keine Veranstaltung entspricht den gewählten Filtern.", "Filter der Seitenleiste zurücksetzen",
         {"lang": ["de"]}),
    ],
)
def test_an_empty_view_is_one_message_and_a_way_back(query: dict[str, str], message: str, button: str,
                                                     after: dict[str, list[str]]) -> None:
    at = run_app_page("events", **query)
    assert not at.exception
    assert [box.value.replace("\\", "") for box in at.info] == [message]  # one message
    assert headings(at) == []  # no empty lists, timeline or map
    assert [e.label for e in at.main.expander] == [{"fr": "Période", "en": "Period",
                                                    "de": "Zeitraum"}[query["lang"]]]  # the filter only
    assert at.get("download_button") == []  # no calendar of nothing
    clear = at.button(key="events_clear")
    assert clear.label == button
    clear.click().run()
    assert not at.exception
    assert {key: query_values(at, key) for key in at.query_params} == after
    assert at.get("download_button") != []


@pytest.mark.parametrize(
    ("lang", "year", "month", "status", "note", "stale"),
    [
        ("fr", "2026 — date non publiée", "janvier 2026 — jour non publié",
         "Annoncé (déroulement non confirmé)", "Jour non publié\u00a0: pas dans le fichier agenda.",
         "date à venir"),
        ("en", "2026 — date not published", "January 2026 — day not published",
         "Announced (not confirmed as held)", "Day not published: not in the calendar file.",
         "to be announced"),
    ],
)
def test_partial_dates_are_said_as_of_the_day(monkeypatch: pytest.MonkeyPatch, lang: str, year: str,
                                              month: str, status: str, note: str, stale: str) -> None:
    """25 November 2026: the year-only events of 2026 are still listed as upcoming (until 31 December),
    but their date is not published, no longer "to be announced"; the January call is past, its day
    never published, and still "planned" in the data: announced, not confirmed as held."""
    monkeypatch.setenv("ENACT_TODAY", "2026-11-25")
    at = run_app_page("events", lang=lang)
    assert not at.exception
    labels = [label.replace("\\", "") for label in expander_labels(at)]
    assert [label.split(" · ")[0] for label in labels[:3]] == [year, year, month]
    at.session_state["events_past_training-call-2026_open"] = True  # its details, as opening it shows them
    at.run()
    assert not at.exception
    text = page_text(at).replace("\\", "")
    assert status in text
    assert note in text
    assert stale not in text


def test_a_period_after_every_event_says_where_the_events_are() -> None:
    at = run_app_page("events", lang="en", date_from="2099-01-01")
    assert not at.exception
    assert "No known event in this period: those in the data run from" in page_text(at).replace("\\", "")
    assert at.button(key="events_clear").label == t("common.empty.clear_page", "en")


def test_a_links_sidebar_filters_are_said_in_the_page_with_a_way_back() -> None:
    # On a phone the sidebar is folded: the page itself says what narrows it.
    at = run_app_page("events", lang="de", city="Strasbourg", etype="fete_science")
    assert not at.exception
    said = "In der Seitenleiste gefiltert — Stadt: Strasbourg."
    assert said in page_text(at).replace("\\", "")
    at.button(key="events_shared_clear").click().run()
    assert not at.exception
    assert said not in page_text(at).replace("\\", "")
    assert query_values(at, "city") == []
    assert query_values(at, "etype") == ["fete_science"]  # the page's own filters stay


def test_an_empty_view_has_one_button_to_clear_the_sidebars_filters() -> None:
    at = run_app_page("events", lang="de", city="Vandœuvre-lès-Nancy", axis="health")
    assert not at.exception
    assert "In der Seitenleiste gefiltert" in page_text(at)  # said
    assert [b.label for b in at.button].count("Filter der Seitenleiste zurücksetzen") == 1  # the empty view's
