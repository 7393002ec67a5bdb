"""Write a synthetic data directory for benchmarks: a copy of data/ with N synthetic events.

Never used by default: point the app at it with ENACT_DATA_DIR. Deterministic for a given seed.
Events are spread over the cluster's five years (2025-2029) and over real places of data/geo (as in
bench/synth_partners.py: Grand Est communes and border-country places, weighted by population). The
mix exercises every path of the events page: 80 % known to the day (a quarter of them over several
days), 12 % known to the month, 8 % to the year only; every type, audience and status; a quarter
with coordinates, the others only a city (resolved by the gazetteer); a few without any place.
Every title says "Synthetic" and every source points here: these events are not real.

    python -m bench.synth_events OUT_DIR [--events 50000] [--seed 2030] [--source data]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from bench.synth_partners import REPO_DATA, SynthPlace, read_axis_ids, read_places
from enact_dash.data.schemas import EVENTS
from enact_dash.data.vocab import ACCESSIBILITY, AUDIENCES, AXIS_ALL, EVENT_TYPES
from enact_dash.geo import GEO_SUBDIR

SOURCE_NOTE = "synthetic data (bench/synth_events.py), not a real event"
FIRST_DAY = date(2025, 1, 1)
DAYS = (date(2029, 12, 31) - FIRST_DAY).days + 1
FRANCE_SHARE = 0.8
# Relative frequencies: many Fête de la Science activities and workshops, few annual days.
TYPE_WEIGHTS = {"annual_day": 1, "fete_science": 30, "summer_school": 4, "workshop": 40, "launch": 1,
                "training": 15, "other": 9}


def _dates(rng: random.Random) -> tuple[str, str]:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.08:
        return f"{day.year}", ""
    if roll < 0.20:
        return f"{day.year}-{day.month:02d}", ""
    if rng.random() < 0.25:
        return day.isoformat(), (day + timedelta(days=rng.randint(1, 9))).isoformat()
    return day.isoformat(), ""


def _subset(rng: random.Random, values: tuple[str, ...], max_k: int) -> str:
    k = rng.randint(0, max_k)
    return "|".join(rng.sample(values, k=k)) if k else ""


def synth_event_rows(
    n: int, places: list[SynthPlace], axis_ids: tuple[str, ...], seed: int
) -> list[dict[str, str]]:
    """N event rows (dicts keyed by the events.csv columns), deterministic for a seed."""
    rng = random.Random(seed)
    france = [p for p in places if p.country == "FR"]
    abroad = [p for p in places if p.country != "FR"]
    n_france = round(n * FRANCE_SHARE) if abroad else n
    picked = rng.choices(france, weights=[p.weight for p in france], k=n_france)
    if n > n_france:
        picked += rng.choices(abroad, weights=[p.weight for p in abroad], k=n - n_france)
    rng.shuffle(picked)
    types = list(TYPE_WEIGHTS)
    weights = [TYPE_WEIGHTS[t] for t in types]
    assert set(types) == set(EVENT_TYPES)
    rows = []
    for i, place in enumerate(picked, start=1):
        etype = rng.choices(types, weights=weights)[0]
        start, end = _dates(rng)
        roll = rng.random()
        axes = AXIS_ALL if roll < 0.1 else ("" if roll < 0.25 else _subset(rng, axis_ids, 2) or axis_ids[0])
        placeless = rng.random() < 0.03
        with_coords = not placeless and rng.random() < 0.25
        status = rng.choices(("planned", "confirmed", "cancelled"), weights=(30, 65, 5))[0]
        rows.append({
            "id": f"synth-ev-{i:06d}",
            "title_fr": f"Événement synthétique {i:06d}",
            "title_en": f"Synthetic event {i:06d}" if rng.random() < 0.5 else "",
            "title_de": "",
            "type": etype,
            "start": start,
            "end": end,
            "venue": f"Salle {rng.randint(1, 40)}" if rng.random() < 0.4 else "",
            "city": "" if placeless else place.name,
            "country": place.country,
            "lat": f"{place.lat:.5f}" if with_coords else "",
            "lon": f"{place.lon:.5f}" if with_coords else "",
            "axes": axes,
            "audience": _subset(rng, AUDIENCES, 2),
            "accessibility": _subset(rng, ACCESSIBILITY, 1) if rng.random() < 0.3 else "",
            "registration_url": f"https://synthetic-{i:06d}.example.org/inscription"
            if rng.random() < 0.3 else "",
            "status": status,
            "description_fr": "Événement synthétique pour les mesures de performance.",
            "source": SOURCE_NOTE,
            "origin": "manual",
        })
    return rows


def write_synthetic_events(out_dir: Path, n: int = 50_000, *, seed: int = 2030,
                           source: Path = REPO_DATA) -> Path:
    """Copy ``source`` to ``out_dir`` (which must not exist) and replace events.csv by N rows."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        raise FileExistsError(f"{out_dir} exists: give a new directory")
    shutil.copytree(source, out_dir)
    rows = synth_event_rows(n, read_places(out_dir / GEO_SUBDIR), read_axis_ids(out_dir), seed)
    with (out_dir / EVENTS.name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(EVENTS.column_names), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return out_dir


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="new directory to create")
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--source", type=Path, default=REPO_DATA, help="data directory to copy")
    args = parser.parse_args(argv)
    out = write_synthetic_events(args.out_dir, args.events, seed=args.seed, source=args.source)
    print(f"{args.events} synthetic events written to {out / EVENTS.name}")


if __name__ == "__main__":
    main()
