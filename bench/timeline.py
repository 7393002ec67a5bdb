"""Where a page's load time goes in the browser: a timeline of one page against the floor page.

    python -m bench.timeline [--page partners] [--runs 5]

For each load (a new browser context, as in bench.bench), milliseconds from navigation start to:
the script run starting, the first text shown, the first loading skeleton (Streamlit draws one while
an element's lazily loaded code is fetched) and the moment none is left, the run finished, the map's
frame starting to load, and the page ready (for the partners page: its markers shown). Prints the
medians; writes nothing.

This is what showed why the partners page cannot be ready in 1.3x the floor (README, "Benchmarks").
"""

from __future__ import annotations

import argparse
import statistics
from contextlib import ExitStack
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from bench.bench import FLOOR_APP, LOAD_TIMEOUT_MS, SERVER_ENV, wait_ready
from tests.browser._harness import MAP_FRAME, StreamlitServer, app_path, launch_chromium

# Recorded in the page from its first script on: state changes, checked at every animation frame.
RECORDER = """
(() => {
  const marks = window.__enactMarks = {};
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  let skeletons = 0;
  const check = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.dataset.testScriptState;
    if (state === 'running') mark('run started');
    if (marks['run started'] !== undefined && state === 'notRunning') mark('run finished');
    const text = document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] p');
    if (state === 'running' && text) mark('first element');
    // A loading element's skeleton; not the map component's own, beside its frame until the map is drawn.
    const now = [...document.querySelectorAll('[data-testid="stSkeleton"]')]
      .filter((skeleton) => !skeleton.parentElement.querySelector('iframe')).length;
    if (now > 0) mark('first skeleton');
    if (now === 0 && skeletons > 0) marks['skeletons revealed'] = performance.now();
    skeletons = now;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""

FRAME_START = """
(frame) => {
  const element = document.querySelector(frame);
  if (!element || !element.contentWindow) return null;
  return element.contentWindow.performance.timeOrigin - performance.timeOrigin;
}
"""

ORDER = ("run started", "first element", "first skeleton", "run finished", "skeletons revealed",
         "map frame starts", "ready")


def load(browser: Browser, base_url: str, path: str, ready: str) -> dict[str, float]:
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(LOAD_TIMEOUT_MS)
    context.add_init_script(RECORDER)
    try:
        page = context.new_page()
        page.goto(path, wait_until="commit")
        wait_ready(page, ready)
        marks: dict[str, float] = page.evaluate("() => ({...window.__enactMarks, ready: performance.now()})")
        if ready == "map" and (start := page.evaluate(FRAME_START, MAP_FRAME)) is not None:
            marks["map frame starts"] = start
        return marks
    finally:
        context.close()


def medians(loads: list[dict[str, float]]) -> dict[str, float]:
    names = [name for name in ORDER if any(name in one for one in loads)]
    return {name: statistics.median(one[name] for one in loads if name in one) for name in names}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="partners", help="page path (default: partners)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    ready = "map" if args.page == "partners" else "app"
    with sync_playwright() as playwright, ExitStack() as stack:
        app = StreamlitServer(env=SERVER_ENV).start()
        stack.callback(app.stop)
        floor = StreamlitServer(script=FLOOR_APP, env=SERVER_ENV).start()
        stack.callback(floor.stop)
        browser = launch_chromium(playwright)
        stack.callback(browser.close)
        runs: dict[str, list[dict[str, float]]] = {"floor": [], args.page: []}
        load(browser, floor.base_url, "/", "app")  # warm-ups
        load(browser, app.base_url, app_path(args.page), ready)
        for _ in range(args.runs):  # interleaved, as in bench.bench
            runs["floor"].append(load(browser, floor.base_url, "/", "app"))
            runs[args.page].append(load(browser, app.base_url, app_path(args.page), ready))
    table = {name: medians(loads) for name, loads in runs.items()}
    print(f"median of {args.runs} loads, ms from navigation start")
    print(f"{'':22s}" + "".join(f"{name:>12s}" for name in table))
    for mark in ORDER:
        if any(mark in column for column in table.values()):
            print(f"{mark:22s}" + "".join(
                f"{column[mark]:12.0f}" if mark in column else f"{'–':>12s}" for column in table.values()
            ))
    return table


if __name__ == "__main__":
    main()
