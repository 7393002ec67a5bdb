"""A data file left out as a whole: the dataset says so, and the home page says the list is unavailable
(never a "0" or a secondary figure in place of the missing one)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from enact_dash.data import load_dataset
from enact_dash.data.dataset import Dataset
from enact_dash.data.schemas import ALL_TABLES
from enact_dash.filters import Filters
from enact_dash.home import home_view, upcoming_message
from enact_dash.i18n import t
from tests.conftest import MINIMAL, csv_text

TODAY = date(2025, 6, 1)
SPECS = {spec.name.removesuffix(".csv"): spec for spec in ALL_TABLES}
UPCOMING = {"id": "day-2025", "title_fr": "Journée annuelle", "type": "annual_day", "start": "2025-12-12",
            "city": "Villers-lès-Nancy", "country": "FR", "axes": "nlp", "status": "confirmed",
            "source": "test"}

OTHER_FUNDING = {"id": "other", "metric": "funding", "value": "50000000", "unit": "eur", "primary": "non",
                 "label_fr": "Budget total", "source": "other"}


def renamed_header(table: str) -> str:
    """The table's test rows under a header whose required ``source`` column was renamed
    (``Quellenangabe``, not a header of any download)."""
    columns = ["Quellenangabe" if c == "source" else c for c in SPECS[table].column_names]
    rows = [{("Quellenangabe" if k == "source" else k): v for k, v in row.items()}
            for row in MINIMAL[f"{table}.csv"]]
    return csv_text(rows, columns)


@pytest.mark.parametrize("table", sorted(SPECS))
def test_a_file_with_a_renamed_required_column_is_unavailable(make_data_dir, table):
    dataset = load_dataset(make_data_dir(**{table: renamed_header(table)}))
    assert [name for name in SPECS if dataset.unavailable(name)] == [table]
    assert dataset.unavailable(f"{table}.csv")


def test_a_table_shown_from_its_last_good_version_is_not_unavailable(make_data_dir):
    broken = load_dataset(make_data_dir(partners=renamed_header("partners")))
    kept = Dataset(broken.tables, broken.problems, broken.unreadable, frozenset({"partners.csv"}))
    assert broken.unavailable("partners")
    assert not kept.unavailable("partners")


def home(make: Callable[..., Path], lang: str, filters: Filters | None = None, **overrides: object):
    dataset = load_dataset(make(**overrides))
    return home_view(dataset, filters or Filters(lang=lang), lang, today=TODAY)


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize(
    ("broken", "tile", "value", "label_key"),
    [
        ("partners", 3, "—", "home.partners_unavailable"),
        ("events", 4, "—", "home.next_event_unavailable"),
        ("figures", 0, "—", "home.metric.funding"),
        ("figures", 1, "—", "home.metric.chairs_launched"),
    ],
)
def test_a_file_left_out_makes_its_tile_say_unavailable(make_data_dir, lang, broken, tile, value, label_key):
    view = home(make_data_dir, lang, **{"events": [UPCOMING], broken: renamed_header(broken)})
    shown = view.tiles[tile]
    assert shown.value == value
    label = t(label_key, lang)
    assert shown.label in (label, t("home.figure_unavailable", lang, label=label))
    assert broken in view.unavailable
    assert shown.value != "0"
    assert shown.unavailable  # the kiosk leaves it out


@pytest.mark.parametrize(
    ("rows", "value", "label_key"),
    [
        # The primary row is missing (left out for an unreadable value): unavailable, not the 50 M€.
        ([OTHER_FUNDING], "—", "home.figure_unavailable"),
        ([{**OTHER_FUNDING, "id": "f", "value": "30 M€", "primary": "oui"}, OTHER_FUNDING],
         "—", "home.figure_unavailable"),
        ([], "figures.not_published", "home.metric.funding"),  # never given by any source: not published
    ],
)
def test_a_missing_primary_figure_is_never_replaced(make_data_dir, rows, value, label_key):
    view = home(make_data_dir, "fr", figures=rows)
    assert view.tiles[0].value == (t(value, "fr") if "." in value else value)
    assert view.tiles[0].label == t(label_key, "fr", label=t("home.metric.funding", "fr"))
    assert view.tiles[0].source == ""


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize(
    ("filters", "events", "tile_key", "message_key"),
    [
        # The key figure is the cluster's next event; the section follows the filters: both say which.
        ({"axis": ("health",)}, [UPCOMING], "home.next_event_all", "home.no_upcoming_filtered"),
        ({"city": ("Nancy",)}, [UPCOMING], "home.next_event_all", "home.no_upcoming_filtered"),
        ({}, [UPCOMING], "home.next_event", None),
        ({"axis": ("nlp",)}, [UPCOMING], "home.next_event", None),
        ({}, MINIMAL["events.csv"][:0], "home.no_next_event", "home.no_upcoming"),
        ({}, renamed_header("events"), "home.next_event_unavailable", "common.unavailable.events"),
    ],
)
def test_next_event_tile_and_section_agree(make_data_dir, lang, filters, events, tile_key, message_key):
    view = home(make_data_dir, lang, Filters(lang=lang, **filters), events=events)
    label = view.tiles[4].label
    assert label.startswith(t(tile_key, lang, title="").rstrip()), label
    if message_key is None:
        assert view.next_events
    else:
        assert not view.next_events
        assert upcoming_message(view, lang) == t(message_key, lang)
