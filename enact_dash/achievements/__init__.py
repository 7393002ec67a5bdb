"""Achievements: the year in review, chairs, priority actions, targets, milestones, conflicting figures.

Modules: :mod:`~.review` (years, key figures, conflicting figures), :mod:`~.export` (the figures download),
:mod:`~.chairs` (launched, presented and unpublished chairs; chairs per axis; international chairs),
:mod:`~.actions` (priority actions and the axis rule), :mod:`~.targets` (progress from baselines),
:mod:`~.milestones`, :mod:`~.html` (escaped fragments), :mod:`~.view` (everything the page shows).
Charts are in :mod:`enact_dash.charts_achievements`.
"""

from enact_dash.achievements.actions import ActionItem, action_items, actions_summary, actions_table
from enact_dash.achievements.chairs import (
    ChairCard,
    ChairsOverview,
    PlannedChairs,
    chairs_overview,
    chairs_per_axis,
    per_axis_summary,
    per_axis_table,
    planned_international,
)
from enact_dash.achievements.common import matches_axes
from enact_dash.achievements.export import figures_download
from enact_dash.achievements.milestones import Milestone, milestones_of, milestones_summary, milestones_table
from enact_dash.achievements.review import (
    Conflict,
    conflicting_figures,
    conflicts_table,
    review_years,
    year_figures,
)
from enact_dash.achievements.targets import (
    TargetProgress,
    progress_fraction,
    target_progress,
    targets_summary,
    targets_table,
)
from enact_dash.achievements.view import AchievementsView, build_view

__all__ = [
    "AchievementsView",
    "ActionItem",
    "ChairCard",
    "ChairsOverview",
    "Conflict",
    "Milestone",
    "PlannedChairs",
    "TargetProgress",
    "action_items",
    "actions_summary",
    "actions_table",
    "build_view",
    "chairs_overview",
    "chairs_per_axis",
    "conflicting_figures",
    "conflicts_table",
    "figures_download",
    "matches_axes",
    "milestones_of",
    "milestones_summary",
    "milestones_table",
    "per_axis_summary",
    "per_axis_table",
    "planned_international",
    "progress_fraction",
    "review_years",
    "target_progress",
    "targets_summary",
    "targets_table",
    "year_figures",
]
