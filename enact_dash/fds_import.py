"""``enact-dash import-fds FILE [--data-dir DIR] [--dry-run]``: pull a Fête de la Science programme in.

Reads the national open-data export (see :mod:`enact_dash.events.fds`), keeps the Grand Est events and
merges them into ``<data dir>/events.csv``:

* idempotent: an imported event is keyed by its ``external_id`` (the export's ``identifiant``); running
  the same file twice adds nothing and updates nothing;
* an ``origin=fds`` row is updated only when its source data changed, and only in the columns the
  importer owns (axes, translations and any extra column added by the staff stay);
* a row with any other origin (``manual``: hand-edited) is never overwritten, even if it carries
  the same ``external_id`` or id;
* the file is written back in its own dialect (separator, encoding, BOM, line ends), atomically. A
  Windows-1252 file that cannot hold an imported character is written as UTF-8 with a BOM (said so).

Prints a translated summary (read, kept, added, updated, unchanged, rejected with their line or
record numbers and reasons) and a plain progress bar on stderr for large files.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from enact_dash.config import get_settings
from enact_dash.data.columns import choice
from enact_dash.data.problems import FieldError
from enact_dash.data.schemas import EVENTS
from enact_dash.data.tables import MIXED_ENCODING, decode, normalize_header, sniff_separator
from enact_dash.data.vocab import ORIGINS
from enact_dash.events.fds import (
    OWNED_COLUMNS,
    FdsError,
    RecordRejectedError,
    Rejection,
    event_id,
    map_record,
    read_source,
    select,
)
from enact_dash.i18n import LANGS, t

PROGRESS_MIN = 500  # records: below this, no progress bar
BAR_WIDTH = 30
EVENTS_FILE = EVENTS.name
# The opendatasoft answer, quoted in events.import.error.not_fds_json as written (code, not prose).
JSON_EXAMPLE = '{"results": […]}'
_ORIGIN = choice(ORIGINS, "origin")


# --- the events file, in its own dialect ------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    encoding: str = "utf-8"  # "utf-8", "utf-8-sig" (with BOM), "cp1252" or "utf-16"
    separator: str = ","
    newline: str = "\n"


@dataclass
class EventsFile:
    header: list[str]  # as written in the file
    rows: list[dict[str, str]]  # keyed by normalised column name
    dialect: Dialect = field(default_factory=Dialect)
    reencoded: bool = False


def read_events_file(path: Path) -> EventsFile:
    """Read ``events.csv`` as text cells, remembering how it was saved (new file if missing)."""
    if not path.exists():
        return EventsFile(list(EVENTS.column_names), [])
    data = path.read_bytes()
    text, encoding, _ = decode(data)
    if encoding in ("utf-8-sig", MIXED_ENCODING):
        # A UTF-8 file with a few Windows-1252 lines is written back wholly in UTF-8.
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    text = text.lstrip("\ufeff")
    first_line = text.splitlines()[0] if text.strip() else ""
    newline = "\r\n" if "\r\n" in text[: len(first_line) + 2] else "\n"
    dialect = Dialect(encoding, sniff_separator(first_line) if first_line else ",", newline)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.separator)
    header = next(reader, [])
    keys = [normalize_header(h) for h in header]
    rows = [
        dict(zip(keys, cells + [""] * (len(keys) - len(cells)), strict=False))
        for cells in reader
        if any(c.strip() for c in cells)
    ]
    for name in EVENTS.column_names:  # an older file may lack new columns: add them at the end
        if name not in keys:
            header.append(name)
    return EventsFile(header, rows, dialect)


def write_events_file(path: Path, events: EventsFile) -> None:
    """Write atomically (temporary file + rename) in the file's dialect."""
    keys = [normalize_header(h) for h in events.header]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=events.dialect.separator,
                        lineterminator=events.dialect.newline)
    writer.writerow(events.header)
    for row in events.rows:
        writer.writerow([row.get(key, "") for key in keys])
    text = buffer.getvalue()
    encoding = events.dialect.encoding
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8-sig")
        events.reencoded = True
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".events-", suffix=".csv")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- merging ------------------------------------------------------------------------------------


@dataclass
class Summary:
    read: int = 0
    kept: int = 0  # Grand Est records
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    protected: int = 0  # matching a hand-edited row: left alone
    rejected: list[Rejection] = field(default_factory=list)
    unit: str = "line"
    reencoded: bool = False


def _same(column: str, old: str, new: str) -> bool:
    if column in ("lat", "lon"):
        try:
            return round(float(old.replace(",", ".")), 6) == round(float(new), 6)
        except ValueError:
            return old.strip() == new.strip()
    return " ".join(old.split()) == " ".join(new.split())


def _imported(row: dict[str, str]) -> bool:
    """The row's ``origin`` read as the app reads it (``fds``, or its label ``Import Fête de la Science``);
    an empty or unreadable origin is not ``fds``: the row is protected."""
    try:
        return _ORIGIN(row.get("origin") or "") == "fds"
    except FieldError:
        return False


def merge(events: EventsFile, imported: list[tuple[int, dict[str, str]]], summary: Summary) -> None:
    """Merge mapped records (position, owned cells) into ``events`` in place, counting in ``summary``."""
    by_external = {
        row.get("external_id", "").strip(): row
        for row in events.rows
        if _imported(row) and row.get("external_id", "").strip()
    }
    manual_external = {
        row.get("external_id", "").strip()
        for row in events.rows
        if not _imported(row) and row.get("external_id", "").strip()
    }
    ids = {row.get("id", "").strip() for row in events.rows}
    for position, cells in imported:
        external = cells["external_id"]
        current = by_external.get(external)
        if current is not None:
            changed = [c for c in OWNED_COLUMNS if not _same(c, current.get(c, ""), cells[c])]
            if changed:
                current.update({c: cells[c] for c in changed})
                summary.updated += 1
            else:
                summary.unchanged += 1
            continue
        new_id = event_id(external)
        if external in manual_external or new_id in ids:
            summary.protected += 1
            summary.rejected.append(Rejection(position, "protected", new_id))
            continue
        row = dict.fromkeys((normalize_header(h) for h in events.header), "")
        row.update(cells)
        row["id"] = new_id
        events.rows.append(row)
        by_external[external] = row
        ids.add(new_id)
        summary.added += 1


# --- progress and report ------------------------------------------------------------------------


class Progress:
    """``[#######.......]  45%  450/1000`` on one line of ``stream``, redrawn at each whole percent."""

    def __init__(self, total: int, stream: TextIO, label: str) -> None:
        self.total = total
        self.stream = stream
        self.label = label
        self.shown = -1

    def update(self, done: int) -> None:
        percent = done * 100 // max(self.total, 1)
        if percent == self.shown:
            return
        self.shown = percent
        filled = BAR_WIDTH * done // max(self.total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {percent:3d}% {done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def report(summary: Summary, lang: str, *, dry_run: bool) -> str:
    lines = [
        t("events.import.summary", lang, read=summary.read, kept=summary.kept, added=summary.added,
          updated=summary.updated, unchanged=summary.unchanged, protected=summary.protected,
          rejected=len(summary.rejected) - summary.protected),
    ]
    for item in sorted(summary.rejected, key=lambda r: r.position):
        lines.append(t("events.import.rejected_line", lang,
                       where=t(f"events.import.{summary.unit}", lang, n=item.position),
                       reason=t(f"events.import.reason.{item.code}", lang, value=item.value)))
    if summary.reencoded:
        lines.append(t("events.import.reencoded", lang))
    if dry_run:
        lines.append(t("events.import.dry_run", lang))
    return "\n".join(lines) + "\n"


# --- the command --------------------------------------------------------------------------------


def run_import(source_path: Path, data_dir: Path, *, dry_run: bool = False,
               progress_stream: TextIO | None = None, progress_min: int = PROGRESS_MIN,
               lang: str = "fr") -> Summary:
    """Import ``source_path`` into ``data_dir/events.csv``; raises :class:`FdsError` if unreadable."""
    source = read_source(source_path)
    summary = Summary(read=len(source.records) + len(source.problems), unit=source.unit,
                      rejected=list(source.problems))
    progress = None
    if progress_stream is not None and len(source.records) >= progress_min:
        progress = Progress(len(source.records), progress_stream, t("events.import.progress", lang))
    imported: list[tuple[int, dict[str, str]]] = []
    seen: set[str] = set()
    selected = {id(r) for r in select(source.records)}
    for done, record in enumerate(source.records, start=1):
        if progress is not None:
            progress.update(done)
        if id(record) not in selected:
            continue
        summary.kept += 1
        try:
            cells = map_record(record.fields, source.dataset)
        except RecordRejectedError as exc:
            summary.rejected.append(Rejection(record.position, exc.code, exc.value))
            continue
        if cells["external_id"] in seen:
            summary.rejected.append(Rejection(record.position, "duplicate", cells["external_id"]))
            continue
        seen.add(cells["external_id"])
        imported.append((record.position, cells))
    if progress is not None:
        progress.close()
    target = data_dir / EVENTS_FILE
    events = read_events_file(target)
    merge(events, imported, summary)
    if not dry_run and (summary.added or summary.updated):
        write_events_file(target, events)
        summary.reencoded = events.reencoded
    return summary


def cli_main(argv: list[str]) -> int:
    """Entry point of ``enact-dash import-fds``. Exit status: 0 done, 1 rows rejected, 2 unusable."""
    parser = argparse.ArgumentParser(prog="enact-dash import-fds",
                                     description=t("events.import.description", "en"))
    parser.add_argument("file", type=Path, help="CSV (;) or JSON export of fr-esr-fete-de-la-science")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="data directory (default: ENACT_DATA_DIR or data/)")
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    parser.add_argument("--lang", choices=LANGS, default="fr", help="language of the report")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or get_settings().data_dir
    if not data_dir.is_dir():
        sys.stderr.write(t("events.import.error.no_data_dir", args.lang, dir=str(data_dir)) + "\n")
        return 2
    try:
        summary = run_import(args.file, data_dir, dry_run=args.dry_run,
                             progress_stream=sys.stderr, lang=args.lang)
    except FdsError as exc:
        sys.stderr.write(t(f"events.import.error.{exc.code}", args.lang, file=str(args.file),
                           detail=exc.detail, example=JSON_EXAMPLE) + "\n")
        return 2
    sys.stdout.write(report(summary, args.lang, dry_run=args.dry_run))
    return 1 if len(summary.rejected) > summary.protected else 0
