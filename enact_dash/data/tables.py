"""Reading CSV files the way people really save them.

Excel in French saves ``;``-separated Windows-1252 with CRLF; LibreOffice saves UTF-8, maybe with a BOM.
Both load the same. Nothing here ever writes to a data file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

ENCODINGS = ("utf-8-sig", "cp1252")
SEPARATORS = (",", ";", "\t")


class TableError(Exception):
    """The file cannot be read at all. ``code`` names the message in ``problems.*``."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class RawTable:
    """A CSV file as text cells. ``lines[i]`` is the spreadsheet row of ``rows[i]`` (header = 1)."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    encoding: str
    separator: str


def normalize_header(name: str) -> str:
    return "_".join(name.strip().strip("\ufeff").lower().replace("-", "_").split())


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252."""
    if b"\x00" in data[:4096]:
        raise TableError("file_binary")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    # cp1252 leaves 5 bytes undefined; latin-1 accepts everything.
    return data.decode("latin-1"), "latin-1"


def sniff_separator(first_line: str) -> str:
    """The separator is the candidate that splits the header line the most."""
    counts = {sep: first_line.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def parse_text(text: str, name: str, encoding: str = "utf-8") -> RawTable:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TableError("file_empty")
    first_line = text.splitlines()[0]
    separator = sniff_separator(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header_cells = next(reader)
    except csv.Error as exc:
        raise TableError("file_unreadable", str(exc)) from exc
    header = tuple(normalize_header(cell) for cell in header_cells)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    line = 1
    try:
        for cells in reader:
            line += 1
            if not any(cell.strip() for cell in cells):
                continue  # blank spreadsheet rows are not records
            rows.append(tuple(cells))
            lines.append(line)
    except csv.Error as exc:
        raise TableError("file_unreadable", f"line {line + 1}: {exc}") from exc
    return RawTable(name, header, tuple(rows), tuple(lines), encoding, separator)


def read_table(path: Path) -> RawTable:
    """Read one CSV file; :class:`TableError` if it is missing, empty or not a CSV file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TableError("file_missing") from exc
    except IsADirectoryError as exc:
        raise TableError("file_unreadable", "is a directory") from exc
    except OSError as exc:
        raise TableError("file_unreadable", exc.strerror or str(exc)) from exc
    if data.startswith(b"PK\x03\x04"):
        raise TableError("file_xlsx")
    text, encoding = decode(data)
    return parse_text(text, path.name, encoding)
