"""Headers of the site's own CSV downloads, read as the columns of the data files.

A download (``partners.column.*``, ``events.export.*`` in fr/en/de) is a spreadsheet in the page's language:
``Ville`` for ``city``, ``Remarque`` for the French ``note_fr``. Someone who edits a download and saves it as
``partners.csv`` keeps those headers; each is read as its column, with a warning that says so. The columns
that only a download has (``Sur la carte``, the events' ``Date``) stay unknown columns.
``tests/unit/test_header_aliases.py`` checks that these keys follow the downloads' columns.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from enact_dash.data.problems import Level, Outcome, Problem
from enact_dash.data.tables import RawTable, normalize_header
from enact_dash.i18n import LANGS, t

# Per data file: the catalogue prefix of its download's headers and, per download column, the data
# column it holds (``{lang}``: the download's language).
DOWNLOAD_HEADERS: dict[str, tuple[str, dict[str, str]]] = {
    "partners.csv": ("partners.column", {
        "id": "id", "name": "name", "short_name": "short_name", "type": "type", "relation": "relation",
        "lead": "lead", "city": "city", "country": "country", "lat": "lat", "lon": "lon", "axes": "axes",
        "website": "website", "source": "source", "note": "note_{lang}",
    }),
    "events.csv": ("events.export", {
        "id": "id", "title": "title_{lang}", "type": "type", "start": "start", "end": "end",
        "status": "status", "venue": "venue", "city": "city", "country": "country", "axes": "axes",
        "audience": "audience", "accessibility": "accessibility",
        "accessibility_note": "accessibility_note_{lang}", "registration_url": "registration_url",
        "description": "description_{lang}", "source": "source",
    }),
}


# What a download writes for a value that is not known (``non connu``, ``site non précisé``…), in words.
UNKNOWN_WORDS = ("common.unknown", "common.not_specified", "common.site_unspecified",
                 "vocab.axis.unspecified")


@cache
def unknown_words() -> frozenset[str]:
    """The download's words for "not known", in every language, compared without case or extra spaces."""
    return frozenset(" ".join(t(key, lang).casefold().split()) for key in UNKNOWN_WORDS for lang in LANGS)


@cache
def header_aliases(file: str, lang: str) -> dict[str, str]:
    """Normalised header of the download in ``lang`` (``ville``) -> the column it stands for (``city``).
    A header that is already a column's name is left out (it is that column)."""
    prefix, columns = DOWNLOAD_HEADERS.get(file, ("", {}))
    aliases: dict[str, str] = {}
    for key, column in columns.items():
        header = normalize_header(t(f"{prefix}.{key}", lang))
        target = column.format(lang=lang)
        if header != target:
            aliases.setdefault(header, target)
    return aliases


def with_download_headers(raw: RawTable, known: tuple[str, ...]) -> tuple[RawTable, list[Problem]]:
    """``raw`` with the headers of a download read as the columns they stand for (``known``: the file's
    columns), each said with a warning. The download's language is the one whose headers the first line
    has most of (a header such as ``Description`` is written alike in two languages)."""
    unknown = [name for name in raw.header if name and name not in known]
    if not unknown:
        return raw, []
    lang = max(LANGS, key=lambda code: sum(name in header_aliases(raw.name, code) for name in unknown))
    aliases = header_aliases(raw.name, lang)
    header = list(raw.header)
    problems: list[Problem] = []
    for number, name in enumerate(raw.header):
        column = aliases.get(name)
        if name in known or column is None or column in header:
            continue
        header[number] = column
        problems.append(Problem(raw.name, 1, column, "column_alias", params=(("column", column),),
                                level=Level.WARNING, outcome_override=Outcome.COLUMN_READ,
                                heading=raw.written[number] if number < len(raw.written) else name))
    if not problems:
        return raw, []
    words = unknown_words()
    blanked = 0
    rows = []
    for cells in raw.rows:
        said = [" ".join(cell.casefold().split()) in words for cell in cells]
        blanked += sum(said)
        rows.append(tuple("" if unknown else cell for cell, unknown in zip(cells, said, strict=True)))
    if blanked:
        problems.append(Problem(raw.name, 0, "", "download_unknown_words", params=(
            ("count", str(blanked)), ("words", ", ".join(sorted({t(k, lang) for k in UNKNOWN_WORDS})))),
            level=Level.WARNING, outcome_override=Outcome.VALUE_KEPT))
    return replace(raw, header=tuple(header), rows=tuple(rows)), problems
