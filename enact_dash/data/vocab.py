"""Controlled vocabularies: the ids used in the data files (labels live in the catalogues)."""

from __future__ import annotations

PARTNER_TYPES = (
    "university", "research_organisation", "hospital", "company", "local_authority", "network",
)
RELATIONS = ("member", "partner", "network", "cooperation")
AXIS_ALL = "all"
EVENT_TYPES = (
    "annual_day", "fete_science", "summer_school", "workshop", "launch", "training", "other",
)
AUDIENCES = ("public", "schools", "researchers", "companies")
ACCESSIBILITY = ("sign_language", "wheelchair")
EVENT_STATUSES = ("planned", "confirmed", "cancelled")
ORIGINS = ("manual", "fds")
CHAIR_CALLS = ("2025", "2026-international")
CHAIR_STATUSES = ("launched", "planned")
PILLARS = ("research", "training", "innovation", "international")
ACTION_STATUSES = ("planned", "in_progress", "done")
UNITS = ("count", "eur", "percent")
QUALIFIERS = ("exact", "approx", "min")
