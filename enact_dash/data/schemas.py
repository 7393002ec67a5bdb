"""The data files and their columns (documented for the staff in data/README.md)."""

from __future__ import annotations

from dataclasses import dataclass

from enact_dash.data import columns as c
from enact_dash.data import numbers as n
from enact_dash.data import vocab as v


@dataclass(frozen=True)
class TableSpec:
    name: str  # the file name in the data directory
    columns: tuple[c.Column, ...]
    id_column: str | None = "id"
    unit_column: str | None = None  # where the unit of the amounts (n.amount) is written

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.columns if col.required)

    @property
    def added_columns(self) -> tuple[str, ...]:
        """Columns a file written before them may lack without a warning (``Column.added``)."""
        return tuple(col.name for col in self.columns if col.added)


def _i18n(stem: str, *, required: bool = False) -> tuple[c.Column, ...]:
    """``title_fr`` (required if asked), ``title_en``, ``title_de``."""
    return (
        c.Column(f"{stem}_fr", c.french_text, required=required, default=""),
        c.Column(f"{stem}_en", c.text, default=""),
        c.Column(f"{stem}_de", c.text, default=""),
    )


_SOURCE = c.Column("source", c.source, required=True)

AXES = TableSpec("axes.csv", (
    c.Column("id", c.identifier, required=True),
    *_i18n("name", required=True),
    *_i18n("description"),
    _SOURCE,
))

PARTNERS = TableSpec("partners.csv", (
    c.Column("id", c.identifier, required=True),
    c.Column("name", c.text, required=True),
    c.Column("short_name", c.text, default=""),
    c.Column("type", c.choice(v.PARTNER_TYPES, "partner_type"), required=True),
    c.Column("relation", c.choice(v.RELATIONS, "relation"), required=True),
    c.Column("lead", c.boolean, default=False),
    c.Column("city", c.text, default=""),
    c.Column("country", c.country, default=""),  # empty: not specified (a network spanning countries)
    c.Column("lat", c.latitude),
    c.Column("lon", c.longitude),
    c.Column("axes", c.multi_choice(), default=()),
    c.Column("website", c.url, default=""),
    _SOURCE,
    *_i18n("note"),
))

EVENTS = TableSpec("events.csv", (
    c.Column("id", c.identifier, required=True),
    *_i18n("title", required=True),
    c.Column("type", c.choice(v.EVENT_TYPES, "event_type"), required=True),
    c.Column("start", c.partial_date, required=True),
    c.Column("end", c.partial_date),
    c.Column("venue", c.text, default=""),
    c.Column("city", c.text, default=""),
    c.Column("country", c.country, default="FR"),
    c.Column("lat", c.latitude),
    c.Column("lon", c.longitude),
    c.Column("axes", c.multi_choice(), default=()),
    c.Column("audience", c.multi_choice(v.AUDIENCES, "audience"), default=()),
    c.Column("accessibility", c.multi_choice(v.ACCESSIBILITY, "accessibility"), default=()),
    *_i18n("accessibility_note"),
    c.Column("registration_url", c.url, default=""),
    # strict: an unreadable status (e.g. "reporté") leaves the event out rather than showing it as planned:
    # a cancelled event advertised as upcoming would send visitors to nothing; a missing one only hides it.
    c.Column("status", c.choice(v.EVENT_STATUSES, "event_status"), default="planned", strict=True),
    *_i18n("description"),
    _SOURCE,
    c.Column("origin", c.choice(v.ORIGINS, "origin"), default="manual"),
    c.Column("external_id", c.text, default=""),
))

CHAIRS = TableSpec("chairs.csv", (
    c.Column("id", c.identifier, required=True),
    c.Column("title", c.text, default=""),
    c.Column("holder", c.text, default=""),
    *_i18n("holder_role"),
    c.Column("institution", c.text, default=""),
    c.Column("city", c.text, default=""),
    c.Column("axis", c.text, default=""),
    c.Column("call", c.choice(v.CHAIR_CALLS, "chair_call"), required=True),
    c.Column("status", c.choice(v.CHAIR_STATUSES, "chair_status"), required=True),
    c.Column("presented", c.boolean, default=False),
    *_i18n("summary"),
    _SOURCE,
))

FIGURES = TableSpec("figures.csv", (
    c.Column("id", c.identifier, required=True),
    c.Column("metric", c.identifier, required=True),
    c.Column("value", n.amount, required=True),
    c.Column("unit", c.choice(v.UNITS, "unit"), default="count"),
    c.Column("qualifier", c.choice(v.QUALIFIERS, "qualifier"), default="exact"),
    # strict: a figure whose date cannot be read is left out rather than shown undated (a figure of
    # another year, or a spreadsheet's date number, would be shown as current).
    c.Column("as_of", c.partial_date, strict=True),
    c.Column("primary", c.boolean, default=True),
    *_i18n("label", required=True),
    *_i18n("note"),
    _SOURCE,
), unit_column="unit")

ACTIONS = TableSpec("actions.csv", (
    c.Column("id", c.identifier, required=True),
    c.Column("year", c.integer, required=True),
    *_i18n("title", required=True),
    c.Column("pillar", c.choice(v.PILLARS, "pillar"), required=True),
    c.Column("status", c.choice(v.ACTION_STATUSES, "action_status"), default="planned"),
    # When the status was known (the source's date): a status of long ago is said as such on the page.
    c.Column("status_as_of", c.partial_date, added=True),
    c.Column("target_value", n.amount),
    c.Column("target_unit", c.text, default=""),
    c.Column("axes", c.multi_choice(), default=()),
    _SOURCE,
), unit_column="target_unit")

TARGETS = TableSpec("targets.csv", (
    c.Column("id", c.identifier, required=True),
    *_i18n("label", required=True),
    c.Column("unit", c.choice(v.UNITS, "unit"), default="count"),
    c.Column("baseline_value", n.amount),
    c.Column("baseline_date", c.partial_date),
    c.Column("target_value", n.amount),
    c.Column("target_date", c.partial_date),
    c.Column("latest_value", n.amount),
    c.Column("latest_date", c.partial_date),
    _SOURCE,
), unit_column="unit")

MILESTONES = TableSpec("milestones.csv", (
    c.Column("id", c.identifier, required=True),
    c.Column("date", c.partial_date, required=True),
    *_i18n("label", required=True),
    _SOURCE,
))

ALL_TABLES: tuple[TableSpec, ...] = (
    AXES, PARTNERS, EVENTS, CHAIRS, FIGURES, ACTIONS, TARGETS, MILESTONES,
)
