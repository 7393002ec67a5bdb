"""Pure, validated loading of the data directory.

Every loader takes paths, never touches Streamlit, and returns the valid rows plus every problem found,
located by file, line and field. A bad value in a required column leaves its row out; a bad value in an
optional column is ignored (the row stays); an unreadable file gives one problem and an empty table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from enact_dash.data import schemas
from enact_dash.data.problems import FieldError, Level, Problem
from enact_dash.data.schemas import TableSpec
from enact_dash.data.tables import RawTable, TableError, read_table
from enact_dash.data.vocab import AXIS_ALL
from enact_dash.geo import GEO_SUBDIR, Gazetteer, geo_dir_for, in_map_area, load_gazetteer, normalize_name


@dataclass(frozen=True)
class TableResult:
    spec: TableSpec
    frame: pd.DataFrame
    problems: tuple[Problem, ...]
    readable: bool = True


def empty_frame(spec: TableSpec) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in (*spec.column_names, "line")})


def parse_rows(raw: RawTable, spec: TableSpec) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Check the header and every cell of ``raw`` against ``spec``."""
    problems: list[Problem] = []
    known = set(spec.column_names)
    missing = [name for name in spec.required_columns if name not in raw.header]
    for name in missing:
        problems.append(Problem(raw.name, 1, name, "column_missing"))
    if missing:
        return [], problems
    for name in raw.header:
        if name and name not in known:
            problems.append(Problem(raw.name, 1, name, "column_unknown", level=Level.WARNING))
    position = {name: i for i, name in enumerate(raw.header) if name in known}
    rows: list[dict[str, Any]] = []
    seen_ids: dict[str, int] = {}
    for cells, line in zip(raw.rows, raw.lines, strict=True):
        row: dict[str, Any] = {"line": line}
        row_ok = True
        for col in spec.columns:
            i = position.get(col.name)
            cell = cells[i] if i is not None and i < len(cells) else ""
            if not cell.strip():
                if col.required:
                    problems.append(Problem(raw.name, line, col.name, "required"))
                    row_ok = False
                row[col.name] = col.default
                continue
            try:
                row[col.name] = col.parse(cell)
            except FieldError as err:
                level = Level.ERROR if col.required else Level.WARNING
                problems.append(
                    Problem(raw.name, line, col.name, err.code, cell.strip(), err.params, level)
                )
                row_ok = row_ok and not col.required
                row[col.name] = col.default
        if len(cells) > len(raw.header) and any(c.strip() for c in cells[len(raw.header):]):
            problems.append(Problem(raw.name, line, "", "extra_cells", level=Level.WARNING))
        if row_ok and spec.id_column:
            row_id = row[spec.id_column]
            if row_id in seen_ids:
                problems.append(Problem(raw.name, line, spec.id_column, "duplicate_id", row_id,
                                        (("line", str(seen_ids[row_id])),)))
                row_ok = False
            else:
                seen_ids[row_id] = line
        if row_ok:
            rows.append(row)
    return rows, problems


def load_table(data_dir: Path, spec: TableSpec) -> TableResult:
    """Read and check one file of the data directory."""
    try:
        raw = read_table(data_dir / spec.name)
    except TableError as err:
        problem = Problem(spec.name, 0, "", err.code, err.detail)
        return TableResult(spec, empty_frame(spec), (problem,), readable=False)
    rows, problems = parse_rows(raw, spec)
    frame = pd.DataFrame(rows, columns=[*spec.column_names, "line"]) if rows else empty_frame(spec)
    return TableResult(spec, frame, tuple(problems))


# --- checks across rows and files -------------------------------------------------------------


def locate(frame: pd.DataFrame, file: str, gazetteer: Gazetteer) -> tuple[pd.DataFrame, list[Problem]]:
    """Check given coordinates and resolve missing ones from (city, country). Adds ``city_key``."""
    problems: list[Problem] = []
    lats: list[float] = []
    lons: list[float] = []
    for row in frame.itertuples(index=False):
        lat, lon = _float(row.lat), _float(row.lon)
        line, city, country = int(row.line), str(row.city or ""), str(row.country or "FR")
        if (lat is None) != (lon is None):
            problems.append(Problem(file, line, "lat" if lat is None else "lon", "coordinate_half",
                                    level=Level.WARNING))
            lat = lon = None
        if lat is not None and lon is not None and not in_map_area(lat, lon):
            problems.append(Problem(file, line, "lat", "outside_map", f"{lat}, {lon}",
                                    level=Level.WARNING))
            lat = lon = None
        if lat is None and city:
            place = gazetteer.resolve(city, country)
            if place is None:
                problems.append(Problem(file, line, "city", "city_not_found", city,
                                        (("country", country),), Level.WARNING))
            elif in_map_area(place.lat, place.lon):
                lat, lon = place.lat, place.lon
            else:  # a gazetteer point outside the map area (a known quirk of a few source points)
                problems.append(Problem(file, line, "city", "outside_map", f"{place.lat}, {place.lon}",
                                        level=Level.WARNING))
        lats.append(math.nan if lat is None else lat)
        lons.append(math.nan if lon is None else lon)
    frame = frame.assign(
        lat=pd.Series(lats, index=frame.index, dtype="float64"),
        lon=pd.Series(lons, index=frame.index, dtype="float64"),
        city_key=[normalize_name(str(city or "")) for city in frame["city"]],
    )
    return frame, problems


def _float(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def check_refs(frame: pd.DataFrame, file: str, column: str, allowed: Iterable[str],
               code: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Drop unknown references (single id or tuple of ids) from ``column``, with a warning each."""
    allowed_set = set(allowed)
    problems: list[Problem] = []
    cleaned: list[Any] = []
    for value, line in zip(frame[column], frame["line"], strict=True):
        if isinstance(value, tuple):
            bad = [v for v in value if v not in allowed_set]
            for item in bad:
                problems.append(Problem(file, int(line), column, code, item,
                                        (("allowed", ", ".join(sorted(allowed_set))),),
                                        Level.WARNING))
            cleaned.append(tuple(v for v in value if v in allowed_set))
        else:
            if value and value not in allowed_set:
                problems.append(Problem(file, int(line), column, code, str(value),
                                        (("allowed", ", ".join(sorted(allowed_set))),),
                                        Level.WARNING))
                value = ""
            cleaned.append(value)
    frame = frame.copy()
    frame[column] = pd.Series(cleaned, index=frame.index, dtype=object)
    return frame, problems


def check_date_order(frame: pd.DataFrame, file: str, start: str, end: str) -> list[Problem]:
    problems = []
    for row in frame[[start, end, "line"]].itertuples(index=False):
        first, last = row[0], row[1]
        if first is not None and last is not None and last.last_day < first.first_day:
            problems.append(Problem(file, int(row[2]), end, "end_before_start", str(last),
                                    (("start", str(first)),), Level.WARNING))
    return problems


@dataclass(frozen=True)
class Dataset:
    """Every table of the data directory, validated, plus all problems found."""

    tables: dict[str, pd.DataFrame]
    problems: tuple[Problem, ...] = ()
    unreadable: frozenset[str] = field(default_factory=frozenset)

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is Level.ERROR)


def load_dataset(data_dir: Path, geo_dir: Path | None = None) -> Dataset:
    """Load and cross-check every file of ``data_dir``."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    tables: dict[str, pd.DataFrame] = {}
    unreadable: set[str] = set()
    if not data_dir.is_dir():
        problems.append(Problem(data_dir.name or str(data_dir), 0, "", "dir_missing", str(data_dir)))
    for spec in schemas.ALL_TABLES:
        key = spec.name.removesuffix(".csv")
        if not data_dir.is_dir():
            tables[key] = empty_frame(spec)
            unreadable.add(spec.name)
            continue
        result = load_table(data_dir, spec)
        tables[key] = result.frame
        problems.extend(result.problems)
        if not result.readable:
            unreadable.add(spec.name)

    geo = geo_dir or geo_dir_for(data_dir)
    try:
        gazetteer = load_gazetteer(geo)
    except (OSError, ValueError, KeyError) as err:
        problems.append(Problem(f"{GEO_SUBDIR}/", 0, "", "geo_unreadable", str(err)))
        gazetteer = Gazetteer([])

    axis_ids = set(tables["axes"]["id"])
    for key in ("partners", "events"):
        frame, found = locate(tables[key], f"{key}.csv", gazetteer)
        problems.extend(found)
        frame, found = check_refs(frame, f"{key}.csv", "axes", axis_ids | {AXIS_ALL}, "unknown_axis")
        problems.extend(found)
        tables[key] = frame
    tables["actions"], found = check_refs(tables["actions"], "actions.csv", "axes",
                                          axis_ids | {AXIS_ALL}, "unknown_axis")
    problems.extend(found)
    tables["chairs"], found = check_refs(tables["chairs"], "chairs.csv", "axis", axis_ids,
                                         "unknown_axis")
    problems.extend(found)
    tables["chairs"], found = check_refs(tables["chairs"], "chairs.csv", "institution",
                                         set(tables["partners"]["id"]), "unknown_partner")
    problems.extend(found)
    problems.extend(check_date_order(tables["events"], "events.csv", "start", "end"))
    return Dataset(tables, tuple(problems), frozenset(unreadable))


def localized(frame: pd.DataFrame, stem: str, lang: str) -> pd.Series:
    """The ``<stem>_<lang>`` column, falling back to ``<stem>_fr`` where empty."""
    french = frame[f"{stem}_fr"].fillna("").astype(object)
    own = frame.get(f"{stem}_{lang}")
    if own is None or lang == "fr":
        return french
    own = own.fillna("").astype(object)
    return own.where(own.astype(bool), french)
