"""Kiosk soak: does a whole day of rotation keep memory flat?

1. Server (first, in a fresh process): the kiosk page rotates N times under AppTest (default 2,000
   rotations at 20 s: 11 simulated hours, every slide in fr/en/de) on a simulated clock; the process
   RSS is sampled. Passes when the RSS at the end is at most 10% above the RSS after a warm-up cycle,
   with no run raising.
2. Browser: a real server and headless chromium show ``?kiosk=1`` for a while (default 30 min, 5 s
   slides); the page's JS heap (CDP ``Runtime.getHeapUsage`` after a forced GC), its DOM node count and
   the server's RSS are sampled. Passes when the last quarter's heap is at most 10% above the first's.

    python -m bench.soak [--rotations 2000] [--minutes 30] [--quick] [--skip-server] [--skip-browser]

Run from the repository root, as a module (it reuses tests/browser/_harness.py). Prints a table and
writes bench/results/soak-<timestamp>.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from enact_dash.i18n import LANGS
from enact_dash.kiosk import CLOCK, SLIDES
from tests.browser._harness import (
    APP_SCRIPT,
    REPO_ROOT,
    StreamlitServer,
    launch_chromium,
    new_guarded_context,
    wait_app_idle,
)

RESULTS_DIR = Path(__file__).resolve().parent / "results"
MAX_GROWTH = 0.10
SERVER_ENV = {"ENACT_TILES": "none"}
T0 = 1_800_000_000.0


def rss_bytes(pid: int | None = None) -> int:
    """Resident set size of a process (this one by default), from /proc (Linux)."""
    status = Path(f"/proc/{pid or 'self'}/status").read_text(encoding="ascii")
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("VmRSS not found")


def mib(value: float) -> str:
    return f"{value / 2**20:8.1f} MiB"


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --- 1. server: AppTest on a simulated clock -----------------------------------------------------


def server_soak(rotations: int, rotate: int, samples: int = 10) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest  # imported here: Streamlit starts nothing before

    now = {"t": T0}
    CLOCK.now = lambda: now["t"]  # type: ignore[method-assign]  # the simulated wall clock
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=120)
    at.query_params.update({"kiosk": "1", "rotate": str(rotate), "langs": ",".join(LANGS)})

    def rotate_once() -> float:
        now["t"] += rotate
        start = time.perf_counter()
        at.run()
        if at.exception:
            raise RuntimeError(f"the kiosk raised: {[e.value for e in at.exception]}")
        return time.perf_counter() - start

    at.run()
    for _ in range(2 * len(SLIDES) * len(LANGS)):  # warm-up: every slide in every language twice
        rotate_once()
    start_rss = rss_bytes()
    every = max(1, rotations // samples)
    trace: list[dict[str, float]] = [{"rotation": 0, "rss": start_rss}]
    times: list[float] = []
    for i in range(1, rotations + 1):
        times.append(rotate_once())
        if i % every == 0 or i == rotations:
            trace.append({"rotation": i, "rss": rss_bytes()})
            print(
                f"  rotation {i:5d}/{rotations}: RSS {mib(trace[-1]['rss'])}, "
                f"run {statistics.median(times[-every:]) * 1000:.0f} ms"
            )
    end_rss = trace[-1]["rss"]
    growth = end_rss / start_rss - 1
    gc.collect()  # for reference: what a full collection gives back (cyclic garbage not yet collected)
    after_gc = rss_bytes()
    return {
        "rotations": rotations,
        "rotate_s": rotate,
        "simulated_hours": rotations * rotate / 3600,
        "rss_start": start_rss,
        "rss_end": end_rss,
        "rss_growth": growth,
        "rss_end_after_gc": after_gc,
        "run_median_s": statistics.median(times),
        "run_p95_s": sorted(times)[int(0.95 * (len(times) - 1))],
        "trace": trace,
        "passed": growth <= MAX_GROWTH,
    }


# --- 2. browser: a real server and chromium --------------------------------------------------------


def heap_sample(page: Page, cdp: Any, server: StreamlitServer) -> dict[str, float]:
    cdp.send("HeapProfiler.collectGarbage")
    heap = cdp.send("Runtime.getHeapUsage")
    dom = cdp.send("Memory.getDOMCounters")
    tick, slide = page.eval_on_selector("header.kiosk-head", "h => [Number(h.dataset.tick), h.dataset.slide]")
    assert server.proc is not None
    return {
        "heap_used": float(heap["usedSize"]),
        "heap_total": float(heap["totalSize"]),
        "dom_nodes": float(dom["nodes"]),
        "listeners": float(dom["jsEventListeners"]),
        "server_rss": float(rss_bytes(server.proc.pid)),
        "tick": float(tick),
        "map_shown": float(slide == "partners"),
    }


def heap_breakdown(cdp: Any) -> dict[str, float]:
    """Bytes of the JS heap (after a GC) in compiled code and in everything else, from a snapshot.

    Compiled code grows while V8 optimises and is flushed later: a rise there is not a leak.
    """
    chunks: list[str] = []

    def on_chunk(event: dict[str, str]) -> None:
        chunks.append(event["chunk"])

    cdp.on("HeapProfiler.addHeapSnapshotChunk", on_chunk)
    cdp.send("HeapProfiler.collectGarbage")
    cdp.send("HeapProfiler.takeHeapSnapshot", {"reportProgress": False})
    cdp.remove_listener("HeapProfiler.addHeapSnapshotChunk", on_chunk)
    snapshot = json.loads("".join(chunks))
    meta = snapshot["snapshot"]["meta"]
    fields, kinds, nodes = meta["node_fields"], meta["node_types"][0], snapshot["nodes"]
    step, type_at, size_at = len(fields), fields.index("type"), fields.index("self_size")
    code = other = 0
    for i in range(0, len(nodes), step):
        if kinds[nodes[i + type_at]] == "code":
            code += nodes[i + size_at]
        else:
            other += nodes[i + size_at]
    return {"code": float(code), "other": float(other)}


def quarter_growth(values: list[float]) -> float:
    """Median of the last quarter over median of the first quarter, minus 1."""
    q = max(1, len(values) // 4)
    return statistics.median(values[-q:]) / statistics.median(values[:q]) - 1


def browser_soak(minutes: float, rotate: int, sample_s: float) -> dict[str, Any]:
    server = StreamlitServer(env=SERVER_ENV).start()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            context, guard = new_guarded_context(
                browser, server.base_url, viewport={"width": 1920, "height": 1080}
            )
            page = context.new_page()
            query = f"kiosk=1&rotate={rotate}&langs={','.join(LANGS)}"
            page.goto(f"/?{query}", wait_until="commit")
            wait_app_idle(page)
            page.wait_for_selector("header.kiosk-head")
            cdp = context.new_cdp_session(page)
            # Warm-up: one full playlist (the map's scripts, every language) before the first sample.
            page.wait_for_timeout(len(SLIDES) * rotate * 1000)
            trace: list[dict[str, float]] = []
            first_breakdown = heap_breakdown(cdp)
            start = time.monotonic()
            deadline = start + minutes * 60
            while True:
                sample = heap_sample(page, cdp, server)
                sample["minute"] = (time.monotonic() - start) / 60
                trace.append(sample)
                print(
                    f"  {sample['minute']:6.1f} min: heap {mib(sample['heap_used'])}, "
                    f"DOM {sample['dom_nodes']:7.0f} nodes, server RSS {mib(sample['server_rss'])}, "
                    f"tick {sample['tick']:.0f}"
                )
                if time.monotonic() >= deadline:
                    break
                page.wait_for_timeout(min(sample_s, max(0.0, deadline - time.monotonic())) * 1000)
            last_breakdown = heap_breakdown(cdp)
            errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count()
            version = browser.version
            browser.close()
    finally:
        server.stop()
    # The map slide's frame holds a second document: compare samples taken on the other slides.
    steady = [s for s in trace if not s["map_shown"]] or trace
    heap = [s["heap_used"] for s in steady]
    rss = [s["server_rss"] for s in trace]
    growth = quarter_growth(heap)
    minutes_axis = [s["minute"] for s in steady]
    slope = (statistics.linear_regression(minutes_axis, heap).slope * 60 / 2**20
             if len(steady) > 2 else float("nan"))
    return {
        "minutes": minutes,
        "rotate_s": rotate,
        "rotations": trace[-1]["tick"] - trace[0]["tick"],
        "chromium": version,
        "heap_first": heap[0],
        "heap_last": heap[-1],
        "heap_max": max(s["heap_used"] for s in trace),
        "heap_growth_quarters": growth,
        "heap_slope_mib_per_hour": slope,
        "snapshot_first": first_breakdown,
        "snapshot_last": last_breakdown,
        "objects_growth": last_breakdown["other"] / first_breakdown["other"] - 1,
        "server_rss_growth_quarters": quarter_growth(rss),
        "dom_nodes_first": trace[0]["dom_nodes"],
        "dom_nodes_last": trace[-1]["dom_nodes"],
        "errors_shown": errors,
        "blocked": sorted(set(guard.blocked)),
        "trace": trace,
        "passed": growth <= MAX_GROWTH and errors == 0 and not guard.blocked,
    }


# --- report ----------------------------------------------------------------------------------------


def print_table(results: dict[str, Any]) -> None:
    print("\nKiosk soak")
    server = results.get("server")
    if server:
        print(
            f"  server  {server['rotations']} rotations ({server['simulated_hours']:.1f} h simulated): "
            f"RSS {mib(server['rss_start'])} -> {mib(server['rss_end'])} "
            f"({server['rss_growth']:+.1%}; {mib(server['rss_end_after_gc'])} after a full GC); "
              f"run median {server['run_median_s'] * 1000:.0f} ms, "
            f"p95 {server['run_p95_s'] * 1000:.0f} ms  {'PASS' if server['passed'] else 'FAIL'}"
        )
    browser = results.get("browser")
    if browser:
        print(
            f"  browser {browser['minutes']:.1f} min, {browser['rotations']:.0f} rotations: "
            f"JS heap {mib(browser['heap_first'])} -> {mib(browser['heap_last'])} "
            f"(max {mib(browser['heap_max'])}, last/first quarter {browser['heap_growth_quarters']:+.1%}, "
              f"trend {browser['heap_slope_mib_per_hour']:+.2f} MiB/h; in snapshots: objects "
              f"{browser['objects_growth']:+.1%}, compiled code {mib(browser['snapshot_first']['code'])} -> "
              f"{mib(browser['snapshot_last']['code'])}); "
            f"DOM nodes {browser['dom_nodes_first']:.0f} -> {browser['dom_nodes_last']:.0f}; "
            f"server RSS {browser['server_rss_growth_quarters']:+.1%}; errors {browser['errors_shown']}; "
            f"blocked {len(browser['blocked'])}  {'PASS' if browser['passed'] else 'FAIL'}"
        )


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rotations", type=int, default=2000, help="server: rotations under AppTest")
    parser.add_argument("--rotate", type=int, default=20, help="server: simulated seconds per slide")
    parser.add_argument("--minutes", type=float, default=30.0, help="browser: duration of the run")
    parser.add_argument("--browser-rotate", type=int, default=5, help="browser: seconds per slide")
    parser.add_argument("--sample", type=float, default=60.0, help="browser: seconds between samples")
    parser.add_argument("--quick", action="store_true", help="smoke run: 100 rotations, 2 minutes")
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for the JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.rotations, args.minutes, args.sample = 100, 2.0, 15.0

    results: dict[str, Any] = {
        "meta": {
            "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": git_commit(),
            "quick": args.quick,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        }
    }
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = args.out / f"soak-{stamp}{'-quick' if args.quick else ''}.json"

    def save() -> None:  # after each part: a long run keeps what it measured if a later part fails
        path.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")

    if not args.skip_server:
        print(f"Server soak: {args.rotations} rotations under AppTest")
        results["server"] = server_soak(args.rotations, args.rotate)
        save()
    if not args.skip_browser:
        print(f"Browser soak: {args.minutes:g} min at {args.browser_rotate} s per slide")
        results["browser"] = browser_soak(args.minutes, args.browser_rotate, args.sample)
        save()

    print_table(results)
    save()
    print(f"\nwritten {path}")
    return results


if __name__ == "__main__":
    main()
