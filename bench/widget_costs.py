"""What each kind of Streamlit element costs a visitor's browser: a one-line page (the floor) plus one
element of one kind, timed like bench.bench times the app's pages (ready checked at every animation
frame, a new browser context per load, loaded in turn with the floor, requests outside loopback
refused by a dead proxy). Also the smallest pages that hold our partner map.

    python -m bench.widget_costs [--runs 7] [--only multiselect,map]

It tells what a page's speed goal can be: a page with the map and one multiselect cannot be faster
than that line of the table. Prints a table and writes bench/results/widgets-<timestamp>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.bench import (
    FLOOR_APP,
    RESULTS_DIR,
    SERVER_ENV,
    Target,
    git_commit,
    load_once,
    median,
    proxied_browser,
)
from tests.browser._harness import REPO_ROOT, StreamlitServer

# The partner map of the bundled data, rendered as the partners page renders it (no other element).
MAP = """
from enact_dash import partners as pt
from enact_dash.config import get_settings
from enact_dash.filters import Filters
from enact_dash.ui.data import get_dataset
from enact_dash.ui.folium_map import show_folium

_data = get_dataset()
_view = pt.partners_view(_data.partners, Filters())
show_folium(pt.map_args(_data.partners, _view, pt.boundaries_for(get_settings().data_dir), "fr", tiles=None,
                        selected_id=None, height=520, axis_labels={}, key="m"), key="m", height=520)
"""

V2_INPUT = """
_search = st.components.v2.component(
    "search_input",
    html='<label for="q">Search</label><input id="q" type="search">',
    js='''export default function(c) {
  const input = c.parentElement.querySelector("input");
  input.onchange = () => c.setStateValue("value", input.value);
}''',
)
_search(key="q", on_value_change=lambda: None)
"""

# name -> the lines added under st.write("ok")
VARIANTS: dict[str, str] = {
    "markdown x20": 'for i in range(20):\n    st.markdown(f"line {i} **bold**")',
    "html": 'st.html("<p>a <b>table</b> or a card</p>")',
    "info": 'st.info("note")',
    "button": 'st.button("Reset")',
    "download_button": 'st.download_button("CSV", b"a,b", file_name="x.csv")',
    "expander": 'with st.expander("More"):\n    st.write("x")',
    "tabs": 'a, b = st.tabs(["A", "B"])\na.write("x")',
    "radio": 'st.radio("Language", ["fr", "en", "de"], horizontal=True)',
    "pills (multi)": 'st.pills("Axis", ["a", "b", "c"], selection_mode="multi")',
    "toggle": 'st.toggle("x")',
    "number_input": 'st.number_input("Page", 1, 10)',
    "text_input": 'st.text_input("Search")',
    "selectbox": 'st.selectbox("Choose", ["a", "b"])',
    "multiselect": 'st.multiselect("Axis", ["a", "b", "c"])',
    "multiselect x5": 'for i in range(5):\n    st.multiselect(f"Filter {i}", ["a", "b", "c"])',
    "v2 search input": V2_INPUT,
    "table in expander": 'with st.expander("Data"):\n    st.table({"a": [1, 2], "b": ["x", "y"]})',
    "download in popover": 'with st.popover("Download"):\n'
                           '    st.download_button("CSV", b"a,b", file_name="x.csv")',
    "page_link": 'st.page_link("https://example.org/", label="Partners", icon=":material/map:")',
    "bordered containers x3": 'for c in st.columns(3):\n    with c, st.container(border=True):\n'
                              '        st.subheader("Axis", anchor=False)\n        st.write("text")',
    "segmented_control": 'st.segmented_control("Year", [2024, 2025], default=2025)',
    "map": MAP,
    "map + multiselect": 'st.sidebar.multiselect("Axis", ["a", "b", "c"])\n' + MAP,
}
MAP_VARIANTS = frozenset({"map", "map + multiselect"})


def write_variants(folder: Path, names: list[str]) -> dict[str, Path]:
    """One script per variant, beside a link to dashboard/static (the map's Leaflet)."""
    (folder / "static").symlink_to(REPO_ROOT / "dashboard" / "static", target_is_directory=True)
    scripts = {}
    for number, name in enumerate(names):
        script = folder / f"variant_{number}.py"
        script.write_text(f'import streamlit as st\n\nst.write("ok")\n{VARIANTS[name]}\n', encoding="utf-8")
        scripts[name] = script
    return scripts


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per variant (median)")
    parser.add_argument("--only", default="", help="comma-separated variant names (default: all)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for the JSON")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(VARIANTS)
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}; known: {', '.join(VARIANTS)}")

    results: dict[str, Any] = {"meta": {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"), "commit": git_commit(),
        "runs": args.runs, "cpus": os.cpu_count(), "load_average_start": os.getloadavg(),
    }, "variants": {}}
    with tempfile.TemporaryDirectory(prefix="enact-widgets-") as tmp:
        scripts = write_variants(Path(tmp), names)
        servers = {"floor": StreamlitServer(script=FLOOR_APP, env=SERVER_ENV)}
        servers.update({name: StreamlitServer(script=path, env=SERVER_ENV) for name, path in scripts.items()})
        with proxied_browser(servers) as browser:
            floor = Target("floor", "floor", "", query={})
            targets = {name: Target(name, name, "", "map" if name in MAP_VARIANTS else "app", query={})
                       for name in names}
            for label, target in [("floor", floor), *targets.items()]:  # warm-up
                load_once(browser, servers[label].base_url, target)
            times: dict[str, list[float]] = {label: [] for label in ["floor", *names]}
            for _ in range(args.runs):
                for label, target in [("floor", floor), *targets.items()]:
                    seconds, blocked = load_once(browser, servers[label].base_url, target)
                    if blocked:
                        raise RuntimeError(f"{label} needed non-loopback URLs: {blocked[:3]}")
                    times[label].append(seconds)

    floor_s = median(times["floor"])
    print(f"\nOne element on a one-line page (median of {args.runs}; floor {floor_s:.2f} s)")
    print(f"{'variant':<22}{'median s':>10}{'x floor':>9}{'+ s':>8}")
    for label in ["floor", *names]:
        value = median(times[label])
        results["variants"][label] = {"runs_s": times[label], "median_s": value, "ratio": value / floor_s}
        print(f"{label:<22}{value:>10.2f}{value / floor_s:>9.2f}{value - floor_s:>+8.2f}")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"widgets-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwritten {path}")
    return results


if __name__ == "__main__":
    main()
