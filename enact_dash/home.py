"""What the home page shows: what ENACT is, key figures with sources, axes, pillars, next events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from enact_dash.data import Dataset, localized
from enact_dash.events import event_view, filter_by, split_upcoming_past
from enact_dash.events.display import EventView
from enact_dash.events.page import prepared
from enact_dash.figures import Figure, has_metric, primary_figure
from enact_dash.filters import Filters
from enact_dash.i18n import format_number, t
from enact_dash.sources import first_url, short

PRESS_RELEASE = "press-release"
PILLARS = ("research", "training", "innovation")
# The key figures of the home page, in order: (metric id in figures.csv, label key if the data has none).
KEY_METRICS = ("funding", "chairs_launched", "theses")


@dataclass(frozen=True)
class Tile:
    value: str
    label: str
    source: str
    source_url: str = ""
    small: bool = False  # a long value (a date) in smaller type
    unavailable: bool = False  # its data could not be read: the page says so, the kiosk leaves it out

    def as_dict(self, lang: str) -> dict[str, str]:
        return {"value": self.value, "label": self.label, "source": self.source,
                "source_url": self.source_url, "small": "1" if self.small else "",
                "source_label": t("common.source_label", lang)}


@dataclass(frozen=True)
class HomeView:
    tiles: tuple[Tile, ...]
    axes: tuple[tuple[str, str, str], ...]  # (id, name, description)
    pillars: tuple[tuple[str, str], ...]  # (name, description)
    next_events: tuple[EventView, ...]
    upcoming_count: int
    upcoming_total: int = 0  # upcoming events whatever the filters
    unavailable: frozenset[str] = frozenset()  # tables whose file could not be read (``partners``…)


def _figure_tile(figure: Figure, lang: str) -> Tile:
    return Tile(figure.text, figure.label, short(figure.source, lang), figure.source_url)


def _unavailable_tile(label: str) -> Tile:
    return Tile("—", label, "", unavailable=True)


def home_view(dataset: Dataset, filters: Filters, lang: str, *, today: date, max_events: int = 3) -> HomeView:
    unavailable = frozenset(name for name in ("figures", "partners", "events", "axes")
                            if dataset.unavailable(name))
    tiles: list[Tile] = []
    for metric in KEY_METRICS:
        figure = primary_figure(dataset.figures, metric, lang)
        label = t(f"home.metric.{metric}", lang)
        if figure is not None:
            tiles.append(_figure_tile(figure, lang))
        elif ("figures" in unavailable or has_metric(dataset.figures, metric)
              or metric in dataset.left_out_values("figures", "metric")):
            # The file, or the metric's primary figure, could not be read: never a secondary one instead;
            # a metric whose only row is left out (a bad value) is missing, not "not yet published".
            tiles.append(_unavailable_tile(t("home.figure_unavailable", lang, label=label)))
        else:
            tiles.append(Tile(t("figures.not_published", lang), label, ""))
    if "partners" in unavailable:
        tiles.append(_unavailable_tile(t("home.partners_unavailable", lang)))
    else:
        tiles.append(Tile(format_number(len(dataset.partners), lang), t("home.partners_listed", lang),
                          t("home.partners_source", lang)))

    events = prepared(dataset.events)
    upcoming_all, _ = split_upcoming_past(events, today=today)
    upcoming = split_upcoming_past(filter_by(events, filters), today=today)[0]
    views = tuple(event_view(row, lang, today=today)
                  for row in upcoming.head(max_events).to_dict("records"))
    first = event_view(upcoming_all.iloc[0].to_dict(), lang, today=today) if len(upcoming_all) else None
    if "events" in unavailable:
        tiles.append(_unavailable_tile(t("home.next_event_unavailable", lang)))
    elif first is not None:
        # The key figure is the cluster's next event; said so when the filters leave some events out.
        key = "home.next_event" if len(upcoming) == len(upcoming_all) else "home.next_event_all"
        tiles.append(Tile(first.when, t(key, lang, title=first.title),
                          short(first.source, lang), first_url(first.source), small=True))
    else:
        tiles.append(Tile("—", t("home.no_next_event", lang), ""))

    axes = dataset.axes
    axis_rows: tuple[tuple[str, str, str], ...] = ()
    if not axes.empty:
        axis_rows = tuple(zip(axes["id"], localized(axes, "name", lang),
                              localized(axes, "description", lang), strict=True))
    pillars = tuple((t(f"vocab.pillar.{p}", lang), t(f"home.pillar.{p}", lang)) for p in PILLARS)
    return HomeView(tuple(tiles), axis_rows, pillars, views, len(upcoming), len(upcoming_all), unavailable)


def upcoming_message(view: HomeView, lang: str) -> str:
    """What the next-events section says when it lists nothing: the file is unreadable, the filters leave
    every upcoming event out, or none is announced."""
    if "events" in view.unavailable:
        return t("common.unavailable.events", lang)
    if view.upcoming_total:
        return t("home.no_upcoming_filtered", lang)
    return t("home.no_upcoming", lang)
