"""Everything the achievements page shows, assembled from the dataset, the filters and today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from enact_dash.achievements.actions import ActionItem, action_items
from enact_dash.achievements.chairs import (
    ChairsOverview,
    PlannedChairs,
    chairs_overview,
    chairs_per_axis,
    planned_international,
)
from enact_dash.achievements.common import axis_names
from enact_dash.achievements.milestones import Milestone, in_year, milestones_of
from enact_dash.achievements.review import (
    Conflict,
    conflicting_figures,
    missing_figures,
    pick_year,
    review_years,
    year_figures,
)
from enact_dash.achievements.targets import TargetProgress, target_progress
from enact_dash.data import Dataset
from enact_dash.figures import Figure
from enact_dash.filters import Filters

# The tables whose sections say so when their file could not be read.
UNAVAILABLE_SECTIONS = ("figures", "chairs", "actions", "targets", "milestones")


@dataclass(frozen=True)
class AchievementsView:
    lang: str
    axes: tuple[str, ...]  # the axis filter
    axis_names: dict[str, str]
    years: list[int]
    year: int | None  # the year in review
    key_figures: list[Figure]
    year_milestones: list[Milestone]
    year_actions: list[ActionItem]  # actions of the year in review
    next_year: int | None  # the year of the priority actions
    next_actions: list[ActionItem]
    chairs: ChairsOverview
    chairs_rows: pd.DataFrame
    planned: PlannedChairs | None
    targets: list[TargetProgress]
    milestones: list[Milestone]
    conflicts: list[Conflict]
    # The city filter does not apply here (the record is the whole cluster's): named so the page says so.
    cities: tuple[str, ...] = ()
    # Tables whose file could not be read (``figures``, ``chairs``…): their sections say so.
    unavailable: frozenset[str] = frozenset()
    # Labels of the figures whose row was left out for a bad value (its date, perhaps: its year unknown).
    missing_figures: tuple[str, ...] = ()


def _table(dataset: Dataset, name: str) -> pd.DataFrame:
    frame = dataset.tables.get(name)
    return frame if frame is not None else pd.DataFrame()


def build_view(dataset: Dataset, filters: Filters, *, today: date) -> AchievementsView:
    """Assemble the page's content (pure: no Streamlit)."""
    lang = filters.lang
    figures, actions = _table(dataset, "figures"), _table(dataset, "actions")
    names = axis_names(_table(dataset, "axes"), lang)
    axes = tuple(a for a in filters.axis if a in names)
    years = review_years(figures, actions, today=today)
    year = pick_year(filters.year, years, figures, _table(dataset, "milestones"), today=today)
    next_year = year + 1 if year is not None else None
    chairs = chairs_overview(_table(dataset, "chairs"), figures, _table(dataset, "partners"), names,
                             lang, axes)
    milestones = milestones_of(_table(dataset, "milestones"), lang, today=today)
    return AchievementsView(
        lang=lang, axes=axes, axis_names=names, years=years, year=year,
        key_figures=year_figures(figures, year, lang),
        year_milestones=in_year(milestones, year),
        year_actions=action_items(actions, year, lang, names, axes, today=today),
        next_year=next_year,
        next_actions=action_items(actions, next_year, lang, names, axes, today=today),
        chairs=chairs,
        chairs_rows=chairs_per_axis(chairs, names, lang, axes),
        planned=planned_international(_table(dataset, "chairs"), figures, _table(dataset, "targets"),
                                      _table(dataset, "partners"), names, lang),
        targets=target_progress(_table(dataset, "targets"), lang),
        milestones=milestones,
        conflicts=conflicting_figures(figures, lang),
        cities=tuple(filters.city),
        unavailable=frozenset(name for name in UNAVAILABLE_SECTIONS if dataset.unavailable(name)),
        missing_figures=missing_figures(dataset.left_out.get("figures", ()), figures, lang),
    )
