"""Pure, validated loading of the data directory.

Every loader takes paths, never touches Streamlit, and returns the valid rows plus every problem found,
located by file, line and field. A bad value in a required column leaves its row out; a bad value in an
optional column is ignored (the row stays); an unreadable file gives one problem and an empty table.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from enact_dash.data.aliases import with_download_headers
from enact_dash.data.columns import Column, identifier, text
from enact_dash.data.labels import (
    per_lang,
)
from enact_dash.data.problems import FieldError, FieldNote, Level, Outcome, Problem, quoted_list
from enact_dash.data.schemas import TableSpec
from enact_dash.data.tables import RawTable, Swallowed, TableError, read_table, swallowed_list, swallowed_rows
from enact_dash.geo import Gazetteer, in_map_area, normalize_name


@dataclass(frozen=True)
class TableResult:
    spec: TableSpec
    frame: pd.DataFrame
    problems: tuple[Problem, ...]
    readable: bool = True  # False: the file, or a required column, could not be read
    dropped: dict[str, int] = field(default_factory=dict)  # ids of rows left out -> line
    headings: dict[str, str] = field(default_factory=dict)  # column -> its header cell as written
    left_out: tuple[dict[str, Any], ...] = ()  # the rows left out, as far as read (parse_all_rows)


def empty_frame(spec: TableSpec) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in (*spec.column_names, "line")})


def check_header(raw: RawTable, spec: TableSpec) -> list[Problem]:
    """Missing, unknown and absent columns of the first line, each naming the likely renames.

    Columns are matched ignoring case and spaces (``City `` is ``city``); the messages quote the unknown
    ones as they are written (« Ville », not « ville »)."""
    problems: list[Problem] = []
    known = set(spec.column_names)
    unknown = [name for name in raw.header if name and name not in known]
    written = [raw.heading(name) for name in unknown]
    absent = [name for name in spec.column_names if name not in raw.header]
    missing = [name for name in spec.required_columns if name not in raw.header]
    for name in missing:
        if unknown:
            problems.append(Problem(raw.name, 1, name, "column_missing_renamed",
                                    params=tuple(per_lang("unknown", lambda lang: quoted_list(written, lang))
                                                 .items())))
        else:
            problems.append(Problem(raw.name, 1, name, "column_missing"))
    if missing:
        return problems
    for name in unknown:
        code, params = ("column_unknown_absent",
                        tuple(per_lang("absent", lambda lang: quoted_list(absent, lang)).items())
                        ) if absent else ("column_unknown", ())
        problems.append(Problem(raw.name, 1, name, code, params=params, level=Level.WARNING,
                                outcome_override=Outcome.COLUMN_IGNORED, heading=raw.heading(name)))
    first: dict[str, int] = {}
    for number, name in enumerate(raw.header, start=1):
        if name in known and name in first:
            problems.append(Problem(raw.name, 1, name, "column_twice", params=(
                ("first", str(first[name])), ("column_number", str(number))), level=Level.WARNING,
                outcome_override=Outcome.COLUMN_IGNORED, heading=written_at(raw, number)))
        first.setdefault(name, number)
    # The bundled files have every column, so this only speaks when a column was deleted or renamed
    # (or a column added since, in a file written before it: read as empty without a word).
    for name in (n for n in absent if n not in spec.added_columns):
        problems.append(Problem(raw.name, 1, name, "column_absent", level=Level.WARNING,
                                outcome_override=Outcome.COLUMN_EMPTY))
    return problems


def written_at(raw: RawTable, number: int) -> str:
    """The header cell of column ``number`` (1-based) as written."""
    return raw.written[number - 1] if len(raw.written) >= number else raw.header[number - 1]


def with_headings(problems: Iterable[Problem], headings: dict[str, dict[str, str]]) -> list[Problem]:
    """The problems with their column as the staff wrote it in the file's first line (``headings``:
    file -> column -> header cell as written), where it is written otherwise than its name."""
    out = []
    for problem in problems:
        written = headings.get(problem.file, {}).get(problem.field, "")
        if not problem.heading and written and written != problem.field:
            problem = replace(problem, heading=written)
        out.append(problem)
    return out


def headings_of(raw: RawTable, spec: TableSpec) -> dict[str, str]:
    """Column -> its header cell as written, for the columns of ``spec`` found in ``raw``."""
    return {name: raw.heading(name) for name in spec.column_names if name in raw.header}


def _width(cells: tuple[str, ...]) -> int:
    """Number of cells up to the last non-empty one (spreadsheets may write empty trailing cells)."""
    width = len(cells)
    while width and not cells[width - 1].strip():
        width -= 1
    return width


def check_cell_count(raw: RawTable, cells: tuple[str, ...], line: int, usual: int) -> Problem | None:
    """A row that does not have the first line's cells is shifted: every later value is wrong.

    Empty cells beyond the first line's are padding when every row has them (``usual``: the most common
    row length); in a row longer than the others they are the end of a shifted row.
    """
    header = len(raw.header)
    params = (("header", str(header)), ("sep", raw.separator.replace("\t", "tab")))
    if _width(cells) > header or (len(cells) > header and len(cells) != usual):
        count = max(_width(cells), header + 1)
        return Problem(raw.name, line, "", "cells_more", params=(("cells", str(count)), *params))
    # Spreadsheets write every cell; none of the bundled files has a short row (hand-written CSV that
    # leaves out empty trailing cells would), so a short row is a missing separator: an error.
    if len(cells) < _width(raw.header):
        return Problem(raw.name, line, "", "cells_fewer", params=(("cells", str(len(cells))), *params))
    return None


Note = tuple[str, tuple[tuple[str, str], ...], Outcome]  # code, params, what happens to the value


def _parse_cell(col: Column, cell: str) -> tuple[Any, list[Note], dict[str, str] | None]:
    """(value, notes, the note's parameters if it is an amount's sign: ``unit``, ``number``) or
    FieldError. A formula is reported, kept if read.

    A formula saved as text (``=LIEN_HYPERTEXTE("https://…")``) is kept as written where any text is
    valid (names, notes, sources): dropping the staff's words would lose data, the page escapes it and
    the CSV exports neutralise leading ``=``. Where the column parses a value (links, numbers, ids) the
    parser rejects it and the message says it is a formula: a link is ignored rather than guessed out of
    the formula, since a wrong link is worse than none.
    """
    notes: list[Note] = []
    sign = None
    try:
        value = col.parse(cell)
    except FieldNote as found:
        value = found.value
        notes = [(n.code, n.params, Outcome.VALUE_IGNORED if n.dropped else Outcome.VALUE_KEPT)
                 for n in (found, *found.more)]
        sign = dict(found.params) if found.code == "unit_in_value" else None
    if cell.strip().startswith("="):
        notes = [("formula_kept", (), Outcome.VALUE_KEPT)]
    return value, notes, sign


def _default_params(col: Column) -> tuple[tuple[str, str], ...]:
    """The default a bad value is replaced with, as the staff know it (``Prévue (planned)``)."""
    default = str(col.default)
    vocabulary = getattr(col.parse, "vocabulary", None)
    if vocabulary is None:
        return (("default", default),)
    return tuple(per_lang("default", lambda lang: vocabulary.shown(default, lang)).items())


def parse_rows(raw: RawTable, spec: TableSpec
               ) -> tuple[list[dict[str, Any]], list[Problem], dict[str, int]]:
    """Check the header and every cell of ``raw`` against ``spec``.

    Returns the valid rows, the problems and the ids of the rows left out (id -> line), so that a
    reference to them can name the real cause. See :func:`parse_all_rows` for the rows left out too.
    """
    rows, problems, dropped, _ = parse_all_rows(raw, spec)
    return rows, problems, dropped


def parse_all_rows(raw: RawTable, spec: TableSpec
                   ) -> tuple[list[dict[str, Any]], list[Problem], dict[str, int], list[dict[str, Any]]]:
    """:func:`parse_rows`, plus the rows left out for a bad value, as far as they were read (a bad value
    replaced with its column's default): what is known of them, so that a page can say that something
    is missing (a key figure whose row is left out) rather than nothing."""
    problems: list[Problem] = [
        Problem(raw.name, line, "", "line_cp1252", level=Level.WARNING, outcome_override=Outcome.VALUE_KEPT)
        for line in raw.cp1252_lines
    ]
    raw, aliased = with_download_headers(raw, spec.column_names)
    problems.extend(aliased)
    header_problems = check_header(raw, spec)
    problems.extend(header_problems)
    if any(p.level is Level.ERROR for p in header_problems):
        return [], problems, {}, []
    position: dict[str, int] = {}
    for i, name in enumerate(raw.header):  # a column written twice: the first one is read (reported)
        if name in set(spec.column_names):
            position.setdefault(name, i)
    by_name = {col.name: col for col in spec.columns}
    rows: list[dict[str, Any]] = []
    set_aside: list[dict[str, Any]] = []
    seen_ids: dict[str, int] = {}
    dropped: dict[str, int] = {}
    usual = Counter(len(cells) for cells in raw.rows).most_common(1)[0][0] if raw.rows else 0
    for cells, line in zip(raw.rows, raw.lines, strict=True):
        swallowed = swallowed_rows(cells, line, raw.header, raw.separator)
        if swallowed is not None:
            problems.append(quote_problem(raw, swallowed, line))
            _note_shifted_id(cells, position.get(spec.id_column or ""), line, dropped)
            for row_line, row_id in swallowed.rows:
                dropped.setdefault(row_id, row_line)
            continue
        shifted = check_cell_count(raw, cells, line, usual)
        if shifted is not None:
            problems.append(shifted)
            _note_shifted_id(cells, position.get(spec.id_column or ""), line, dropped)
            continue
        row: dict[str, Any] = {"line": line}
        row_ok = True
        signs: dict[str, tuple[str, dict[str, str]]] = {}  # amount column -> (cell, its sign's note)
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
                row[col.name], notes, sign = _parse_cell(col, cell)
            except FieldError as err:
                code, params = err.code, err.params
                if cell.strip().startswith("="):
                    code, params = "formula", ()
                left_out = col.required or col.strict
                if not left_out and code == "not_allowed" and col.default not in (None, "", ()):
                    code, params = "not_allowed_default", (*params, *_default_params(col))
                if code == "scaled_amount":  # 30 M€: the message says where the unit goes
                    params = (*params, ("column", spec.unit_column or ""))
                problems.append(Problem(raw.name, line, col.name, code, cell.strip(), params,
                                        Level.ERROR if left_out else Level.WARNING))
                row_ok = row_ok and not left_out
                row[col.name] = col.default
                continue
            if sign is not None:
                signs[col.name] = (cell, sign)
            else:
                problems.extend(Problem(raw.name, line, col.name, code, cell.strip(), params, Level.WARNING,
                                        outcome) for code, params, outcome in notes)
        if signs:
            row_ok = _reconcile_units(raw, spec, by_name, row, signs, cells, position, problems) and row_ok
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
        else:
            set_aside.append(row)
        if not row_ok and spec.id_column and row.get(spec.id_column) and row[spec.id_column] not in seen_ids:
            dropped.setdefault(row[spec.id_column], line)
    return rows, problems, dropped, set_aside


def quote_problem(raw: RawTable, swallowed: Swallowed, line: int) -> Problem:
    """The row at ``line`` holds a quoted cell that swallowed the next records: said, with their ids."""
    code = "quote_unclosed_many" if len(swallowed.rows) > 1 else "quote_unclosed"
    column = raw.header[swallowed.cell] if swallowed.cell < len(raw.header) else ""
    return Problem(raw.name, line, column, code, params=(
        ("line", str(swallowed.line)), ("rows", swallowed_list(swallowed))))


def _note_shifted_id(cells: tuple[str, ...], i: int | None, line: int, dropped: dict[str, int]) -> None:
    """A shifted row is left out; its id (before the shift, if it is one) is noted so that a reference
    to it names that row rather than an unknown id."""
    if i is None or i >= len(cells):
        return
    with suppress(FieldError):
        dropped.setdefault(identifier(cells[i]), line)


def _reconcile_units(raw: RawTable, spec: TableSpec, by_name: dict[str, Column], row: dict[str, Any],
                     signs: dict[str, tuple[str, dict[str, str]]], cells: tuple[str, ...],
                     position: dict[str, int],
                     problems: list[Problem]) -> bool:
    """An amount written with ``€`` or ``%``: read, with a warning; its sign fills an empty unit cell
    and must agree with a filled one (else the value is wrong whatever the unit). Each message says
    the number read (``lu comme 60000000``). False: row left out."""
    line = int(row["line"])
    unit_col = by_name.get(spec.unit_column or "")
    i = position.get(spec.unit_column or "")
    unit_cell = cells[i].strip() if i is not None and i < len(cells) else ""
    checked = unit_col is not None and isinstance(row.get(unit_col.name), str) and unit_col.parse is not text
    row_ok = True
    for name, (cell, sign) in signs.items():
        col = by_name[name]
        unit = sign["unit"]
        params = (("column", spec.unit_column or ""), ("unit", unit), ("number", sign["number"]))
        if checked and unit_cell and row[unit_col.name] != unit:
            level = Level.ERROR if col.required else Level.WARNING
            problems.append(Problem(raw.name, line, name, "unit_conflict", cell.strip(),
                                    (*params, ("written", unit_cell)), level))
            row[name] = col.default
            row_ok = row_ok and not col.required
        elif checked and not unit_cell:
            row[unit_col.name] = unit
            problems.append(Problem(raw.name, line, name, "unit_from_value", cell.strip(), params,
                                    Level.WARNING, Outcome.VALUE_KEPT))
        else:
            problems.append(Problem(raw.name, line, name, "unit_in_value", cell.strip(), params,
                                    Level.WARNING, Outcome.VALUE_KEPT))
    return row_ok


def load_table(data_dir: Path, spec: TableSpec) -> TableResult:
    """Read and check one file of the data directory."""
    try:
        raw = read_table(data_dir / spec.name)
    except TableError as err:
        problem = Problem(spec.name, 0, "", err.code, err.detail, err.params)
        return TableResult(spec, empty_frame(spec), (problem,), readable=False)
    rows, problems, dropped, left_out = parse_all_rows(raw, spec)
    headings = headings_of(raw, spec)
    problems = with_headings(problems, {spec.name: headings})
    frame = pd.DataFrame(rows, columns=[*spec.column_names, "line"]) if rows else empty_frame(spec)
    readable = not any(p.outcome is Outcome.FILE_LEFT_OUT for p in problems)  # as the sidebar says
    return TableResult(spec, frame, tuple(problems), readable, dropped, headings, tuple(left_out))


# --- checks across rows and files -------------------------------------------------------------


def locate(frame: pd.DataFrame, file: str, gazetteer: Gazetteer, *, country_said: Iterable[int] = ()
           ) -> tuple[pd.DataFrame, list[Problem]]:
    """Check given coordinates and resolve missing ones from (city, country). Adds ``city_key``.

    A partner's country may be empty (not known): it stays empty, and its city, if any, is looked up
    among the French places, with a warning (the map places it in France, the page says the country is
    not known). ``country_said``: the lines whose country cell was already reported (a bad value, read
    as empty): no second word on it."""
    said = frozenset(country_said)
    problems: list[Problem] = []
    lats: list[float] = []
    lons: list[float] = []
    for row in frame.itertuples(index=False):
        lat, lon = _float(row.lat), _float(row.lon)
        line, city, given = int(row.line), str(row.city or ""), str(row.country or "")
        country = given or "FR"  # a city without its country is looked up in France (said below)
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
                if not given and line not in said:  # placed in France; the page: country not known
                    problems.append(Problem(file, line, "country", "city_without_country", city,
                                            level=Level.WARNING, outcome_override=Outcome.VALUE_KEPT))
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


def check_date_order(frame: pd.DataFrame, file: str, start: str, end: str) -> list[Problem]:
    problems = []
    for row in frame[[start, end, "line"]].itertuples(index=False):
        first, last = row[0], row[1]
        if first is not None and last is not None and last.last_day < first.first_day:
            problems.append(Problem(file, int(row[2]), end, "end_before_start", str(last),
                                    (("start", str(first)),), Level.WARNING))
    return problems


def check_one_lead(partners: pd.DataFrame) -> list[Problem]:
    """The cluster has one lead institution: a second row marked ``lead`` (a spreadsheet's fill-down) is
    said, on each row after the first, naming the first's line. The rows are kept as written."""
    if "lead" not in partners or partners.empty:
        return []
    leads = [int(line) for line in partners.loc[partners["lead"].eq(True), "line"]]
    return [Problem("partners.csv", line, "lead", "second_lead", "", (("first", str(leads[0])),),
                    Level.WARNING, outcome_override=Outcome.VALUE_KEPT) for line in leads[1:]]


def localized(frame: pd.DataFrame, stem: str, lang: str) -> pd.Series:
    """The ``<stem>_<lang>`` column, falling back to ``<stem>_fr`` where empty."""
    french = frame[f"{stem}_fr"].fillna("").astype(object)
    own = frame.get(f"{stem}_{lang}")
    if own is None or lang == "fr":
        return french
    own = own.fillna("").astype(object)
    return own.where(own.astype(bool), french)
