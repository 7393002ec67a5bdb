"""What the events page computes per run (enact_dash.events.page) and its identity memo."""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date
from typing import Any

import pandas as pd
import pytest
from icalendar import Calendar

from enact_dash.data.schemas import EVENTS as EVENTS_SPEC
from enact_dash.dates import PartialDate
from enact_dash.events import page as ev
from enact_dash.filters import Filters
from enact_dash.memo import IdentityMemo

TODAY = date(2025, 11, 1)


def event(event_id: str, start: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(EVENTS_SPEC.column_names, "")
    row.update({"id": event_id, "title_fr": event_id, "type": "workshop", "start": PartialDate.parse(start),
                "end": None, "axes": (), "audience": (), "accessibility": (), "status": "planned",
                "lat": float("nan"), "lon": float("nan"), "source": "test"})
    row.update(fields)
    return row


def loaded() -> pd.DataFrame:
    return pd.DataFrame([
        event("day", "2025-12-12", type="annual_day", audience=("researchers",), lat=48.66, lon=6.15),
        event("nuit", "2025-10-03", type="fete_science", audience=("public",)),
        event("formula", "2026-02-02", title_fr="=HYPERLINK(\"http://x\")"),
        event("summer", "2026", type="summer_school"),
    ])


def test_selection_splits_and_counts() -> None:
    selection = ev.select_events(loaded(), Filters(), today=TODAY)
    assert list(selection.upcoming["id"]) == ["day", "formula", "summer"]
    assert list(selection.past["id"]) == ["nuit"]
    assert list(selection.filtered["id"]) == ["day", "formula", "summer", "nuit"]
    assert (selection.count, selection.all_count, selection.without_days, selection.located) == (4, 4, 1, 1)


def test_selection_is_computed_once_per_data_filters_and_day() -> None:
    events = loaded()
    first = ev.select_events(events, Filters(etype=("annual_day",)), today=TODAY)
    assert ev.select_events(events, Filters(etype=("annual_day",), lang="de"), today=TODAY) is first
    assert ev.select_events(events, Filters(etype=("workshop",)), today=TODAY) is not first
    assert ev.select_events(events, Filters(etype=("annual_day",)), today=date(2026, 1, 1)) is not first
    assert ev.select_events(loaded(), Filters(etype=("annual_day",)), today=TODAY) is not first


def test_page_items_and_detail_lines() -> None:
    selection = ev.select_events(loaded(), Filters(), today=TODAY)
    items = ev.page_items(selection.upcoming, 1, "en", today=TODAY, size=2)
    assert [view.id for view, _row in items] == ["day", "formula"]
    view, row = items[0]
    assert row["id"] == "day"
    assert ev.detail_lines(view, "en") == [
        ("Date", "12 December 2025"), ("Place", "unknown"), ("Type", "Annual day"),
        ("Status", "Planned"), ("Audience", "Researchers"),
    ]
    assert ev.pages(selection.upcoming, size=2) == 2


def test_find_event_only_in_the_view() -> None:
    events = loaded()
    everything = ev.select_events(events, Filters(), today=TODAY)
    assert ev.find_event(everything, "nuit")["title_fr"] == "nuit"
    only_days = ev.select_events(events, Filters(etype=("annual_day",)), today=TODAY)
    assert ev.find_event(only_days, "nuit") is None
    assert ev.find_event(everything, "") is None


def test_csv_download_is_the_view_in_the_page_language_with_neutralised_cells() -> None:
    filters = Filters(lang="fr")
    selection = ev.select_events(loaded(), filters, today=TODAY)
    text = ev.csv_bytes(selection, filters, {}, ";").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert list(rows[0])[:4] == ["Identifiant", "Titre", "Type", "Début (AAAA-MM-JJ)"]
    assert [(r["Identifiant"], r["Début (AAAA-MM-JJ)"], r["Type"]) for r in rows] == [
        ("day", "2025-12-12", "Journée annuelle"), ("formula", "2026-02-02", "Atelier ou colloque"),
        ("summer", "2026", "École d’été"), ("nuit", "2025-10-03", "Fête de la science"),
    ]
    assert rows[1]["Titre"] == "'=HYPERLINK(\"http://x\")"


def test_json_download_is_the_view_with_its_filters() -> None:
    filters = Filters(lang="de", audience=("public", "researchers"), sort="-name")
    selection = ev.select_events(loaded(), filters, today=TODAY)
    document = json.loads(ev.json_bytes(selection, filters, {}))
    assert (document["dataset"], document["lang"]) == ("events", "de")
    assert document["filters"] == {"audience": ["public", "researchers"]}
    assert [(r["id"], r["type"], r["type_label"]) for r in document["records"]] == [
        ("day", "annual_day", "Jahrestagung"),
        ("nuit", "fete_science", "Fête de la science (Wissenschaftsfest)"),
    ]


def test_calendar_download_of_the_view() -> None:
    selection = ev.select_events(loaded(), Filters(audience=("public", "researchers")), today=TODAY)
    calendar = Calendar.from_ical(ev.ics_bytes(selection, "fr"))
    assert sorted(str(e["UID"]) for e in calendar.walk("VEVENT")) == [
        "day@cluster-ia-enact.ai", "nuit@cluster-ia-enact.ai",
    ]
    row = ev.find_event(selection, "day")
    assert row is not None
    assert b"UID:day@cluster-ia-enact.ai" in ev.event_ics_bytes(row, "en")


def test_timeline_and_table_are_memoised_per_language() -> None:
    events = loaded()
    selection = ev.select_events(events, Filters(), today=TODAY)
    fr = ev.timeline(events, selection, "fr", today=TODAY)
    assert ev.timeline(events, selection, "fr", today=TODAY) is fr
    assert ev.timeline(events, selection, "en", today=TODAY) is not fr
    table = ev.table(events, selection, "de", today=TODAY)
    assert list(table.columns) == ["Datum", "Veranstaltung", "Art", "Ort", "Zielgruppe", "Status"]


def test_a_new_map_every_call() -> None:
    events = loaded()
    selection = ev.select_events(events, Filters(), today=TODAY)
    boundaries = {"type": "FeatureCollection", "features": []}
    first = ev.events_map(events, selection, boundaries, "fr", tiles=None, selected_id=None, height=300)
    second = ev.events_map(events, selection, boundaries, "fr", tiles=None, selected_id=None, height=300)
    assert first is not second


def test_identity_memo_keys_on_the_owner_and_evicts_oldest() -> None:
    memo = IdentityMemo(maxsize=2)
    a, b, c = object(), object(), object()
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name

    assert memo.get(a, "k", lambda: compute("a")) == "a"
    assert memo.get(a, "k", lambda: compute("again")) == "a"
    memo.get(b, "k", lambda: compute("b"))
    memo.get(c, "k", lambda: compute("c"))  # evicts a
    assert memo.get(a, "k", lambda: compute("a2")) == "a2"
    assert calls == ["a", "b", "c", "a2"]
    assert len(memo) == 2


def test_identity_memo_is_safe_across_threads() -> None:
    memo = IdentityMemo(maxsize=8)
    owner = object()
    results: list[int] = []

    def worker() -> None:
        results.append(memo.get(owner, "k", lambda: 42))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [42] * 8
    assert len(memo) == 1


def test_map_shows_the_first_events_of_the_view_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    events = pd.DataFrame([
        event(f"e{i}", f"2026-01-{i + 1:02d}", lat=48.6 + i / 100, lon=6.1) for i in range(5)
    ] + [event("past", "2025-01-01", lat=48.7, lon=6.2), event("nowhere", "2026-01-09")])
    monkeypatch.setattr(ev, "MAP_LIMIT", 3)
    selection = ev.select_events(events, Filters(), today=TODAY)
    assert selection.located == 6
    assert selection.map_capped
    assert list(selection.on_map["id"]) == ["e0", "e1", "e2"]  # soonest upcoming first
    monkeypatch.setattr(ev, "MAP_LIMIT", 10)
    assert not selection.map_capped
    assert list(selection.on_map["id"]) == ["e0", "e1", "e2", "e3", "e4", "past"]


@pytest.mark.parametrize(
    ("filters", "today", "expected"),
    [
        (Filters(), TODAY, (date(2024, 1, 1), date(2026, 12, 31))),  # events 2025-2026, today's year ± 1
        (Filters(), date(2031, 5, 1), (date(2025, 1, 1), date(2032, 12, 31))),
        (Filters(date_to=date(2035, 1, 1)), TODAY, (date(2024, 1, 1), date(2035, 12, 31))),
        (Filters(date_from=date(2019, 3, 1)), TODAY, (date(2019, 1, 1), date(2026, 12, 31))),
    ],
)
def test_the_date_pickers_range_holds_the_events_today_and_the_links_dates(
    filters: Filters, today: date, expected: tuple[date, date]
) -> None:
    assert ev.date_bounds(loaded(), filters, today=today) == expected


OUTSIDE = "Aucun événement connu dans cette période\u00a0: ceux des données vont de 3 octobre 2025 à 2026."


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ""),
        (Filters(date_from=date(2099, 1, 1)), OUTSIDE),
        (Filters(date_to=date(2025, 10, 2)), OUTSIDE),
        (Filters(date_from=date(2026, 12, 31)), ""),  # "2026" may still hold it: other filters are the cause
        (Filters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)), ""),  # within the events' span
    ],
)
def test_a_period_outside_every_event_says_where_the_events_are(filters: Filters, expected: str) -> None:
    assert ev.outside_period(loaded(), filters, "fr") == expected
