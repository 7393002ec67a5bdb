"""The data directory as one validated dataset: every file read, then checked against the others.

Loading has two steps. :func:`read_tables` reads and checks each file on its own (a
:class:`~enact_dash.data.loaders.TableResult` per file); :func:`assemble` runs the checks across files
(coordinates, axes, the chairs' institutions) on those results. A caller that remembers each file's last
good result (the app, while it runs: ``enact_dash.ui.data``) passes them as ``previous``: a file that can no
longer be read is then replaced by its last good version *before* the cross-file checks, so that the other
files are checked against the table the app shows, not against an empty one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from enact_dash.data import schemas
from enact_dash.data.loaders import (
    TableResult,
    check_date_order,
    check_one_lead,
    empty_frame,
    load_table,
    locate,
    with_headings,
)
from enact_dash.data.problems import Level, Outcome, Problem
from enact_dash.data.refs import Target, axes_vocabulary, check_refs, left_out_names, partners_vocabulary
from enact_dash.data.vocab import AXIS_ALL
from enact_dash.geo import GEO_SUBDIR, Gazetteer, geo_dir_for, load_gazetteer

# A reload that keeps fewer than this share of the last good version's rows is said (a file cut short).
SHRINK_RATIO = 0.5
# ... when the last good version had at least this many rows (a small file may lose rows for real).
SHRINK_MIN_ROWS = 4
# The columns by whose text another file may name a row instead of its id (a chair's institution by the
# partner's name, an axis by its name): a row left out is recognised by them too.
NAME_COLUMNS = {"partners": ("name",), "axes": ("name_fr", "name_en", "name_de")}


@dataclass(frozen=True)
class Dataset:
    """Every table of the data directory, validated, plus all problems found."""

    tables: dict[str, pd.DataFrame]
    problems: tuple[Problem, ...] = ()
    unreadable: frozenset[str] = field(default_factory=frozenset)
    # Files left out whose last good version is shown instead (see enact_dash.ui.data.get_dataset).
    kept_previous: frozenset[str] = field(default_factory=frozenset)
    # Per table (``figures``), the rows left out for a bad value, as far as they were read.
    left_out: dict[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)
    # Per table, the file as read now, before the cross-file checks (what a later load may fall back on).
    results: dict[str, TableResult] = field(default_factory=dict, compare=False, repr=False)

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None

    def unavailable(self, name: str) -> bool:
        """Whether the file ``name`` (``partners.csv`` or ``partners``) was left out as a whole, with no
        earlier version to show: its table is empty because it could not be read, not because it is."""
        file = name if name.endswith(".csv") else f"{name}.csv"
        return file in self.unreadable and file not in self.kept_previous

    def left_out_values(self, name: str, column: str) -> frozenset[str]:
        """The values of ``column`` in the rows of table ``name`` left out for a bad value (e.g. the
        metrics of figures.csv whose row could not be read): known to exist, not shown."""
        return frozenset(str(row[column]) for row in self.left_out.get(name, ())
                         if isinstance(row.get(column), str) and row[column])

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is Level.ERROR)


def read_tables(data_dir: Path) -> dict[str, TableResult]:
    """Each file of ``data_dir`` read and checked on its own (key: ``partners``…)."""
    results = {}
    for spec in schemas.ALL_TABLES:
        key = spec.name.removesuffix(".csv")
        if data_dir.is_dir():
            results[key] = load_table(data_dir, spec)
        else:
            results[key] = TableResult(spec, empty_frame(spec), (), readable=False)
    return results


def fallbacks(results: Mapping[str, TableResult], previous: Mapping[str, TableResult]) -> frozenset[str]:
    """The tables for which ``previous`` changes what :func:`assemble` gives: a file that cannot be read
    now but could before, or one that lost most of its rows (a warning says so)."""
    return frozenset(key for key, result in results.items()
                     if key in previous and (not result.readable or _shrunk(result, previous[key])))


def _shrunk(result: TableResult, before: TableResult) -> bool:
    rows, earlier = len(result.frame), len(before.frame)
    return result.readable and earlier >= SHRINK_MIN_ROWS and rows < earlier * SHRINK_RATIO


def load_dataset(data_dir: Path, geo_dir: Path | None = None,
                 previous: Mapping[str, TableResult] | None = None) -> Dataset:
    """Load and cross-check every file of ``data_dir`` (see :func:`assemble` for ``previous``)."""
    data_dir = Path(data_dir)
    return assemble(read_tables(data_dir), data_dir, geo_dir, previous)


def assemble(results: Mapping[str, TableResult], data_dir: Path, geo_dir: Path | None = None,
             previous: Mapping[str, TableResult] | None = None) -> Dataset:
    """Cross-check the files read (``results``) into a dataset.

    ``previous``: the last good result of each file, if any. A file that cannot be read now is replaced
    by its previous result (its problem is still listed; ``kept_previous`` names it), and the other files
    are checked against that version. A file that now has far fewer rows than its previous result
    (fewer than half, of at least 4) is shown as read, with a warning giving both counts.
    """
    previous = previous or {}
    problems: list[Problem] = []
    if not data_dir.is_dir():
        problems.append(Problem(data_dir.name or str(data_dir), 0, "", "dir_missing", str(data_dir)))
    used: dict[str, TableResult] = {}
    kept: set[str] = set()
    unreadable: set[str] = set()
    for key, result in results.items():
        problems.extend(result.problems)
        used[key] = result
        if result.readable:
            if key in previous and _shrunk(result, previous[key]):
                problems.append(Problem(result.spec.name, 0, "", "rows_lost", params=(
                    ("before", str(len(previous[key].frame))), ("after", str(len(result.frame)))),
                    level=Level.WARNING, outcome_override=Outcome.FILE_SHOWN))
            continue
        unreadable.add(result.spec.name)
        if key in previous:
            used[key] = previous[key]
            kept.add(result.spec.name)
    tables = {key: result.frame for key, result in used.items()}
    dropped = {key: result.dropped for key, result in used.items()}
    headings = {result.spec.name: result.headings for result in used.values()}

    geo = geo_dir or geo_dir_for(data_dir)
    try:
        gazetteer = load_gazetteer(geo)
    except (OSError, ValueError, KeyError) as err:
        problems.append(Problem(f"{GEO_SUBDIR}/", 0, "", "geo_unreadable", str(err)))
        gazetteer = Gazetteer([])

    def target(key: str) -> Target:
        name = f"{key}.csv"
        readable = name not in unreadable or name in kept
        names = left_out_names(used[key].left_out, NAME_COLUMNS.get(key, ()))
        return Target(name, frozenset(tables[key]["id"]), dropped.get(key, {}), readable, names)

    axes, partners = target("axes"), target("partners")
    any_axes, one_axis = (axes_vocabulary(tables["axes"], with_all=True),
                          axes_vocabulary(tables["axes"], with_all=False))
    for key in ("partners", "events"):
        said = (p.line for p in used[key].problems if p.field == "country")
        frame, found = locate(tables[key], f"{key}.csv", gazetteer, country_said=said)
        problems.extend(found)
        frame, found = check_refs(frame, f"{key}.csv", "axes", axes, "unknown_axis", {AXIS_ALL}, any_axes)
        problems.extend(found)
        tables[key] = frame
    tables["actions"], found = check_refs(tables["actions"], "actions.csv", "axes", axes, "unknown_axis",
                                          {AXIS_ALL}, any_axes)
    problems.extend(found)
    tables["chairs"], found = check_refs(tables["chairs"], "chairs.csv", "axis", axes, "unknown_axis",
                                         vocabulary=one_axis)
    problems.extend(found)
    tables["chairs"], found = check_refs(tables["chairs"], "chairs.csv", "institution", partners,
                                         "unknown_partner",
                                         vocabulary=partners_vocabulary(tables["partners"]),
                                         suggest=True)
    problems.extend(found)
    problems.extend(check_date_order(tables["events"], "events.csv", "start", "end"))
    problems.extend(check_one_lead(tables["partners"]))
    problems = with_headings(problems, headings)  # the cross-file checks' columns, as written
    left_out = {key: result.left_out for key, result in used.items()}
    return Dataset(tables, _in_reading_order(problems), frozenset(unreadable), frozenset(kept),
                   left_out, dict(results))


def _in_reading_order(problems: list[Problem]) -> tuple[Problem, ...]:
    """By file (in load order), then line: the cross-file checks (an axis, a city, a partner reference)
    come after every file's own checks and would otherwise be listed after the other files. The order
    of the problems of one line is kept."""
    files = [spec.name for spec in schemas.ALL_TABLES]

    def place(problem: Problem) -> tuple[int, int]:
        return (files.index(problem.file) if problem.file in files else -1, problem.line)

    return tuple(sorted(problems, key=place))
