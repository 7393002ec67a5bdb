"""Controlled vocabularies: the ids used in the data files (labels live in the catalogues)."""

from __future__ import annotations

PARTNER_TYPES = (
    "university", "research_organisation", "hospital", "company", "local_authority", "network",
)
RELATIONS = ("member", "partner", "network", "cooperation")
AXIS_ALL = "all"
# Codes of the country column that name no country: ISO 3166-1 reserves them for a group of countries
# (the European Union, the euro area, the United Nations). Shown as written, never counted as a country.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN"})
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
