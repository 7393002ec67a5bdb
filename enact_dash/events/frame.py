"""Vectorised operations on the events table: derived date columns, filtering, ordering, paging.

Input: the DataFrame of ``enact_dash.data`` (one row per event; ``start``/``end`` hold
:class:`~enact_dash.dates.PartialDate` or None/NaN; ``axes``/``audience``/``accessibility`` hold
tuples of ids). :func:`prepare` adds private columns once (cache it); every other function works
on prepared frames with column operations only, so 50,000 events stay fast.

Ordering rules (last possible day of the start, then precision) are explained in
:mod:`enact_dash.events.periods`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

from enact_dash.dates import PartialDate
from enact_dash.events.periods import PRECISION_RANK
from enact_dash.geo import normalize_name

# Derived columns added by prepare(). Dates are datetime64 at day resolution (midnight).
FIRST = "_first"  # first possible day of the start
SORT = "_sort"  # last possible day of the start (sort key, part 1)
RANK = "_rank"  # precision rank of the start: 0 day, 1 month, 2 year (sort key, part 2)
LAST = "_last"  # last possible day of the event (end, or start when no end)
DAYS_KNOWN = "_days_known"  # start (and end, if any) known to the day: can go in a calendar file
AXES_KEY = "_axes_key"  # "|nlp|health|": substring search instead of per-row Python
AUDIENCE_KEY = "_audience_key"
CITY_KEY = "_city_key"  # normalised city name
TITLE_KEY = "_title_key"  # French title without case or accents, last sort key
DERIVED = (FIRST, SORT, RANK, LAST, DAYS_KNOWN, AXES_KEY, AUDIENCE_KEY, CITY_KEY, TITLE_KEY)

AXIS_ALL = "all"


def as_partial(value: Any) -> PartialDate | None:
    """A PartialDate from a loaded cell (PartialDate, ISO text, None or NaN)."""
    if isinstance(value, PartialDate):
        return value
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    if not text or text.lower() in {"nan", "none", "<na>"}:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def as_tuple(value: Any) -> tuple[str, ...]:
    """Ids from a loaded multi-valued cell (tuple, list, ``"a|b"`` text, None or NaN)."""
    if isinstance(value, tuple | list | set | frozenset):
        return tuple(str(v) for v in value)
    if value is None or (isinstance(value, float) and value != value):
        return ()
    return tuple(v.strip() for v in str(value).split("|") if v.strip())


def _key_column(values: pd.Series) -> pd.Series:
    joined = ["|" + "|".join(as_tuple(v)) + "|" for v in values]
    return pd.Series(joined, index=values.index, dtype="string")


def prepare(events: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``events`` with the derived columns of this module (see ``DERIVED``)."""
    out = events.copy()
    n = len(out)
    starts = [as_partial(v) for v in out["start"]] if "start" in out else [None] * n
    ends = [as_partial(v) for v in out["end"]] if "end" in out else [None] * n
    missing = date(9999, 12, 31)
    first = [s.first_day if s else missing for s in starts]
    sort = [s.last_day if s else missing for s in starts]
    rank = [PRECISION_RANK[s.precision] if s else 3 for s in starts]
    last = [
        (e or s).last_day if s else missing for s, e in zip(starts, ends, strict=True)
    ]
    days_known = [
        s is not None and s.day is not None and (e is None or e.day is not None)
        for s, e in zip(starts, ends, strict=True)
    ]
    out["start"] = pd.Series(starts, index=out.index, dtype=object)
    out["end"] = pd.Series(ends, index=out.index, dtype=object)
    out[FIRST] = pd.to_datetime(pd.Series(first, index=out.index))
    out[SORT] = pd.to_datetime(pd.Series(sort, index=out.index))
    out[RANK] = pd.Series(rank, index=out.index, dtype="int8")
    out[LAST] = pd.to_datetime(pd.Series(last, index=out.index))
    out[DAYS_KNOWN] = pd.Series(days_known, index=out.index, dtype=bool)
    empty = pd.Series([()] * n, index=out.index, dtype=object)
    out[AXES_KEY] = _key_column(out.get("axes", empty))
    out[AUDIENCE_KEY] = _key_column(out.get("audience", empty))
    cities = out["city"].fillna("").astype(str) if "city" in out else pd.Series([""] * n)
    out[CITY_KEY] = pd.Series(
        [normalize_name(c) for c in cities], index=out.index, dtype="string"
    )
    titles = out["title_fr"].fillna("").astype(str) if "title_fr" in out else pd.Series([""] * n)
    out[TITLE_KEY] = pd.Series(
        [normalize_name(title) for title in titles], index=out.index, dtype="string"
    )
    return out


def _any_key(keys: pd.Series, wanted: Iterable[str]) -> pd.Series:
    mask = pd.Series(False, index=keys.index)
    for value in wanted:
        mask |= keys.str.contains(f"|{value}|", regex=False).fillna(False).astype(bool)
    return mask


def _to_ts(value: date) -> pd.Timestamp:
    return pd.Timestamp(value.year, value.month, value.day)


def filter_events(
    events: pd.DataFrame,
    *,
    axes: Iterable[str] = (),
    cities: Iterable[str] = (),
    types: Iterable[str] = (),
    audiences: Iterable[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """Rows of a prepared frame matching every given criterion (empty criterion = no constraint).

    * axes: an event matches if it has one of them, or is cluster-wide (``all``);
    * cities: compared without accents, case or hyphens;
    * audiences: an event matches if it is meant for one of them;
    * date range: an event matches if it *may* overlap [date_from, date_to], so that
      "2026 — date to be announced" shows for any range within 2026.
    """
    mask = pd.Series(True, index=events.index)
    axes = tuple(axes)
    if axes:
        mask &= _any_key(events[AXES_KEY], (*axes, AXIS_ALL))
    cities = tuple(normalize_name(c) for c in cities if c)
    if cities:
        mask &= events[CITY_KEY].isin(cities).fillna(False).astype(bool)
    types = tuple(types)
    if types:
        mask &= events["type"].isin(types).fillna(False).astype(bool)
    audiences = tuple(audiences)
    if audiences:
        mask &= _any_key(events[AUDIENCE_KEY], audiences)
    if date_from is not None:
        mask &= events[LAST] >= _to_ts(date_from)
    if date_to is not None:
        mask &= events[FIRST] <= _to_ts(date_to)
    return events[mask]


def filter_by(events: pd.DataFrame, filters: Any) -> pd.DataFrame:
    """:func:`filter_events` with the fields of the shared ``Filters`` (axis, city, etype, ...)."""
    return filter_events(
        events,
        axes=getattr(filters, "axis", ()) or (),
        cities=getattr(filters, "city", ()) or (),
        types=getattr(filters, "etype", ()) or (),
        audiences=getattr(filters, "audience", ()) or (),
        date_from=getattr(filters, "date_from", None),
        date_to=getattr(filters, "date_to", None),
    )


def chronological(events: pd.DataFrame, *, descending: bool = False) -> pd.DataFrame:
    """Sort a prepared frame by (last possible day of start, precision, title)."""
    return events.sort_values(
        [SORT, RANK, TITLE_KEY], ascending=not descending, kind="stable"
    )


def split_upcoming_past(
    events: pd.DataFrame, *, today: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(upcoming, soonest first; past, most recent first), relative to ``today``."""
    upcoming = events[LAST] >= _to_ts(today)
    return chronological(events[upcoming]), chronological(events[~upcoming], descending=True)


def count_without_days(events: pd.DataFrame) -> int:
    """How many events have no known day (left out of calendar files)."""
    return int((~events[DAYS_KNOWN]).sum())


def page_of(events: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """Rows of page ``page`` (1-based, clamped) of ``size`` rows."""
    pages = page_count(len(events), size)
    page = min(max(page, 1), pages)
    return events.iloc[(page - 1) * size : page * size]


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // max(size, 1)))


def public_columns(events: pd.DataFrame) -> pd.DataFrame:
    """The frame without the derived columns (for exports)."""
    return events.drop(columns=[c for c in DERIVED if c in events.columns])
