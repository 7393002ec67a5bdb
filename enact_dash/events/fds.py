"""The Fête de la Science open-data export, read and mapped to rows of ``events.csv`` (pure).

The national programme is published as data set ``fr-esr-fete-de-la-science-YY`` (Licence Ouverte
2.0) in CSV (``;``), JSON (a list of records, the opendatasoft ``{"results": [...]}`` answer, or the
older ``[{"fields": {...}}]`` form) and GeoJSON. Field names are in ``/work/shared/facts.md``.

Only what the record says is kept: no axis is guessed, an audience or an accessibility feature is
set only when the record mentions it, coordinates outside the map area are dropped (the loader then
resolves the city with the gazetteer).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from enact_dash.data.tables import TableError, decode, normalize_header, parse_text
from enact_dash.geo import in_map_area, normalize_name

DATASET_PREFIX = "fr-esr-fete-de-la-science"
ID_PREFIX = "fds-"
GRAND_EST = "grand est"
DEPARTEMENTS = {
    "08": "Ardennes", "10": "Aube", "51": "Marne", "52": "Haute-Marne",
    "54": "Meurthe-et-Moselle", "55": "Meuse", "57": "Moselle", "67": "Bas-Rhin",
    "68": "Haut-Rhin", "88": "Vosges",
}
_DEPARTEMENT_NAMES = {normalize_name(name): code for code, name in DEPARTEMENTS.items()}
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_FR_DAY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_YES = {"oui", "yes", "true", "vrai", "1", "annule", "annulee", "cancelled", "canceled", "x"}
MAX_TEXT = 2000
MAX_NOTE = 500

# Columns of events.csv that the importer owns (and may update); the others are left to the staff.
OWNED_COLUMNS = (
    "title_fr", "type", "start", "end", "venue", "city", "country", "lat", "lon", "audience",
    "accessibility", "accessibility_note_fr", "registration_url", "status", "description_fr",
    "source", "origin", "external_id",
)


@dataclass(frozen=True)
class SourceRecord:
    """One record of the export: where it is (``line`` for CSV, ``record`` for JSON) and its fields."""

    position: int
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class Rejection:
    position: int
    code: str  # events.import.reason.<code>
    value: str = ""


@dataclass
class SourceFile:
    records: list[SourceRecord]
    unit: str  # "line" or "record": how positions count
    dataset: str  # data set name for the source column
    problems: list[Rejection] = field(default_factory=list)


class FdsError(Exception):
    """The file cannot be read at all (``code`` names the message in events.import.error.*)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


class RecordRejectedError(ValueError):
    def __init__(self, code: str, value: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.value = value


# --- reading --------------------------------------------------------------------------------------


def dataset_name(path: Path) -> str:
    """``fr-esr-fete-de-la-science-25`` from a file named so; else the generic prefix."""
    stem = path.name.split(".")[0].lower()
    return stem if stem.startswith(DATASET_PREFIX) else DATASET_PREFIX


def _flatten_json_record(item: Any) -> Mapping[str, Any] | None:
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("fields"), dict):  # opendatasoft v1 records
        merged = dict(item["fields"])
        if "geolocalisation" not in merged and isinstance(item.get("geometry"), dict):
            merged["geolocalisation"] = item["geometry"]
        return merged
    if isinstance(item.get("properties"), dict):  # GeoJSON features
        merged = dict(item["properties"])
        if "geolocalisation" not in merged and isinstance(item.get("geometry"), dict):
            merged["geolocalisation"] = item["geometry"]
        return merged
    return item


def _json_items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("results", "records", "features"):
            if isinstance(data.get(key), list):
                return list(data[key])
    raise FdsError("not_fds_json")


def read_source(path: Path) -> SourceFile:
    """Read a CSV or JSON export; :class:`FdsError` if the file cannot be read at all."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FdsError("unreadable", exc.strerror or str(exc)) from exc
    try:
        text, encoding, cp1252_lines = decode(raw)
    except TableError as exc:
        raise FdsError("unreadable", exc.code) from exc
    dataset = dataset_name(path)
    if text.lstrip("\ufeff").lstrip()[:1] in ("[", "{"):
        try:
            data = json.loads(text.lstrip("\ufeff"))
        except json.JSONDecodeError as exc:
            raise FdsError("bad_json", f"{exc.lineno}:{exc.colno} {exc.msg}") from exc
        source = SourceFile([], "record", dataset)
        for number, item in enumerate(_json_items(data), start=1):
            record = _flatten_json_record(item)
            if record is None:
                source.problems.append(Rejection(number, "not_a_record"))
                continue
            source.records.append(
                SourceRecord(number, {normalize_header(str(k)): v for k, v in record.items()})
            )
        return source
    try:
        table = parse_text(text, path.name, encoding, cp1252_lines)
    except TableError as exc:
        raise FdsError("unreadable", exc.detail or exc.code) from exc
    if "identifiant" not in table.header and "titre_fr" not in table.header:
        raise FdsError("not_fds_csv")
    records = [
        SourceRecord(line, dict(zip(table.header, cells, strict=False)))
        for cells, line in zip(table.rows, table.lines, strict=True)
    ]
    return SourceFile(records, "line", dataset)


# --- mapping --------------------------------------------------------------------------------------


class _TextOnly(HTMLParser):
    """Text content of an HTML fragment; block elements become spaces."""

    BLOCKS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "td"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(value: Any, limit: int = MAX_TEXT) -> str:
    """Text of a field: HTML tags dropped, control characters and runs of spaces removed."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v is not None)
    text = str(value)
    if "<" in text and re.search(r"</?(p|br|div|span|strong|em|ul|li|a)\b", text, re.I):
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _flat_text(value: Any) -> str:
    """Every string inside a JSON value, for pattern searches."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def is_grand_est(fields: Mapping[str, Any]) -> bool:
    """By region if given, else by département (code or name), else by postcode."""
    region = normalize_name(plain(fields.get("region")))
    if region:
        return region == GRAND_EST
    departement = plain(fields.get("departement"))
    if departement:
        code = re.match(r"^\s*(\d{2})\b", departement)
        if code:
            return code.group(1) in DEPARTEMENTS
        return normalize_name(departement) in _DEPARTEMENT_NAMES
    postcode = re.sub(r"\s", "", plain(fields.get("code_postal")))
    return bool(re.fullmatch(r"\d{5}", postcode)) and postcode[:2] in DEPARTEMENTS


def event_id(identifiant: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", identifiant.strip().lower()).strip("-_")
    return ID_PREFIX + slug[: 64 - len(ID_PREFIX)]


def days_of(fields: Mapping[str, Any]) -> list[date]:
    """All days named in ``dates`` (or ``horaires_iso`` in older editions); rejected if impossible."""
    for name in ("dates", "horaires_iso"):
        text = _flat_text(fields.get(name))
        if not text.strip():
            continue
        found: list[date] = []
        for match in _ISO_DAY.finditer(text):
            found.append(_day(int(match[1]), int(match[2]), int(match[3]), match[0]))
        for match in _FR_DAY.finditer(text):
            found.append(_day(int(match[3]), int(match[2]), int(match[1]), match[0]))
        if not found:
            raise RecordRejectedError("bad_date", plain(text, 60))
        return sorted(set(found))
    raise RecordRejectedError("no_date")


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise RecordRejectedError("bad_date", text) from exc


def coordinates(value: Any) -> tuple[float, float] | None:
    """(lat, lon) from ``{"lat":, "lon":}``, ``[lat, lon]``, ``"lat, lon"`` or a GeoJSON point."""
    lat = lon = None
    if isinstance(value, str) and value.strip().startswith(("{", "[")):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return None
    if isinstance(value, dict):
        if value.get("type") == "Point" and isinstance(value.get("coordinates"), list):
            lon, lat = (value["coordinates"] + [None, None])[:2]
        else:
            lat, lon = value.get("lat"), value.get("lon", value.get("lng"))
    elif isinstance(value, list | tuple) and len(value) == 2:
        lat, lon = value
    elif isinstance(value, str) and value.count(",") == 1:
        lat, lon = value.split(",")
    try:
        point = (float(lat), float(lon))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return point if in_map_area(*point) else None


def _has_any(fields: Mapping[str, Any], prefix: str) -> bool:
    return any(plain(v) for k, v in fields.items() if k.startswith(prefix))


def audiences(fields: Mapping[str, Any]) -> tuple[str, ...]:
    """Only the audiences that the record names (publics, school or public booking details)."""
    publics = normalize_name(plain(fields.get("publics_concernes")))
    found: list[str] = []
    if (re.search(r"\b(tout|grand) public\b|\bfamill|\badulte|\benfant|\bjeune", publics)
            or _has_any(fields, "grandpublic_")):
        found.append("public")
    if ("scolaire" in publics or _has_any(fields, "scolaire_")
            or plain(fields.get("detail_des_conditions_scolaire_fr"))):
        found.append("schools")
    if re.search(r"\bchercheu|\bscientifique", publics):
        found.append("researchers")
    if re.search(r"\bentreprise|\bprofessionnel", publics):
        found.append("companies")
    return tuple(found)


def accessibility(text: str) -> tuple[str, ...]:
    words = normalize_name(text)
    found = []
    if re.search(r"\blangue des signes\b|\blsf\b", words):
        found.append("sign_language")
    if re.search(r"\bmobilite reduite\b|\bfauteuil|\bpmr\b|\bhandicap moteur\b", words):
        found.append("wheelchair")
    return tuple(found)


def _url(value: Any) -> str:
    text = plain(value, 500)
    parsed = urlparse(text)
    if parsed.scheme in {"http", "https"} and parsed.netloc and " " not in text:
        return text
    return ""


def is_cancelled(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return normalize_name(plain(value)) in _YES


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def map_record(fields: Mapping[str, Any], dataset: str) -> dict[str, str]:
    """One Grand Est record as cells of ``events.csv`` (owned columns), or RecordRejectedError."""
    identifiant = plain(fields.get("identifiant"), 200)
    if not identifiant or event_id(identifiant) == ID_PREFIX:
        raise RecordRejectedError("missing_id")
    title = plain(fields.get("titre_fr"), 300)
    if not title:
        raise RecordRejectedError("missing_title")
    days = days_of(fields)
    start, end = days[0], days[-1]
    point = coordinates(fields.get("geolocalisation"))
    access_text = plain(fields.get("accessibilite_fr"), MAX_NOTE)
    source = _url(fields.get("lien_canonique")) or (
        dataset if dataset != DATASET_PREFIX else f"{DATASET_PREFIX}-{start.year % 100:02d}"
    )
    return {
        "title_fr": title,
        "type": "fete_science",
        "start": start.isoformat(),
        "end": end.isoformat() if end != start else "",
        "venue": plain(fields.get("nom_du_lieu"), 300),
        "city": plain(fields.get("lib_commune"), 200) or plain(fields.get("ville"), 200),
        "country": "FR",
        "lat": _number(point[0]) if point else "",
        "lon": _number(point[1]) if point else "",
        "audience": "|".join(audiences(fields)),
        "accessibility": "|".join(accessibility(access_text)),
        "accessibility_note_fr": access_text,
        "registration_url": _url(fields.get("grandpublic_reservation_lien_d_inscription")),
        "status": "cancelled" if is_cancelled(fields.get("annulation")) else "confirmed",
        "description_fr": plain(fields.get("description_fr")),
        "source": source,
        "origin": "fds",
        "external_id": identifiant,
    }


def select(records: Iterable[SourceRecord]) -> Iterable[SourceRecord]:
    return (r for r in records if is_grand_est(r.fields))
