"""Filtering, ordering and paging of the events table (what the page lists)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from enact_dash.dates import PartialDate
from enact_dash.events.frame import (
    chronological,
    count_without_days,
    filter_by,
    filter_events,
    page_count,
    page_of,
    prepare,
    public_columns,
    split_upcoming_past,
)
from enact_dash.filters import Filters


def event(event_id: str, start: str, end: str = "", **fields: Any) -> dict[str, Any]:
    """One loaded row, as enact_dash.data gives it (PartialDate, tuples)."""
    row: dict[str, Any] = {
        "id": event_id,
        "title_fr": fields.pop("title_fr", event_id),
        "type": "workshop",
        "start": PartialDate.parse(start),
        "end": PartialDate.parse(end) if end else None,
        "city": "",
        "axes": (),
        "audience": (),
        "status": "planned",
    }
    row.update(fields)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return prepare(pd.DataFrame(list(rows)))


AGENDA = frame(
    event("annual-day-2025", "2025-12-12", type="annual_day", city="Villers-lès-Nancy",
          axes=("all",), audience=("researchers", "companies")),
    event("launch-2025", "2025-05-20", type="launch", city="Strasbourg"),
    event("fds-2025", "2025-10-03", "2025-10-13", type="fete_science", city="Vandœuvre-lès-Nancy",
          axes=("nlp",), audience=("public", "schools")),
    event("summer-school-2026", "2026", type="summer_school", axes=("health",),
          audience=("researchers",)),
    event("workshop-2026-12", "2026-12", axes=("science",)),
    event("workshop-2026-12-02", "2026-12-02", axes=("nlp", "health")),
)


def ids(events: pd.DataFrame) -> list[str]:
    return list(events["id"])


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, ["annual-day-2025", "launch-2025", "fds-2025", "summer-school-2026",
              "workshop-2026-12", "workshop-2026-12-02"]),
        # "all" (cluster-wide) matches any axis; no axis matches nothing but "all".
        ({"axes": ["nlp"]}, ["annual-day-2025", "fds-2025", "workshop-2026-12-02"]),
        ({"axes": ["health", "science"]},
         ["annual-day-2025", "summer-school-2026", "workshop-2026-12", "workshop-2026-12-02"]),
        # Cities compare without accents, case or hyphens.
        ({"cities": ["vandoeuvre les nancy"]}, ["fds-2025"]),
        ({"cities": ["STRASBOURG", "Villers-les-Nancy"]}, ["annual-day-2025", "launch-2025"]),
        ({"types": ["fete_science", "launch"]}, ["launch-2025", "fds-2025"]),
        ({"audiences": ["researchers"]}, ["annual-day-2025", "summer-school-2026"]),
        ({"audiences": ["schools"], "axes": ["nlp"]}, ["fds-2025"]),
        # A range keeps what may overlap it: "2026" and "December 2026" are in any 2026 range.
        ({"date_from": date(2026, 12, 5)}, ["summer-school-2026", "workshop-2026-12"]),
        ({"date_from": date(2025, 10, 13), "date_to": date(2025, 10, 13)}, ["fds-2025"]),
        ({"date_to": date(2025, 10, 2)}, ["launch-2025"]),
        ({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)}, ["summer-school-2026"]),
        ({"types": ["training"]}, []),
    ],
)
def test_filter_events(criteria: dict[str, Any], expected: list[str]) -> None:
    assert ids(filter_events(AGENDA, **criteria)) == expected


def test_filter_by_reads_the_shared_filters() -> None:
    filters = Filters(axis=("nlp",), etype=("fete_science",), date_from=date(2025, 1, 1))
    assert ids(filter_by(AGENDA, filters)) == ["fds-2025"]


def test_upcoming_soonest_first_then_past_latest_first() -> None:
    upcoming, past = split_upcoming_past(AGENDA, today=date(2025, 10, 10))
    assert ids(upcoming) == [
        "fds-2025",  # under way on 10 October
        "annual-day-2025",
        "workshop-2026-12-02",
        "workshop-2026-12",  # after the known days of December 2026
        "summer-school-2026",  # after everything known in 2026
    ]
    assert ids(past) == ["launch-2025"]


def test_equal_dates_order_by_title() -> None:
    events = frame(
        event("b", "2026-03", title_fr="Zèbre"),
        event("a", "2026-03", title_fr="atelier"),
        event("c", "2026-03", title_fr="Éthique"),
    )
    assert ids(chronological(events)) == ["a", "c", "b"]


def test_events_without_known_days_are_counted() -> None:
    assert count_without_days(AGENDA) == 2
    with_open_end = frame(event("x", "2026-05-04", "2026-06"))
    assert count_without_days(with_open_end) == 1


def test_missing_end_is_read_from_nan() -> None:
    raw = pd.DataFrame([{"id": "x", "title_fr": "x", "type": "other",
                         "start": PartialDate(2025, 1, 2), "end": float("nan")}])
    prepared = prepare(raw)
    assert prepared["end"].iloc[0] is None
    assert count_without_days(prepared) == 0


@pytest.mark.parametrize(
    ("page", "expected"),
    [(1, ["annual-day-2025", "launch-2025"]), (3, ["workshop-2026-12", "workshop-2026-12-02"]),
     (9, ["workshop-2026-12", "workshop-2026-12-02"]), (0, ["annual-day-2025", "launch-2025"])],
)
def test_page_of_clamps(page: int, expected: list[str]) -> None:
    assert ids(page_of(AGENDA, page, 2)) == expected


@pytest.mark.parametrize(("total", "size", "pages"), [(0, 20, 1), (20, 20, 1), (21, 20, 2)])
def test_page_count(total: int, size: int, pages: int) -> None:
    assert page_count(total, size) == pages


def test_public_columns_drop_derived_ones() -> None:
    assert list(public_columns(AGENDA).columns) == [
        "id", "title_fr", "type", "start", "end", "city", "axes", "audience", "status",
    ]
