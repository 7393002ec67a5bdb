"""The content of each kiosk slide, built from the domain modules (pure: no Streamlit).

Every builder takes the dataset, the filters (themed loops: ``axis=health``) and a language, and returns
a :class:`SlideView`: a title and an escaped HTML body, or a folium map for the partners slide.
The logic lives in the domain modules (home, events, maps, achievements); this module only picks
what fits on a big screen.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from enact_dash import events as ev
from enact_dash.achievements import actions_summary, build_view
from enact_dash.achievements.common import axis_names
from enact_dash.data import Dataset
from enact_dash.filters import Filters
from enact_dash.home import home_view
from enact_dash.i18n import fold, format_number, plural, t
from enact_dash.kiosk.frame import empty_html
from enact_dash.maps import build_partner_map, count_located
from enact_dash.memo import IdentityMemo
from enact_dash.partners import filter_partners
from enact_dash.partners.mapdata import boundaries_for
from enact_dash.partners.summary import names_by_city

logger = logging.getLogger(__name__)

MAX_EVENTS = 5
MAX_TILES = 6
# The year in review: as many as a 1366x768 screen holds (the rest is counted).
MAX_MILESTONES = 4
MAX_ACTIONS = 5
MAP_HEIGHT = 700  # px; the kiosk CSS sizes the frame to the screen
# Beside the map: who is where, as much as a screen holds (the rest is counted).
ASIDE_CITIES = 5
ASIDE_NAMES = 4  # per city
ASIDE_NO_CITY = 12


class KioskMapStyle(MacroElement):
    """Makes the map fill its frame, which the kiosk CSS sizes to the screen (st_folium gives the map
    a fixed height in pixels: too small on a 4K screen), and draws its legend, cluster counts and credits
    large enough to read from a few metres (the laptop sizes are 12 px).

    Sizes follow the frame's own viewport (``vh`` inside the map's document is the frame's height, 64 %
    of the screen's): the same as the text beside the map at 1080p (22 px legend), twice that at 4K,
    never below the 1080p size. A cluster is a circle sized by its count's type (``em``), so that it
    grows with it; it still holds the partners who share a city's point."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
html, body, #root, #parent, .float-child { height: 100%; margin: 0; }
body { overflow: hidden; }
#map_div, .folium-map { height: 100% !important; }
.enact-legend { font-size: max(22px, 3.2vh); padding: 0.45em 0.75em; max-width: 24em; }
.enact-legend-title { font-size: 1em; }
.enact-legend svg { width: 1.1em; height: 1.1em; }
.enact-cluster span { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%);
  width: auto; height: auto; min-width: 2.15em; aspect-ratio: 1; padding: 0 0.8em;
  font-size: max(21px, 3vh); border-width: max(2px, 0.3vh); }
.leaflet-container .leaflet-control-attribution { font-size: max(14px, 2.1vh) !important; }
</style>
{% endmacro %}
""")


@dataclass(frozen=True)
class SlideView:
    """One slide ready to show. ``failed`` marks the fallback shown when a builder raised."""

    name: str
    title: str
    body: str = ""  # escaped HTML
    map: folium.Map | None = None
    aside: str = ""  # escaped HTML shown beside the map
    failed: bool = False
    empty: bool = False  # nothing to show (a neutral message): left out of the rotation


def _e(text: object) -> str:
    return html.escape(str(text))


def theme_label(dataset: Dataset, filters: Filters, lang: str) -> str:
    """The names of the axes of a themed loop (``axis=health``), "" without one."""
    if not filters.axis:
        return ""
    names = axis_names(dataset.axes, lang)
    return ", ".join(names.get(axis, axis) for axis in filters.axis)


def tiles_body(tiles: Iterable[tuple[str, str, str, bool]]) -> str:
    """Big figures: (value, label, source, small) each; ``small`` for a long value such as a date."""
    items = [
        "<li class='kiosk-tile'>"
        f"<div class='value{' small' if small else ''}'>{_e(value)}</div>"
        f"<div class='label'>{_e(label)}</div>"
        + (f"<div class='source'>{_e(source)}</div>" if source else "")
        + "</li>"
        for value, label, source, small in tiles
    ]
    return "<ul class='kiosk-tiles'>" + "".join(items[:MAX_TILES]) + "</ul>"


# --- the slides ------------------------------------------------------------------------------


def home_slide(dataset: Dataset, filters: Filters, lang: str, *, today: date) -> SlideView:
    """Key figures, as the home page gives them (with their sources). A figure that cannot be read now
    (a bad row) is left out: the web page says so, a big "—" on a stand says nothing to a visitor."""
    view = home_view(dataset, filters, lang, today=today)
    tiles = [(tile.value, tile.label, source_line(tile.source, lang), tile.small)
             for tile in view.tiles if not tile.unavailable]
    if not tiles:
        return SlideView("home", t("kiosk.slide.home", lang), empty_html(t("kiosk.empty", lang)), empty=True)
    return SlideView("home", t("kiosk.slide.home", lang), tiles_body(tiles))


def source_line(source: str, lang: str) -> str:
    return t("kiosk.source", lang, source=source) if source else ""


def events_slide(dataset: Dataset, filters: Filters, lang: str, *, today: date) -> SlideView:
    """The next events (at most five), cancelled ones left out."""
    events = ev.filter_by(ev.prepare(dataset.events), filters)
    upcoming, _past = ev.split_upcoming_past(events, today=today)
    views = [ev.event_view(row, lang, today=today) for row in upcoming.to_dict("records")]
    views = [view for view in views if not view.cancelled][:MAX_EVENTS]
    if not views:
        return SlideView("events", t("kiosk.slide.events", lang),
                         empty_html(t("kiosk.events.none", lang)), empty=True)
    items = []
    for view in views:
        kind = "" if type_in_title(view.type, view.title) else view.type  # "Écoles d'été" / "École d'été"
        meta = " · ".join(part for part in (kind, view.where) if part)
        items.append(
            f"<li><div class='when'>{_e(view.when)}</div>"
            f"<div><div class='title'>{_e(view.title)}</div>"
            + (f"<div class='meta'>{_e(meta)}</div>" if meta else "")
            + "</div></li>"
        )
    return SlideView("events", t("kiosk.slide.events", lang),
                     "<ol class='kiosk-list'>" + "".join(items) + "</ol>")


def _stem(word: str) -> str:
    """A word without its plural ending, enough to compare (``écoles`` / ``école``, ``Sommerschulen`` /
    ``Sommerschule``): both sides are cut the same way."""
    stem = word
    for _ in range(2):
        if len(stem) > 3 and stem[-1] in "sxn":
            stem = stem[:-1]
    return stem


def type_in_title(kind: str, title: str) -> bool:
    """Whether an event's title already says its type (folded, singular or plural): the type's words
    appear in the title, in order and together."""
    words = [_stem(w) for w in re.findall(r"\w+", fold(kind))]
    said = [_stem(w) for w in re.findall(r"\w+", fold(title))]
    return bool(words) and any(said[i:i + len(words)] == words for i in range(len(said) - len(words) + 1))


def partners_slide(dataset: Dataset, filters: Filters, lang: str, *, data_dir: Path) -> SlideView:
    """The partner map, without tiles (boundaries on a plain background work offline), static: nothing
    to click or focus on an unattended screen."""
    partners = filter_partners(dataset.partners, filters)
    fmap = build_partner_map(partners, boundaries_for(data_dir), lang, tiles=None, height=MAP_HEIGHT,
                             axis_labels=axis_names(dataset.axes, lang), static=True)
    KioskMapStyle().add_to(fmap)
    located = count_located(partners)
    note = t("kiosk.partners.count", lang, located=plural("kiosk.partners.located", located, lang),
             total=format_number(len(partners), lang))
    return SlideView("partners", t("kiosk.slide.partners", lang),
                     f"<p class='kiosk-map-note'>{_e(note)}</p>", map=fmap,
                     aside=partners_aside(partners, lang) if len(partners) else "")


def _group(heading: str, names: tuple[str, ...], limit: int, lang: str) -> str:
    """A heading with the group's size, then at most ``limit`` names and how many more there are."""
    count = _e(format_number(len(names), lang))
    shown = " · ".join(f"<span>{_e(name)}</span>" for name in names[:limit])  # lines break between names
    if len(names) > limit:
        shown += " " + _e(plural("kiosk.partners.more_names", len(names) - limit, lang))
    return f"<h2>{_e(heading)} <span class='count'>({count})</span></h2><p>{shown}</p>"


def partners_aside(partners: pd.DataFrame, lang: str) -> str:
    """Who is where, beside the map: nobody taps a cluster on a kiosk to see its names. The cities
    with the most partners, a few names each, then the partners with no known city."""
    places = names_by_city(partners)
    parts = []
    for city, names in places.cities[:ASIDE_CITIES]:
        parts.append(_group(city, names, ASIDE_NAMES, lang))
    if len(places.cities) > ASIDE_CITIES:
        more = plural("kiosk.partners.more_cities", len(places.cities) - ASIDE_CITIES, lang)
        parts.append(f"<p class='more'>{_e(more)}</p>")
    if places.no_city:
        parts.append(_group(t("kiosk.partners.no_city", lang), places.no_city, ASIDE_NO_CITY, lang))
    return f"<div class='kiosk kiosk-aside' lang='{_e(lang)}'>" + "".join(parts) + "</div>"


def chairs_slide(dataset: Dataset, filters: Filters, lang: str, *, today: date) -> SlideView:
    """The research axes, each with its presented chairs; the count says how many are not published."""
    view = build_view(dataset, filters.with_(lang=lang), today=today)
    overview, names = view.chairs, view.axis_names
    lead = ""
    if overview.launched is not None:
        lead = t("kiosk.chairs.lead", lang, launched=plural("kiosk.chairs.launched", overview.launched, lang),
                 presented=plural("kiosk.chairs.presented", overview.presented_total, lang))
    columns = []
    for axis in [a for a in names if not view.axes or a in view.axes]:
        chairs = "".join(
            f"<p><strong>{_e(card.display_title(lang))}</strong><br>"
            f"<span class='meta'>{_e(', '.join(p for p in (card.holder, card.institution) if p))}</span></p>"
            for card in overview.shown if card.axis == axis
        ) or f"<p class='meta'>{_e(t('kiosk.chairs.none_presented', lang))}</p>"
        columns.append(f"<li><h2>{_e(names[axis])}</h2>{chairs}</li>")
    if not columns:
        return SlideView("chairs", t("kiosk.slide.chairs", lang), empty_html(t("kiosk.empty", lang)),
                         empty=True)
    body = (f"<p class='kiosk-lead'>{_e(lead)}</p>" if lead else "") + (
        "<ul class='kiosk-columns'>" + "".join(columns) + "</ul>")
    return SlideView("chairs", t("kiosk.slide.chairs", lang), body)


def achievements_slide(dataset: Dataset, filters: Filters, lang: str, *, today: date) -> SlideView:
    """The year's record that the home slide does not give: the year's milestones and the next year's
    priority actions (a themed loop keeps the actions of its axes and the cluster-wide ones), as the
    achievements page lists them, under the page's summary of their statuses with the day a source
    stated them ("état publié au 12 décembre 2025"): a list shown as what comes next, a year later, must
    not pass for today's news. What does not fit is counted."""
    view = build_view(dataset, filters.with_(lang=lang), today=today)
    columns = []
    if view.year is not None and view.year_milestones:
        steps = "".join(
            f"<li><div class='when'>{_e(step.when_text)}</div><div class='title'>{_e(step.label)}</div></li>"
            for step in view.year_milestones[:MAX_MILESTONES]
        )
        columns.append(_record_column(
            t("achievements.review.milestones", lang, year=view.year),
            f"<ol class='kiosk-steps'>{steps}</ol>",
            len(view.year_milestones) - MAX_MILESTONES, "kiosk.achievements.more_milestones", lang))
    if view.next_year is not None and view.next_actions:
        actions = "".join(f"<li><div class='title'>{_e(action.title)}</div></li>"
                          for action in view.next_actions[:MAX_ACTIONS])
        summary = actions_summary(view.next_actions, view.next_year, lang, today=today)
        columns.append(_record_column(
            t("achievements.actions.title", lang, year=view.next_year),
            f"<p class='lead'>{_e(summary)}</p><ul class='kiosk-actions'>{actions}</ul>",
            len(view.next_actions) - MAX_ACTIONS, "kiosk.achievements.more_actions", lang))
    if not columns:
        return SlideView("achievements", t("kiosk.slide.achievements_none", lang),
                         empty_html(t("kiosk.empty", lang)), empty=True)
    return SlideView("achievements", t("kiosk.slide.achievements", lang, year=view.year),
                     "<div class='kiosk-record'>" + "".join(columns) + "</div>")


def _record_column(heading: str, items: str, left_out: int, more_key: str, lang: str) -> str:
    more = f"<p class='more'>{_e(plural(more_key, left_out, lang))}</p>" if left_out > 0 else ""
    return f"<section><h2>{_e(heading)}</h2>{items}{more}</section>"


_CONTENT = IdentityMemo(maxsize=32)  # which slides have something to show, per dataset (see below)


def slides_with_content(names: Sequence[str], dataset: Dataset, filters: Filters, lang: str, *,
                        today: date, data_dir: Path) -> tuple[str, ...]:
    """The playlist without the slides that have nothing to show now (no upcoming event in a themed
    loop): an empty slide would take its share of the loop. All of them if none has anything (each
    then shows its neutral message). The partners slide is empty without a partner (its map is not
    built for this)."""
    def has_content(name: str) -> bool:
        if name == "partners":
            return bool(len(filter_partners(dataset.partners, filters)))
        return not build_slide(name, dataset, filters, lang, today=today, data_dir=data_dir).empty

    def compute() -> tuple[str, ...]:
        return tuple(name for name in names if has_content(name)) or tuple(names)

    # Once per data, filters, language and day: not every slide built again at every rotation.
    return _CONTENT.get(dataset, (tuple(names), filters, lang, today, str(data_dir)), compute)


# --- dispatch --------------------------------------------------------------------------------

Builder = Callable[[Dataset, Filters, str], SlideView]


def build_slide(name: str, dataset: Dataset, filters: Filters, lang: str, *, today: date,
                data_dir: Path) -> SlideView:
    """The slide ``name``; never raises.

    A kiosk runs unattended: if a builder fails on data nobody foresaw, the error is logged with its
    traceback for the staff and the screen shows a neutral slide instead of an error.
    """
    builders: dict[str, Builder] = {
        "home": lambda d, f, lg: home_slide(d, f, lg, today=today),
        "partners": lambda d, f, lg: partners_slide(d, f, lg, data_dir=data_dir),
        "events": lambda d, f, lg: events_slide(d, f, lg, today=today),
        "chairs": lambda d, f, lg: chairs_slide(d, f, lg, today=today),
        "achievements": lambda d, f, lg: achievements_slide(d, f, lg, today=today),
    }
    try:
        return builders[name](dataset, filters, lang)
    except Exception:  # logged; an unattended screen shows a neutral slide instead
        logger.exception("kiosk slide %r failed", name)
        return SlideView(name, t("common.app_title", lang), empty_html(t("kiosk.unavailable", lang)),
                         failed=True)
