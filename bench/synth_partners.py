"""Write a synthetic data directory for benchmarks: a copy of data/ with N synthetic partners.

Never used by default: point the app at it with ENACT_DATA_DIR. Deterministic for a given seed.
Partners are spread over real places of data/geo (Grand Est communes and GeoNames places of the
border countries; three in four in France), weighted by population so that they cluster around
cities as real partners do; types, relations, axes and the lead flag vary. About a quarter of the
rows carry coordinates, the others only a city and a country (resolved by the app's gazetteer, as
most real rows are).
Every name says "Synthetic" and every source points here: these partners are not real.

    python -m bench.synth_partners OUT_DIR [--partners 10000] [--seed 2030] [--source data]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from enact_dash.data.schemas import PARTNERS
from enact_dash.data.vocab import AXIS_ALL, PARTNER_TYPES, RELATIONS
from enact_dash.geo import (
    BORDER_COUNTRIES,
    CITIES_FILE,
    COMMUNES_FILE,
    GEO_SUBDIR,
    in_map_area,
)

REPO_DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_AXES = ("nlp", "science", "health")
SOURCE_NOTE = "synthetic data (bench/synth_partners.py), not a real partner"
FRANCE_SHARE = 0.75


@dataclass(frozen=True)
class SynthPlace:
    name: str
    country: str
    lat: float
    lon: float
    weight: float


def read_places(geo_dir: Path) -> list[SynthPlace]:
    """Grand Est communes (FR) and GeoNames places of the border countries inside the map area."""
    places = []
    with (geo_dir / COMMUNES_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            places.append(_place(row["name"], "FR", row["lat"], row["lon"], row["population"]))
    with (geo_dir / CITIES_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["country"] in BORDER_COUNTRIES:
                places.append(_place(row["name"], row["country"], row["lat"], row["lon"], row["population"]))
    return [p for p in places if in_map_area(p.lat, p.lon)]


def _place(name: str, country: str, lat: str, lon: str, population: str) -> SynthPlace:
    # sqrt of the population: cities attract more partners, without taking them all.
    weight = max(int(population or 0), 1) ** 0.5
    return SynthPlace(name, country, float(lat), float(lon), weight)


def read_axis_ids(data_dir: Path) -> tuple[str, ...]:
    path = data_dir / "axes.csv"
    if not path.is_file():
        return DEFAULT_AXES
    with path.open(encoding="utf-8-sig", newline="") as fh:
        ids = tuple(row["id"].strip() for row in csv.DictReader(fh) if row.get("id", "").strip())
    return ids or DEFAULT_AXES


def synth_partner_rows(
    n: int, places: list[SynthPlace], axis_ids: tuple[str, ...], seed: int
) -> list[dict[str, str]]:
    """N partner rows (dicts keyed by the partners.csv columns), deterministic for a seed."""
    rng = random.Random(seed)
    france = [p for p in places if p.country == "FR"]
    abroad = [p for p in places if p.country != "FR"]
    n_france = round(n * FRANCE_SHARE) if abroad else n
    picked = rng.choices(france, weights=[p.weight for p in france], k=n_france)
    if n > n_france:
        picked += rng.choices(abroad, weights=[p.weight for p in abroad], k=n - n_france)
    rng.shuffle(picked)
    rows = []
    for i, place in enumerate(picked, start=1):
        ptype = rng.choice(PARTNER_TYPES)
        roll = rng.random()
        if roll < 0.1:
            axes = AXIS_ALL
        elif roll < 0.2:
            axes = ""
        else:
            axes = "|".join(rng.sample(axis_ids, k=rng.randint(1, min(2, len(axis_ids)))))
        with_coords = rng.random() < 0.25
        rows.append(
            {
                "id": f"synth-{i:05d}",
                "name": f"Synthetic {ptype.replace('_', ' ')} {i:05d}",
                "short_name": f"S{i:05d}" if rng.random() < 0.3 else "",
                "type": ptype,
                "relation": rng.choice(RELATIONS),
                "lead": "oui" if rng.random() < 0.02 else "non",
                "city": place.name,
                "country": place.country,
                "lat": f"{place.lat:.5f}" if with_coords else "",
                "lon": f"{place.lon:.5f}" if with_coords else "",
                "axes": axes,
                "website": f"https://synthetic-{i:05d}.example.org" if rng.random() < 0.5 else "",
                "source": SOURCE_NOTE,
                "note_fr": "",
                "note_en": "",
                "note_de": "",
            }
        )
    return rows


def write_synthetic_partners(out_dir: Path, n: int, *, seed: int = 2030, source: Path = REPO_DATA) -> Path:
    """Copy `source` to `out_dir` (which must not exist) and replace partners.csv by N rows."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        raise FileExistsError(f"{out_dir} exists: give a new directory")
    shutil.copytree(source, out_dir)
    rows = synth_partner_rows(n, read_places(out_dir / GEO_SUBDIR), read_axis_ids(out_dir), seed)
    with (out_dir / PARTNERS.name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(PARTNERS.column_names))
        writer.writeheader()
        writer.writerows(rows)
    return out_dir


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="new directory to create")
    parser.add_argument("--partners", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--source", type=Path, default=REPO_DATA, help="data directory to copy")
    args = parser.parse_args(argv)
    out = write_synthetic_partners(args.out_dir, args.partners, seed=args.seed, source=args.source)
    print(f"{args.partners} synthetic partners written to {out / PARTNERS.name}")


if __name__ == "__main__":
    main()
