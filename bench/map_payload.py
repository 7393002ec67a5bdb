"""Size of the partner map's embedded point data, per partner, at 100, 1,000 and 10,000 partners.

    .venv/bin/python -m bench.map_payload [--sizes 100 1000 10000] [--seed 2030]

Synthetic partners come from ``bench/synth_partners.py`` (real places, "Synthetic" names), loaded
with the app's own loader (so the cities are resolved by the gazetteer). Prints a table and writes
``bench/results/map_payload-<UTC timestamp>.json`` (git-ignored). The budget is 80 bytes per partner.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.synth_partners import write_synthetic_partners
from enact_dash.data import load_dataset
from enact_dash.geo import GEO_SUBDIR, load_boundaries
from enact_dash.maps import build_partner_map
from enact_dash.maps.payload import script_json
from enact_dash.maps.points import PointsLayer

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BUDGET = 80  # bytes of embedded point data per partner


def measure(data_dir: Path) -> dict[str, Any]:
    partners = load_dataset(data_dir).tables["partners"]
    boundaries = load_boundaries(data_dir / GEO_SUBDIR)
    start = time.perf_counter()
    fmap = build_partner_map(partners, boundaries, "fr", tiles=None)
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    html = fmap.get_root().render()
    render_s = time.perf_counter() - start
    layer = next(e for e in fmap._children.values() if isinstance(e, PointsLayer))
    payload_bytes = len(layer.payload_json.encode("utf-8"))
    parts = {key: len(script_json(value).encode("utf-8")) for key, value in layer.payload.items()}
    return {
        "partners": len(partners),
        "mapped": layer.count,
        "payload_bytes": payload_bytes,
        "bytes_per_partner": payload_bytes / max(layer.count, 1),
        "bytes_per_partner_by_column": {k: v / max(layer.count, 1) for k, v in parts.items()},
        "html_bytes": len(html.encode("utf-8")),
        "build_s": build_s,
        "render_s": render_s,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--seed", type=int, default=2030)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="enact-map-payload-") as tmp:
        for size in args.sizes:
            data_dir = write_synthetic_partners(Path(tmp) / f"partners-{size}", size, seed=args.seed)
            rows.append(measure(data_dir))
    print(f"{'partners':>9} {'mapped':>7} {'B/partner':>10} {'payload KB':>11} {'HTML KB':>8} {'build s':>8}")
    for row in rows:
        flag = "" if row["bytes_per_partner"] <= BUDGET else f"  over the {BUDGET} B budget"
        print(
            f"{row['partners']:>9} {row['mapped']:>7} {row['bytes_per_partner']:>10.1f} "
            f"{row['payload_bytes'] / 1024:>11.1f} {row['html_bytes'] / 1024:>8.1f} "
            f"{row['build_s']:>8.3f}{flag}"
        )
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"map_payload-{stamp}.json"
    out.write_text(json.dumps({"budget": BUDGET, "seed": args.seed, "results": rows}, indent=2) + "\n")
    print(f"written {out.relative_to(RESULTS_DIR.parent.parent)}")


if __name__ == "__main__":
    main()
