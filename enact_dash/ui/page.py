"""Small page-level renderers shared by every page: document language, styles, data notice."""

from __future__ import annotations

import html
import json

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from enact_dash.data import Dataset
from enact_dash.empty_view import EmptyView, shared_filters_text
from enact_dash.events.display import escape_markdown
from enact_dash.filters import SHARED_FILTERS, Filters
from enact_dash.i18n import plural, t
from enact_dash.maps.payload import script_json
from enact_dash.ui.state import set_filters

# Streamlit's theme does the colours (see .streamlit/config.toml); these rules only fix what the theme
# cannot: larger tiles for key figures, and a visible keyboard focus.
BASE_CSS = """
<style>
:focus-visible { outline: 3px solid #1d4e89 !important; outline-offset: 2px; }
/* A heading keeps its id (a link may point to it, e.g. #partner-card) but not Streamlit's "Link to heading"
   anchor: an English name and one more Tab stop per heading. Headings are drawn with anchor=False too. */
[data-testid="stHeaderActionElements"] a[href^="#"] { display: none !important; }
/* Streamlit greys captions to about 4:1; WCAG AA asks 4.5:1 for small text. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #4b5563 !important;
  opacity: 1 !important; }
.enact-tiles { display: grid; margin-left: 0 !important; padding-left: 0 !important;
  grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 1rem;
  margin: 0.5rem 0 1.5rem; padding: 0; list-style: none; }
.enact-tile { border: 1px solid #c9d3e0; border-radius: 0.6rem; padding: 1rem; background: #f5f8fc;
  min-width: 0; }
.enact-tile .value { font-size: 2.2rem; font-weight: 700; line-height: 1.1; color: #0b2e59; }
.enact-tile .value.small { font-size: 1.4rem; }
.enact-tile .label { font-size: 1rem; color: #1f2a37; margin-top: 0.3rem; }
.enact-tile .source { font-size: 0.8rem; color: #44505e; margin-top: 0.4rem; overflow-wrap: anywhere; }
.enact-tile .source a { color: #1d4e89; }
.enact-share { overflow-wrap: anywhere; font-size: 0.9rem; margin: 0; }
/* Filter chips (st.pills) show their whole label, on several lines if need be (axis names are long). */
[data-testid="stButtonGroup"] button[data-variant="pills"] { height: auto; min-height: 2rem;
  max-width: 100%; }
[data-testid="stButtonGroup"] button[data-variant="pills"] * { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; text-align: left; }
/* Text zoomed to 200 % (WCAG 1.4.4): buttons, download buttons and the pages' links wrap their labels
   instead of cutting them with "…". */
[data-testid^="stBaseButton"], [data-testid="stSidebarNavLink"] { height: auto; }
[data-testid^="stBaseButton"] *, [data-testid="stSidebarNavLink"] * { white-space: normal !important;
  overflow-wrap: anywhere; text-overflow: clip !important; }
/* On a phone, a page's filters (a container keyed filters_...) sit two to a row, not one under another. */
@media (max-width: 640px) {
  [class*="st-key-filters_"] [data-testid="stColumn"] { min-width: calc(50% - 0.5rem) !important;
    flex: 1 1 calc(50% - 0.5rem) !important; }
}
/* Data tables (enact_dash.html_table): real HTML tables, the text alternative to maps and charts. */
.enact-table-wrap { overflow-x: auto; max-width: 100%; margin-bottom: 0.5rem; }
.enact-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; line-height: 1.35; }
.enact-table caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.4rem; }
.enact-table th, .enact-table td { text-align: left; vertical-align: top; padding: 0.35rem 0.55rem;
  border-bottom: 1px solid #c9d3e0; }
.enact-table td { overflow-wrap: break-word; }
.enact-table td:first-child { min-width: 10rem; }
.enact-table td.long { overflow-wrap: anywhere; min-width: 14rem; }
.enact-table th { background: #eef3f9; color: #1f2a37; white-space: nowrap; }
.enact-table .num { text-align: right; }
.enact-table a { color: #1d4e89; }
/* The line "scroll sideways", only while a table is wider than its region: a scroll-driven animation
   has a timeline only while its scroller overflows, so the hint shows then and only then (folded, not
   display: none, which would stop the animation). Without scroll-driven animations (older browsers),
   it shows on narrow screens, where the lists overflow. */
.enact-scroll-hint { position: sticky; left: 0; max-height: 0; overflow: hidden; visibility: hidden;
  margin: 0; font-size: 0.85rem; color: #44505e; }
@keyframes enact-scroll-hint { from, to { max-height: none; visibility: visible; margin: 0 0 0.3rem; } }
@supports (animation-timeline: scroll()) {
  .enact-table-wrap { scroll-timeline: --enact-table-x x; }
  .enact-scroll-hint { animation: enact-scroll-hint linear both; animation-timeline: --enact-table-x; }
}
@supports not (animation-timeline: scroll()) {
  @media (max-width: 640px) { .enact-scroll-hint { max-height: none; visibility: visible;
    margin: 0 0 0.3rem; } }
}
/* A list laid out as cards on a phone (html_table's stack=True): each row a bordered block, each cell a
   line "header: value"; the header row stays for screen readers (visually hidden), and the label drawn
   from data-label has empty alternative text, so that it is not read twice. */
@media (max-width: 640px) {
  .enact-stack { overflow-x: visible; }
  .enact-stack .enact-scroll-hint { display: none; }
  .enact-stack .enact-table, .enact-stack tbody, .enact-stack tr, .enact-stack td { display: block;
    width: 100%; }
  .enact-stack .enact-table caption { display: block; }
  .enact-stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  .enact-stack tr { border: 1px solid #c9d3e0; border-radius: 0.4rem; margin: 0 0 0.6rem;
    padding: 0.35rem 0; }
  .enact-stack td, .enact-stack td.long, .enact-stack td:first-child { display: grid;
    grid-template-columns: minmax(6rem, 35%) 1fr; gap: 0.6rem; min-width: 0; border: 0;
    padding: 0.15rem 0.7rem; text-align: left; }
  .enact-stack td::before { content: attr(data-label); content: attr(data-label) / "";
    font-weight: 600; color: #44505e; }
  .enact-stack td:first-child { grid-template-columns: 1fr; font-size: 1rem; font-weight: 600;
    padding-bottom: 0.3rem; }
  .enact-stack td:first-child::before { content: none; }
  .enact-stack td:empty { display: none; }
}
/* The hidden mark of the chosen event's details (where the focus goes after a choice on the map): its
   element takes no room in the expander. */
[data-testid="stElementContainer"]:has(#event-chosen) { display: none; }
/* The partners page's detail section: its heading (h2, under the page's h1) sized for its column; the
   heading's own anchor link is left out (the list's names link to it, with the section's anchor). */
.st-key-partner_detail h2 { font-size: 1.3rem; padding: 0 0 0.25rem; }
.st-key-partner_detail [data-testid="stHeaderActionElements"] { display: none; }
/* Charts of the achievements page (enact_dash.charts_achievements): HTML, no chart library. */
.enact-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.enact-chart { margin: 0.5rem 0 1rem; color: #1f2a37; }
.enact-chart figcaption { font-weight: 600; margin-bottom: 0.6rem; }
.enact-chart ul, .enact-chart ol { list-style: none; margin: 0 !important; padding: 0 !important; }
.enact-chart li, .enact-chart-row { display: grid; grid-template-columns: minmax(7rem, 30%) 1fr;
  column-gap: 0.75rem; margin: 0 !important; padding: 0; }
.enact-bars li { grid-template-columns: minmax(7rem, 30%) 1fr 2.5rem; align-items: center;
  margin-bottom: 0.4rem !important; }
.enact-chart-label { font-size: 0.85rem; line-height: 1.3; text-align: right; }
.enact-chart-label b { display: block; }
.enact-chart-track { position: relative; display: block; min-height: 1.6rem; }
.enact-bar { display: block; height: 1.6rem; background: #0072B2; border: 1px solid #333333;
  box-sizing: border-box; min-width: 2px; }
.enact-bar.unknown, .enact-swatch.unknown { background: repeating-linear-gradient(-45deg, #333333 0 1px,
  #ffffff 1px 6px); }
.enact-chart-value { font-size: 0.9rem; font-weight: 600; }
.enact-timeline li { min-height: 3.2rem; }
.enact-timeline li .enact-chart-label { align-self: center; padding: 0.3rem 0; }
.enact-timeline .enact-chart-track { border-bottom: 1px solid #f0f0f0; }
.enact-tick { position: absolute; top: 0; bottom: 0; border-left: 1px solid #e5e5e5; }
.enact-today { position: absolute; top: 0; bottom: 0; border-left: 2px dashed #B00020; }
.enact-today-row .enact-chart-track { min-height: 1.3rem; }
.enact-today-label { position: absolute; bottom: 0; transform: translateX(-50%); font-size: 0.8rem;
  color: #B00020; white-space: nowrap; }
.enact-mark { position: absolute; top: 50%; height: 0.9rem; transform: translateY(-50%);
  border: 1px solid #333333; box-sizing: border-box; min-width: 3px; }
.enact-mark.day, .enact-swatch.day { width: 0.85rem; height: 0.85rem; background: #0072B2;
  transform: translate(-50%, -50%) rotate(45deg); }
.enact-mark.month, .enact-swatch.month { background: repeating-linear-gradient(-45deg, #333333 0 1px,
  #cfe3f1 1px 6px); }
.enact-mark.year, .enact-swatch.year { background: repeating-linear-gradient(-45deg, #333333 0 1px,
  transparent 1px 6px), repeating-linear-gradient(45deg, #333333 0 1px, #e6f0f7 1px 6px); }
.enact-axis .enact-chart-track { min-height: 1.4rem; }
.enact-axis .enact-chart-track span { position: absolute; top: 0.2rem; transform: translateX(-50%);
  font-size: 0.8rem; color: #44505e; }
.enact-chart-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; font-size: 0.85rem;
  margin: 0.6rem 0 0; }
.enact-legend-item { display: inline-flex; align-items: center; gap: 0.4rem; }
.enact-swatch { display: inline-block; width: 1rem; height: 0.8rem; border: 1px solid #333333;
  box-sizing: border-box; }
.enact-swatch.known { background: #0072B2; }
.enact-swatch.day { width: 0.7rem; height: 0.7rem; transform: rotate(45deg); margin: 0 0.15rem; }
</style>
"""


def show_empty_view(empty: EmptyView, *, key: str) -> None:
    """The one message of a view that matches nothing, and the button that clears its filters
    (through the filter model, so the URL follows)."""
    st.info(escape_markdown(empty.message), icon=":material/search_off:")
    if empty.cleared is not None:
        st.button(empty.action, key=key, on_click=set_filters, args=(empty.cleared,),
                  icon=":material/filter_alt_off:")


def show_shared_filters(filters: Filters, axis_names: dict[str, str], lang: str, *, key: str,
                        where: DeltaGenerator, button: bool = True) -> None:
    """Under a page's title (``where``: a container the page keeps there), the sidebar's filters in use
    and a button that clears them, when some are set (``shared_filters_text``): on a phone the sidebar is
    folded, and a shared link's filters were nowhere to be seen. ``button=False`` where the page's empty
    view already has that button."""
    text = shared_filters_text(filters, axis_names, lang)
    if not text:
        return
    box = where.container(key=key, horizontal=True, vertical_alignment="center")
    box.markdown(escape_markdown(text), width="content")
    if button:
        box.button(t("common.empty.clear_shared", lang), key=f"{key}_clear", on_click=set_filters,
                   args=(filters.cleared(SHARED_FILTERS),), icon=":material/filter_alt_off:")


# A link to a section (``?partner=inria#partner-card``) lands on it: Streamlit scrolls to the heading when it
# is drawn, but the map's frame above it only takes its height later (and slower devices draw the page in
# more steps), which pushed the heading out of the screen. Until the visitor scrolls, types or touches,
# or for ten seconds at most, the target is put back at the top whenever the page's height changes. The
# target also takes the keyboard focus once (WCAG 2.4.3): the next Tab goes on from there.
KEEP_LINK_TARGET_JS = """
(() => {
  const id = decodeURIComponent(location.hash.slice(1));
  const main = document.querySelector('[data-testid="stMain"]');
  if (!id || !main || window.__enactKeptTarget === location.href) return;
  window.__enactKeptTarget = location.href;
  let focused = false;
  const observer = new ResizeObserver(() => {
    const target = document.getElementById(id);
    if (!target) return;
    if (!focused) {  // keyboard and screen-reader users continue from the section, not from the page's top
      focused = true;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({preventScroll: true});
    }
    const top = main.getBoundingClientRect().top + parseFloat(getComputedStyle(target).scrollMarginTop);
    if (Math.abs(target.getBoundingClientRect().top - top) > 2) {
      target.scrollIntoView({block: "start"});
    }
  });
  const stop = () => observer.disconnect();
  for (const name of ["wheel", "touchstart", "keydown", "mousedown"]) {
    window.addEventListener(name, stop, {once: true, capture: true, passive: true});
  }
  setTimeout(stop, 10000);
  for (const child of main.children) observer.observe(child);
})();
"""


# A point chosen on a map with the keyboard (Enter on a point, or on a name in a cluster's list) takes the
# focus where a mouse user's eyes go: to what shows it beside the map, once the app has run again. The
# map is in a frame, which the page's next run replaces: the frame only tells the page (a message from
# the app's origin: ``{type: "enact:chosen", id, target}``, enact_dash/assets/map_keyboard.js) and the
# page waits for an element marked ``data-enact-shows="<id>"`` (the card of that partner, the chosen
# event's details), then focuses the element whose id is ``target`` (the card's heading; for an event,
# its expander's summary). Given up when the visitor clicks, types or touches the page meanwhile, or
# after 30 seconds. Installed once per page load.
FOCUS_ON_CHOICE_JS = """
(() => {
  if (window.__enactFocusOnChoice) return;
  window.__enactFocusOnChoice = true;
  let pending = null, timer = 0;
  const observer = new MutationObserver(() => settle());
  const stop = () => {
    pending = null;
    observer.disconnect();
    clearTimeout(timer);
  };
  const settle = () => {
    if (!pending) return;
    const shows = Array.from(document.querySelectorAll("[data-enact-shows]"))
      .some((element) => element.dataset.enactShows === pending.id);
    const target = document.getElementById(pending.target);
    if (!shows || !target) return;
    stop();
    // A target marked data-enact-focus="summary" (the chosen event's details) stands for its expander:
    // the expander's summary takes the focus, a real control with the event's title and open state.
    const summary = target.dataset.enactFocus === "summary"
      ? target.closest("details")?.querySelector("summary") : null;
    const goal = summary || target;
    if (!goal.hasAttribute("tabindex") && !summary) goal.setAttribute("tabindex", "-1");
    goal.focus();
  };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.origin !== location.origin || !data || data.type !== "enact:chosen") return;
    const frames = Array.from(document.querySelectorAll("iframe"));
    if (!frames.some((frame) => frame.contentWindow === event.source)) return;
    stop();
    pending = {id: String(data.id), target: String(data.target)};
    observer.observe(document.body, {childList: true, subtree: true});
    timer = setTimeout(stop, 30000);
    settle();
  });
  for (const name of ["mousedown", "keydown", "touchstart"]) {
    window.addEventListener(name, stop, {capture: true, passive: true});
  }
})();
"""


# Streamlit's own texts around the pages are English whatever the page's language, and a screen reader
# reads them with the page's voice: the skip link, the sidebar's landmark and its buttons, the pages'
# navigation, a heading's link. Each is given its text in the language (keys ``common.chrome.*``); the
# English one is kept in ``data-enact-en``, for a change of language and for an element Streamlit draws
# again (watched, at most once per frame). Installed once per page load, texts updated on each run.
STREAMLIT_TEXTS = {  # Streamlit 1.67's English -> our key
    "Skip to main content": "common.chrome.skip",
    "Sidebar": "common.chrome.sidebar",
    "App pages": "common.chrome.pages",
    "Collapse sidebar": "common.chrome.collapse",
    "Expand sidebar": "common.chrome.expand",
    "Link to heading": "common.chrome.heading_link",
}
SKIP_LINK = '[data-testid="stSkipToContent"]'
_LABELLED = ", ".join([*(f'[aria-label="{english}"]' for english in STREAMLIT_TEXTS), "[data-enact-en]"])
STREAMLIT_TEXTS_JS = """
(() => {
  const has = (texts, english) => Object.prototype.hasOwnProperty.call(texts, english);
  const apply = () => {
    const texts = window.__enactTexts;
    for (const element of document.querySelectorAll(LABELLED)) {
      const english = element.dataset.enactEn ?? element.getAttribute("aria-label");
      if (!has(texts, english) || element.matches(SKIP)) continue;
      element.dataset.enactEn = english;
      if (element.getAttribute("aria-label") !== texts[english]) {
        element.setAttribute("aria-label", texts[english]);
      }
    }
    const skip = document.querySelector(SKIP);
    const english = skip && (skip.dataset.enactEn ?? skip.textContent);
    if (skip && has(texts, english)) {
      skip.dataset.enactEn = english;
      if (skip.textContent !== texts[english]) skip.textContent = texts[english];
    }
  };
  window.__enactTexts = TEXTS;
  apply();
  if (window.__enactTextsWatched) return;
  window.__enactTextsWatched = true;
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; apply(); });
  }).observe(document.body, {childList: true, subtree: true});
})();
""".replace("LABELLED", json.dumps(_LABELLED)).replace("SKIP", json.dumps(SKIP_LINK))


def streamlit_texts(lang: str) -> dict[str, str]:
    """Streamlit's English texts around the pages, and ours in ``lang``."""
    return {english: t(key, lang) for english, key in STREAMLIT_TEXTS.items()}


def set_document_language(lang: str) -> None:
    """Make ``<html lang>`` match the interface language (screen readers, hyphenation), and Streamlit's
    own texts around the pages (``STREAMLIT_TEXTS_JS``); keep a link's target section in view while the
    page is drawn (``KEEP_LINK_TARGET_JS``), and move the focus after a choice on a map made with the
    keyboard (``FOCUS_ON_CHOICE_JS``)."""
    code = json.dumps(lang)
    # One script each: one that throws (an old browser) does not stop the others.
    texts = STREAMLIT_TEXTS_JS.replace("TEXTS", script_json(streamlit_texts(lang)))
    scripts = (f"document.documentElement.lang = {code};", texts, KEEP_LINK_TARGET_JS, FOCUS_ON_CHOICE_JS)
    st.html("".join(f"<script>{script}</script>" for script in scripts), unsafe_allow_javascript=True)


def inject_base_css() -> None:
    st.html(BASE_CSS)


def data_notice(dataset: Dataset, lang: str, *, container: object = None) -> None:
    """A discreet, translated list of data problems for the staff (never a traceback)."""
    if not dataset.problems:
        return
    box = container if container is not None else st
    with box.expander(plural("common.data_problems.title", len(dataset.problems), lang)):  # type: ignore[attr-defined]
        st.caption(t("common.data_problems.intro", lang))
        lines = []
        for problem in dataset.problems[:200]:
            kind = problem.status(lang)  # "erreur — fichier ignoré", "avertissement — valeur ignorée"…
            lines.append(f"<li><code>{html.escape(problem.where())}</code> "
                         f"{html.escape(problem.column)} — {html.escape(problem.message(lang))} "
                         f"<em>({html.escape(kind)})</em></li>")
        st.html("<ul style='font-size:0.85rem;padding-left:1.1rem'>" + "".join(lines) + "</ul>")


def tiles_html(tiles: list[dict[str, str]]) -> str:
    """Key-figure tiles: ``value``, ``label``, ``source`` (text) and optional ``source_url``.

    Every value is escaped here; callers pass plain text.
    """
    items = []
    for tile in tiles:
        source = html.escape(tile.get("source", ""))
        url = tile.get("source_url", "")
        if url.startswith(("http://", "https://")):
            source = (f'<a href="{html.escape(url, quote=True)}" rel="noopener" '
                      f'target="_blank">{source}</a>')
        items.append(
            "<li class='enact-tile'>"
            f"<div class='value{' small' if tile.get('small') else ''}'>{html.escape(tile['value'])}</div>"
            f"<div class='label'>{html.escape(tile['label'])}</div>"
            + (f"<div class='source'>{html.escape(tile.get('source_label', ''))} {source}</div>"
               if source else "")
            + "</li>"
        )
    return "<ul class='enact-tiles'>" + "".join(items) + "</ul>"
