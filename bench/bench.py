"""Benchmark of the dashboard in one run: page ready times (headless chromium) as a ratio of a
one-line Streamlit page, server-side page run times (AppTest, warm), and our partner map against a
plain one-folium.Marker-per-partner map. Prints a table and writes bench/results/<timestamp>.json.

    python -m bench.bench [--runs 5] [--partners 10000] [--events 50000] [--quick]

Run from the repository root, as a module (it reuses tests/browser/_harness.py). See bench/README.md.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from bench.synth_partners import write_synthetic_partners
from tests.browser._harness import (
    MAP_FRAME,
    MAP_MARKS,
    MAP_READY,
    REPO_ROOT,
    DeadProxy,
    StreamlitServer,
    app_path,
    assert_no_app_errors,
    launch_chromium,
    wait_ready_each_frame,
)

BENCH_DIR = Path(__file__).resolve().parent
FLOOR_APP = BENCH_DIR / "floor_app.py"
RESULTS_DIR = BENCH_DIR / "results"
PAGES = ("", "partners", "events", "achievements", "about")
# ready = script run finished and map markers shown (the events map opens on demand: not timed)
MAP_PAGES = ("partners",)
LOAD_TIMEOUT_MS = 180_000
# No tile layer: nothing leaves loopback, and the figures do not depend on tile downloads.
SERVER_ENV = {"ENACT_TILES": "none"}


@dataclass
class Target:
    """One page to time: `label` in the table, on the server `server` (a key of the servers dict)."""

    label: str
    server: str
    path: str
    ready: str = "app"  # "app": script run finished; "map": also the map markers visible
    query: dict[str, str] = field(default_factory=lambda: {"lang": "fr"})
    runs: int | None = None  # fewer timed runs than the others (the plain page takes ~40 s a load)


# The partners page as a visitor would first write it: one folium.Marker per partner, passed to st_folium
# on every run (the map on the same vendored Leaflet, so that it needs no CDN). Written into a temporary
# folder beside a link to dashboard/static (Streamlit serves static/ next to the main script).
PLAIN_PAGE = """
import html

import folium
import streamlit as st
from branca.element import MacroElement
from folium.template import Template
from streamlit_folium import st_folium

from enact_dash.config import get_settings
from enact_dash.data import load_dataset
from enact_dash.maps.vendor import OfflineMap


@st.cache_resource
def partners():
    return load_dataset(get_settings().data_dir).tables["partners"].dropna(subset=["lat", "lon"])


class IconPath(MacroElement):
    # streamlit-folium adds leaflet.css after the map script has run, so Leaflet cannot guess where its
    # marker image is: say it (otherwise every marker is a broken image).
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.Icon.Default.imagePath = '/app/static/vendor/leaflet-1.9.4/images/';"
        "{% endmacro %}"
    )


located = partners()
st.title("Partenaires")
fmap = OfflineMap(location=[48.9, 6.5], zoom_start=7, tiles=None)
fmap.add_child(IconPath())
for name, lat, lon in zip(located["name"], located["lat"], located["lon"], strict=True):
    # A tooltip, no popup: folium's popups need jQuery, which no CDN brings here.
    folium.Marker([float(lat), float(lon)], tooltip=html.escape(str(name))).add_to(fmap)
st_folium(fmap, height=520, returned_objects=[], key="plain")
"""
PLAIN_READY = ".leaflet-marker-icon"


def write_plain_page(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "static").symlink_to(REPO_ROOT / "dashboard" / "static", target_is_directory=True)
    script = folder / "plain_partners.py"
    script.write_text(PLAIN_PAGE, encoding="utf-8")
    return script


@contextmanager
def proxied_browser(servers: dict[str, StreamlitServer]) -> Iterator[Browser]:
    """Start the servers, and a chromium whose requests outside loopback fail at a dead proxy (listed by
    ``load_once``); stop them all after. The tests block with Playwright routes instead, which send every
    request through the driver: that slows the pages with most requests most."""
    proxy = DeadProxy()
    try:
        for server in servers.values():
            server.start()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright, extra_args=proxy.chromium_args)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        proxy.close()
        for server in servers.values():
            server.stop()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_once(browser: Browser, base_url: str, target: Target) -> tuple[float, list[str]]:
    """Seconds from navigation start to ready, in a new context; and the blocked URLs."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(LOAD_TIMEOUT_MS)
    blocked = DeadProxy.failed_outside(context)
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(app_path(target.path, **target.query), wait_until="commit")
        wait_ready(page, target.ready)
        seconds = time.perf_counter() - start
        assert_no_app_errors(page)
        return seconds, list(blocked)
    finally:
        context.close()


def wait_ready(page: Page, ready: str) -> None:
    """Checked in the page at every animation frame (Playwright's own waits would round up to 0.5 s)."""
    if ready == "map":
        wait_ready_each_frame(page, frame=MAP_FRAME, ready=MAP_READY, marks=MAP_MARKS,
                              timeout_ms=LOAD_TIMEOUT_MS)
    elif ready == "plain":
        wait_ready_each_frame(page, frame=MAP_FRAME, ready=PLAIN_READY, timeout_ms=LOAD_TIMEOUT_MS)
    else:
        wait_ready_each_frame(page, timeout_ms=LOAD_TIMEOUT_MS)


def time_pages(
    browser: Browser, servers: dict[str, StreamlitServer], targets: list[Target], runs: int
) -> dict[str, Any]:
    """Each target N times (after a warm-up), interleaved with the floor page to cancel drift."""
    floor = Target("floor", "floor", "", query={})
    out: dict[str, Any] = {}
    all_floor: list[float] = []
    for target in targets:
        base = servers[target.server].base_url
        floor_base = servers["floor"].base_url
        load_once(browser, floor_base, floor)
        load_once(browser, base, target)  # warm-up: caches, first import of the page
        page_times, floor_times, blocked = [], [], set()
        for _ in range(target.runs or runs):
            floor_times.append(load_once(browser, floor_base, floor)[0])
            seconds, urls = load_once(browser, base, target)
            page_times.append(seconds)
            blocked.update(urls)
        all_floor += floor_times
        out[target.label] = {
            "runs_s": page_times,
            "median_s": median(page_times),
            "floor_median_s": median(floor_times),
            "ratio": median(page_times) / median(floor_times),
            "blocked": sorted(blocked),
        }
        print(f"  {target.label}: {median(page_times):.2f} s ({out[target.label]['ratio']:.2f}x)")
    out["floor"] = {"runs_s": all_floor, "median_s": median(all_floor)}
    return out


# --- map alone -------------------------------------------------------------


class _MapFiles(http.server.SimpleHTTPRequestHandler):
    """Serves the map HTML files, and /app/static/ from dashboard/static/ as Streamlit does."""

    static_root = REPO_ROOT / "dashboard" / "static"

    def translate_path(self, path: str) -> str:
        if path.startswith("/app/static/"):
            relative = path.removeprefix("/app/static/").split("?", 1)[0]
            return str(self.static_root / relative)
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_dir(root: Path) -> Iterator[str]:
    handler = functools.partial(_MapFiles, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build_maps(data_dir: Path) -> dict[str, tuple[Any, float]]:
    """(folium map, build seconds) for ours and for one folium.Marker per partner."""
    import folium

    from enact_dash.data import load_dataset
    from enact_dash.geo import GEO_SUBDIR, load_boundaries
    from enact_dash.maps import build_partner_map
    from enact_dash.maps.vendor import OfflineMap

    partners = load_dataset(data_dir).tables["partners"]
    boundaries = load_boundaries(data_dir / GEO_SUBDIR)
    located = partners.dropna(subset=["lat", "lon"])
    start = time.perf_counter()
    ours = build_partner_map(partners, boundaries, "fr", tiles=None)
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    # The naive way, on the same offline Leaflet (folium.Map itself would need CDNs).
    plain = OfflineMap(location=[48.9, 6.5], zoom_start=7, tiles=None)
    for name, lat, lon in zip(located["name"], located["lat"], located["lon"], strict=True):
        # A tooltip, no popup: folium's popups need jQuery (a CDN), and the script stops at the first.
        folium.Marker([float(lat), float(lon)], tooltip=html.escape(str(name))).add_to(plain)
    plain_s = time.perf_counter() - start
    return {"plain": (plain, plain_s), "ours": (ours, ours_s), "located": (len(located), 0.0)}


MAP_ALONE_READY = {  # (ready, visible marks)
    "plain": (".leaflet-marker-icon", ".leaflet-marker-icon"),
    "ours": (MAP_READY, MAP_MARKS),
}


def compare_maps(browser: Browser, data_dir: Path, runs: int) -> dict[str, Any]:
    """Build, render and load (in chromium) ours and the plain map on the synthetic partners."""
    maps = build_maps(data_dir)
    out: dict[str, Any] = {"partners": maps.pop("located")[0]}
    with tempfile.TemporaryDirectory(prefix="enact-maps-") as tmp:
        for name, (fmap, build_s) in maps.items():
            start = time.perf_counter()
            text = fmap.get_root().render()
            render_s = time.perf_counter() - start
            (Path(tmp) / f"{name}.html").write_text(text, encoding="utf-8")
            out[name] = {"build_s": build_s, "render_s": render_s, "html_bytes": len(text.encode())}
        with serve_dir(Path(tmp)) as base:
            for name in maps:
                times = [_load_map(browser, base, name) for _ in range(runs + 1)][1:]
                out[name].update(browser_runs_s=times, browser_median_s=median(times))
                print(f"  {name}: {median(times):.2f} s")
    out["ratio_browser"] = out["plain"]["browser_median_s"] / out["ours"]["browser_median_s"]
    return out


def _load_map(browser: Browser, base_url: str, name: str) -> float:
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(LOAD_TIMEOUT_MS)
    blocked = DeadProxy.failed_outside(context)
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(f"/{name}.html", wait_until="commit")
        ready, marks = MAP_ALONE_READY[name]
        wait_ready_each_frame(page, app=False, ready=ready, marks=marks, timeout_ms=LOAD_TIMEOUT_MS)
        seconds = time.perf_counter() - start
        if blocked:
            raise RuntimeError(f"{name} map needed non-loopback URLs: {blocked[:3]}")
        return seconds
    finally:
        context.close()


# --- server side ----------------------------------------------------------


@contextmanager
def data_dir_env(data_dir: Path | None) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in ("ENACT_DATA_DIR", *SERVER_ENV)}
    os.environ.update(SERVER_ENV)
    if data_dir is not None:
        os.environ["ENACT_DATA_DIR"] = str(data_dir)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def apptest_run_times(path: str, data_dir: Path | None, runs: int) -> dict[str, Any]:
    """Warm server-side run time of one page (AppTest of the entry point switched to the page)."""
    from streamlit.testing.v1 import AppTest

    script = REPO_ROOT / "dashboard" / "app.py"
    page = f"../pages/{path or 'home'}.py"
    times = []
    with data_dir_env(data_dir):
        at = AppTest.from_file(str(script), default_timeout=300)
        at.query_params["lang"] = "fr"
        at.switch_page(page).run()  # warm-up: imports, caches
        for _ in range(runs):
            start = time.perf_counter()
            at.switch_page(page).run()
            times.append(time.perf_counter() - start)
            if at.exception:
                return {"error": [e.message for e in at.exception][:3]}
        title = at.title[0].value if at.title else ""
    return {"runs_s": times, "median_s": median(times), "title": title}


# --- setup ----------------------------------------------------------------


def synth_events_module() -> Any | None:
    """bench/synth_events.py (owned by the events engineer) if it exists."""
    if importlib.util.find_spec("bench.synth_events") is None:
        return None
    import bench.synth_events as module

    return module


def write_events_dir(module: Any, out_dir: Path, n: int) -> Path:
    """Ask bench/synth_events.py for a data directory with N events."""
    writer = getattr(module, "write_synthetic_events", None)
    if writer is not None:
        return Path(writer(out_dir, n))
    subprocess.run(  # its command line, when it has no importable writer
        [sys.executable, "-m", "bench.synth_events", str(out_dir), "--events", str(n)],
        cwd=REPO_ROOT,
        check=True,
    )
    return out_dir


def git_commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True
    )
    return result.stdout.strip()


def print_table(results: dict[str, Any]) -> None:
    floor = results["browser"]["floor"]["median_s"]
    load = results["meta"]["load_average_start"][0]
    print(f"\nBrowser ready time (median of {results['meta']['runs']}; floor {floor:.2f} s;", end=" ")
    print(f"load average at start {load:.1f} on {results['meta']['cpus']} CPUs)")
    print(f"{'page':<24}{'median s':>10}{'x floor':>9}{'server s':>10}  blocked")
    for label, row in results["browser"].items():
        if label == "floor":
            continue
        server = results["server"].get(label, {}).get("median_s", float("nan"))
        print(
            f"{label:<24}{row['median_s']:>10.2f}{row['ratio']:>9.2f}{server:>10.3f}  {len(row['blocked'])}"
        )
    maps = results.get("maps")
    if maps:
        print(f"\nMap alone, {maps['partners']} partners (served as plain HTML)")
        print(f"{'map':<10}{'build s':>9}{'render s':>10}{'html MB':>9}{'browser s':>11}")
        for name in ("plain", "ours"):
            row = maps[name]
            print(
                f"{name:<10}{row['build_s']:>9.2f}{row['render_s']:>10.2f}"
                f"{row['html_bytes'] / 1e6:>9.2f}{row['browser_median_s']:>11.2f}"
            )
        print(f"plain / ours (browser): {maps['ratio_browser']:.1f}x")
    if "page_vs_plain" in results:
        print(f"\nPartners page, plain one-folium.Marker page / ours (ready in the browser, same data): "
              f"{results['page_vs_plain']:.1f}x")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per page (median)")
    parser.add_argument("--partners", type=int, default=10_000, help="synthetic partners")
    parser.add_argument("--events", type=int, default=50_000, help="synthetic events")
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 run, small data")
    parser.add_argument("--no-plain", action="store_true",
                        help="skip the plain one-folium.Marker-per-partner page (about 3 minutes at 10k)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for the JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.partners, args.events = 1, 1_000, 5_000

    results: dict[str, Any] = {
        "meta": {
            "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": git_commit(),
            "runs": args.runs,
            "quick": args.quick,
            "partners": args.partners,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_start": os.getloadavg(),
        }
    }
    with tempfile.TemporaryDirectory(prefix="enact-bench-") as tmp:
        synth = write_synthetic_partners(Path(tmp) / "partners", args.partners)
        data_dirs: dict[str, Path | None] = {"app": None, "synth": synth}
        targets = [Target(p or "home", "app", p, "map" if p in MAP_PAGES else "app") for p in PAGES]
        targets.append(Target(f"partners@{args.partners}", "synth", "partners", "map"))
        events_module = synth_events_module()
        if events_module is not None:
            data_dirs["events"] = write_events_dir(events_module, Path(tmp) / "events", args.events)
            targets.append(Target(f"events@{args.events}", "events", "events", "app"))
        else:
            print("bench/synth_events.py not found: no large-events run")

        servers = {"floor": StreamlitServer(script=FLOOR_APP, env=SERVER_ENV)}
        servers.update({k: StreamlitServer(data_dir=d, env=SERVER_ENV) for k, d in data_dirs.items()})
        plain_label = f"plain page@{args.partners}"
        if not args.no_plain:
            servers["plain"] = StreamlitServer(script=write_plain_page(Path(tmp) / "plain"), data_dir=synth,
                                               env=SERVER_ENV)
            targets.append(Target(plain_label, "plain", "", "plain", query={}, runs=min(args.runs, 3)))
        with proxied_browser(servers) as browser:
            results["meta"]["chromium"] = browser.version
            print("Browser ready times")
            results["browser"] = time_pages(browser, servers, targets, args.runs)
            print("Map alone")
            results["maps"] = compare_maps(browser, synth, args.runs)

        print("Server-side run times (AppTest, warm)")
        results["server"] = {
            t.label: apptest_run_times(t.path, data_dirs[t.server], args.runs)
            for t in targets if t.server in data_dirs
        }
        if plain_label in results["browser"]:
            ours = results["browser"][f"partners@{args.partners}"]["median_s"]
            results["page_vs_plain"] = results["browser"][plain_label]["median_s"] / ours

    results["meta"]["load_average_end"] = os.getloadavg()
    print_table(results)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = args.out / f"{stamp}{'-quick' if args.quick else ''}.json"
    path.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nwritten {path}")
    return results


if __name__ == "__main__":
    main()
