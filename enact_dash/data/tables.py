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
    try:
        for cells in reader:
            line += 1
            flag(line)
            if not any(cell.strip() for cell in cells):
                continue  # blank spreadsheet rows are not records
            rows.append(tuple(cells))
            lines.append(line)
    except csv.Error as exc:
        raise TableError("file_unreadable", f"line {line + 1}: {exc}") from exc
    return RawTable(name, header, tuple(rows), tuple(lines), encoding, separator, tuple(flagged),
                    tuple(written_header(cell) for cell in header_cells))


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
