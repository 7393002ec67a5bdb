"""Reading CSV files the way people really save them.

Excel in French saves ``;``-separated Windows-1252 with CRLF ("CSV"), UTF-8 with a BOM ("CSV UTF-8") or
tab-separated UTF-16 with a BOM ("Texte Unicode"); LibreOffice saves UTF-8, maybe with a BOM. All load the
same. A UTF-8 file with a few Windows-1252 lines (pasted from another file) is decoded line by line and
those lines are reported. Nothing here ever writes to a data file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

SEPARATORS = (",", ";", "\t")
MIXED_ENCODING = "utf-8+cp1252"
# The line breaks io.StringIO(newline="") splits on, so that byte lines and csv.reader lines agree.
_LINE_BREAK = re.compile(rb"\r\n|\n|\r")


class TableError(Exception):
    """The file cannot be read at all. ``code`` names the message in ``problems.*``, ``params`` fill it."""

    def __init__(self, code: str, detail: str = "", **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.params = tuple((k, str(v)) for k, v in params.items())


# An id as the files write them (``enact_dash.data.columns``): what makes a line look like a record.
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_CELL_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True)
class Swallowed:
    """A quoted cell that holds whole records: its quote, opened at spreadsheet row ``line`` in cell
    ``cell`` (0-based) of its row, was never closed where it should have been. ``rows``: (the row each
    record would have been, its id) for the lines of the cell that look like records."""

    line: int
    cell: int
    rows: tuple[tuple[int, str], ...]


def swallowed_rows(cells: tuple[str, ...], line: int, header: tuple[str, ...], separator: str
                   ) -> Swallowed | None:
    """The first cell of a record (at spreadsheet row ``line``) whose text goes on over lines that look
    like records of the file: as many cells as half the header (3 at least) with an id where the id
    column is. A note written over two lines does not look like that."""
    id_at = header.index("id") if "id" in header else 0
    breaks = 0
    for number, cell in enumerate(cells):
        pieces = _CELL_BREAK.split(cell)
        rows = []
        for k, piece in enumerate(pieces[1:], start=1):
            parts = next(csv.reader([piece], delimiter=separator), [])
            if (len(parts) >= max(3, len(header) // 2) and id_at < len(parts)
                    and _ID.match(parts[id_at].strip())):
                rows.append((line + breaks + k, parts[id_at].strip()))
        if rows:
            return Swallowed(line + breaks, number, tuple(rows))
        breaks += len(pieces) - 1
    return None


def open_quote_at_end(text: str, separator: str) -> bool:
    """Whether ``text`` ends inside a quoted cell (a quote opened at the start of a cell and never
    closed), as Python's csv module reads it: a file cut while it was being saved, or a stray quote."""
    inside = False
    skip = -1
    for match in re.finditer('"', text):
        at = match.start()
        if at == skip:
            continue
        if inside:
            if text.startswith('""', at):
                skip = at + 1  # an escaped quote
            else:
                inside = False
        elif at == 0 or text[at - 1] in (separator, "\n", "\r"):
            inside = True
    return inside


@dataclass(frozen=True)
class RawTable:
    """A CSV file as text cells. ``lines[i]`` is the spreadsheet row of ``rows[i]`` (header = 1)."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    encoding: str
    separator: str
    # Spreadsheet rows (header = 1) of a UTF-8 file that were read as Windows-1252.
    cp1252_lines: tuple[int, ...] = ()
    # The first line as the staff wrote it (``Ville``, `` City ``): ``header`` is what is matched
    # (``ville``, ``city``), this is what messages quote. Empty: same as ``header``.
    written: tuple[str, ...] = ()

    def heading(self, name: str) -> str:
        """The column ``name`` (normalised) as its header cell is written, spaces collapsed."""
        for normal, written in zip(self.header, self.written, strict=False):
            if normal == name:
                return written
        return name


def written_header(name: str) -> str:
    """A header cell as written, without the byte order mark and extra spaces (for messages)."""
    return " ".join(name.strip("\ufeff").split())


def normalize_header(name: str) -> str:
    return "_".join(name.strip().strip("\ufeff").lower().replace("-", "_").split())


def _cp1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves 5 bytes undefined; latin-1 accepts everything.
        return data.decode("latin-1")


def decode(data: bytes) -> tuple[str, str, tuple[int, ...]]:
    """Decode bytes: UTF-16 with a BOM, else UTF-8 (with or without BOM), else Windows-1252.

    Returns the text, the encoding and the physical lines (1-based) read as Windows-1252 in a file that is
    otherwise UTF-8. A file with no UTF-8 evidence (no BOM, no valid non-ASCII UTF-8 line) is wholly
    Windows-1252, Excel's plain "CSV": it is read as such, with no line listed.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as exc:
            raise TableError("file_unreadable", f"UTF-16: {exc.reason}") from exc
    if b"\x00" in data[:4096]:
        raise TableError("file_binary")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig", ()
    except UnicodeDecodeError:
        pass
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    pieces = _LINE_BREAK.split(body)
    breaks = _LINE_BREAK.findall(body)
    texts: list[str] = []
    fallback: list[int] = []
    utf8_seen = bom
    for number, piece in enumerate(pieces, start=1):
        try:
            texts.append(piece.decode("utf-8"))
            utf8_seen = utf8_seen or not piece.isascii()
        except UnicodeDecodeError:
            texts.append(_cp1252(piece))
            fallback.append(number)
    if not utf8_seen:
        return _cp1252(body), "cp1252", ()
    text = "".join(t + (b.decode("ascii") if i < len(breaks) else "")
                   for i, (t, b) in enumerate(zip(texts, [*breaks, b""], strict=True)))
    return text, MIXED_ENCODING, tuple(fallback)


def sniff_separator(first_line: str) -> str:
    """The separator is the candidate that splits the header line the most."""
    counts = {sep: first_line.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def parse_text(text: str, name: str, encoding: str = "utf-8",
               cp1252_physical: tuple[int, ...] = ()) -> RawTable:
    """Split ``text`` into cells; ``cp1252_physical`` (physical lines) become spreadsheet rows."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TableError("file_empty")
    first_line = text.splitlines()[0]
    separator = sniff_separator(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    pending = sorted(cp1252_physical)
    flagged: list[int] = []

    def flag(line: int) -> None:
        """Mark spreadsheet row ``line`` if it holds a physical line read as Windows-1252."""
        hit = False
        while pending and pending[0] <= reader.line_num:
            pending.pop(0)
            hit = True
        if hit:
            flagged.append(line)

    try:
        header_cells = next(reader)
    except csv.Error as exc:
        raise TableError("file_unreadable", str(exc)) from exc
    flag(1)
    header = tuple(normalize_header(cell) for cell in header_cells)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    line = 1
    last: tuple[str, ...] = ()
    try:
        for cells in reader:
            line += 1
            flag(line)
            last = tuple(cells)
            if not any(cell.strip() for cell in cells):
                continue  # blank spreadsheet rows are not records
            rows.append(tuple(cells))
            lines.append(line)
    except csv.Error as exc:
        raise TableError("file_unreadable", f"line {line + 1}: {exc}") from exc
    if open_quote_at_end(text, separator):
        _ends_in_quote(last or tuple(header_cells), line, header, separator)
    return RawTable(name, header, tuple(rows), tuple(lines), encoding, separator, tuple(flagged),
                    tuple(written_header(cell) for cell in header_cells))


def _ends_in_quote(cells: tuple[str, ...], line: int, header: tuple[str, ...], separator: str) -> None:
    """The file ends inside the quoted last cell of ``cells`` (spreadsheet row ``line``): a stray quote
    if that cell holds records, else a file cut short. Either way the file is not complete."""
    swallowed = swallowed_rows(cells, line, header, separator)
    if swallowed is not None:
        code = "quote_unclosed_end_many" if len(swallowed.rows) > 1 else "quote_unclosed_end"
        raise TableError(code, line=swallowed.line, rows=swallowed_list(swallowed))
    opened = line + sum(len(_CELL_BREAK.findall(cell)) for cell in cells[:-1])
    raise TableError("file_incomplete", line=opened)


def swallowed_list(swallowed: Swallowed) -> str:
    """``8 (hus), 9 (region-grand-est)``: the rows read into the cell, with their ids."""
    return ", ".join(f"{row} ({row_id})" for row, row_id in swallowed.rows)


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
    text, encoding, cp1252_physical = decode(data)
    return parse_text(text, path.name, encoding, cp1252_physical)
