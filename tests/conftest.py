"""Test data built by code: small data directories named after what they show."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from enact_dash.data.schemas import ALL_TABLES

REPO = Path(__file__).resolve().parents[1]
HOSTILE_NAME = "<img src=x onerror=alert(1)>"

MINIMAL: dict[str, list[dict[str, str]]] = {
    "axes.csv": [
        {"id": "nlp", "name_fr": "Langues", "name_en": "Language", "name_de": "Sprache", "source": "test"},
        {"id": "health", "name_fr": "Santé numérique", "name_en": "Digital health",
         "name_de": "Digitale Gesundheit", "source": "test"},
    ],
    "partners.csv": [
        {"id": "ul", "name": "Université de Lorraine", "type": "university", "relation": "member",
         "lead": "oui", "city": "Nancy", "country": "FR", "axes": "all", "source": "test"},
        {"id": "hus", "name": "Hôpitaux Universitaires de Strasbourg", "type": "hospital",
         "relation": "member", "city": "Strasbourg", "country": "FR", "axes": "health", "source": "test"},
    ],
    "events.csv": [
        {"id": "day-2025", "title_fr": "Journée annuelle", "type": "annual_day", "start": "2025-12-12",
         "city": "Villers-lès-Nancy", "country": "FR", "status": "confirmed", "source": "test"},
    ],
    "chairs.csv": [
        {"id": "fm4surg", "title": "FM4SURG", "holder": "Nicolas Padoy", "institution": "ul",
         "axis": "health", "call": "2025", "status": "launched", "presented": "oui", "source": "test"},
    ],
    "figures.csv": [
        {"id": "funding", "metric": "funding", "value": "30000000", "unit": "eur", "primary": "oui",
         "label_fr": "Financement", "source": "test"},
    ],
    "actions.csv": [
        {"id": "chairs-2026", "year": "2026", "title_fr": "9 chaires internationales", "pillar": "research",
         "source": "test"},
    ],
    "targets.csv": [
        {"id": "engineers", "label_fr": "Ingénieurs", "baseline_value": "0", "target_value": "12",
         "source": "test"},
    ],
    "milestones.csv": [
        {"id": "launch", "date": "2025-05-20", "label_fr": "Lancement", "source": "test"},
    ],
}


def csv_rows(data: bytes, sep: str = ",") -> list[list[str]]:
    """The rows of a CSV download, which must start with the UTF-8 byte order mark (Excel needs it)."""
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing: Excel would show mojibake"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))


def csv_text(rows: Sequence[Mapping[str, str]], columns: Sequence[str], sep: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=sep, lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_data_dir(path: Path, **overrides: Sequence[Mapping[str, str]] | str | bytes) -> Path:
    """A complete, valid data directory; ``partners=[...]`` (rows), a str or bytes replaces a file."""
    path.mkdir(parents=True, exist_ok=True)
    for spec in ALL_TABLES:
        key = spec.name.removesuffix(".csv")
        content = overrides.get(key, MINIMAL[spec.name])
        target = path / spec.name
        if isinstance(content, bytes):
            target.write_bytes(content)
        elif isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_text(csv_text(content, spec.column_names), encoding="utf-8")
    return path


@pytest.fixture
def make_data_dir(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(1000))

    def make(**overrides: Sequence[Mapping[str, str]] | str | bytes) -> Path:
        return write_data_dir(tmp_path / f"data{next(counter)}", **overrides)

    return make
