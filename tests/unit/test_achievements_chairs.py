"""Chairs: launched count from figures.csv, presented rows, unpublished chairs, chairs per axis."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from enact_dash.achievements.chairs import (
    UNPUBLISHED,
    chairs_overview,
    chairs_per_axis,
    per_axis_summary,
    per_axis_table,
    planned_international,
)
from enact_dash.achievements.html import chair_cards_html
from enact_dash.data.schemas import FIGURES
from enact_dash.dates import PartialDate

NAMES = {"nlp": "Langues", "science": "Science", "health": "Santé numérique"}
PARTNERS = pd.DataFrame({
    "id": ["unistra", "cnrs"],
    "name": ["Université de Strasbourg", "Centre national de la recherche scientifique"],
})
HOSTILE = "<img src=x onerror=alert(1)>"


def chair(cid: str, axis: str = "", *, status: str = "launched", presented: bool = True,
          call: str = "2025", **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": cid, "title": cid.upper(), "holder": f"Holder {cid}", "holder_role_fr": "Professeur",
        "holder_role_en": "Professor", "holder_role_de": "", "institution": "unistra", "city": "",
        "axis": axis, "call": call, "status": status, "presented": presented,
        "summary_fr": "", "summary_en": "", "summary_de": "", "source": "Communiqué de presse",
    }
    row.update(fields)
    return row


def chairs(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows)) if rows else pd.DataFrame(columns=list(chair("x")))


def launched(value: float | None, metric: str = "chairs_launched") -> pd.DataFrame:
    """figures.csv with one figure for ``metric`` (or none), every column of the schema present."""
    rows = [] if value is None else [{
        "id": metric, "metric": metric, "value": value, "unit": "count", "qualifier": "exact",
        "as_of": PartialDate(2025), "primary": True, "label_fr": "Chaires", "source": "CP",
    }]
    return pd.DataFrame(rows, columns=[*FIGURES.column_names, "line"], dtype=object)


THREE_PRESENTED = chairs(chair("fm4surg", "health"), chair("llm", "nlp"), chair("chemo", "science", title=""))


@pytest.mark.parametrize(
    ("rows", "figure", "expected"),
    [
        (THREE_PRESENTED, 9, (9, 3, 6)),  # the press release: 9 launched, 3 presented, 6 unpublished
        (THREE_PRESENTED, 3, (3, 3, 0)),
        (THREE_PRESENTED, 2, (2, 3, 0)),  # more rows than the figure: never a negative count
        (THREE_PRESENTED, None, (None, 3, 0)),  # no figure: the count is unknown, nothing invented
        (chairs(chair("a", "nlp"), chair("b", "nlp", presented=False)), 9, (9, 1, 8)),
        (chairs(chair("a", "nlp"), chair("intl", status="planned", call="2026-international")), 9,
         (9, 1, 8)),  # a planned chair is not a launched one
        (chairs(), 9, (9, 0, 9)),  # empty chairs.csv
        (chairs(), None, (None, 0, 0)),  # empty chairs.csv and figures.csv
    ],
    ids=["press-release", "all-presented", "more-rows-than-figure", "no-figure", "not-presented",
         "planned-not-launched", "no-rows", "nothing"],
)
def test_launched_presented_unpublished(rows, figure, expected):
    overview = chairs_overview(rows, launched(figure), PARTNERS, NAMES, "fr")
    assert (overview.launched, overview.presented_total, overview.unpublished) == expected


def test_cards_say_what_is_not_published_and_name_the_institution():
    overview = chairs_overview(THREE_PRESENTED, launched(9), PARTNERS, NAMES, "en")
    cards = {c.id: c for c in overview.shown}
    assert cards["chemo"].display_title("en") == "Title not published"
    assert cards["chemo"].display_title("de") == "Titel nicht veröffentlicht"
    assert cards["fm4surg"].institution == "Université de Strasbourg"
    assert cards["fm4surg"].role == "Professor"
    assert cards["fm4surg"].axis_label == "Santé numérique"


def test_unknown_institution_stays_empty_rather_than_showing_an_id():
    overview = chairs_overview(chairs(chair("a", "nlp", institution="nowhere")), launched(1), PARTNERS,
                               NAMES, "fr")
    assert overview.shown[0].institution == ""


@pytest.mark.parametrize(
    ("axes", "expected_ids", "expected_rows"),
    [
        ((), ["fm4surg", "llm", "chemo"],
         [("nlp", 1), ("science", 1), ("health", 1), (UNPUBLISHED, 6)]),
        (("health",), ["fm4surg"], [("health", 1), (UNPUBLISHED, 6)]),
        (("health", "nlp"), ["fm4surg", "llm"], [("nlp", 1), ("health", 1), (UNPUBLISHED, 6)]),
    ],
    ids=["no-filter", "one-axis", "two-axes"],
)
def test_axis_filter_on_chairs_and_chart_rows(axes, expected_ids, expected_rows):
    overview = chairs_overview(THREE_PRESENTED, launched(9), PARTNERS, NAMES, "fr", axes)
    assert [c.id for c in overview.shown] == expected_ids
    rows = chairs_per_axis(overview, NAMES, "fr", axes)
    assert list(zip(rows["axis"], rows["chairs"], strict=True)) == expected_rows


def test_a_presented_chair_without_axis_counts_as_axis_not_published():
    data = chairs(chair("a", "nlp"), chair("b", ""))
    overview = chairs_overview(data, launched(3), PARTNERS, NAMES, "en", ("nlp",))
    assert [c.id for c in overview.shown] == ["a", "b"]  # unknown axis stays visible
    rows = chairs_per_axis(overview, NAMES, "en", ("nlp",))
    assert dict(zip(rows["axis"], rows["chairs"], strict=True)) == {"nlp": 1, UNPUBLISHED: 2}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "9 chaires lancées, dont 3 présentées publiquement. Chaires présentées par axe\u00a0: "
               "Langues\u00a0: 1\u202f; Science\u00a0: 1\u202f; Santé numérique\u00a0: 1. Axe non "
               "publié\u00a0: 6."),
        ("en", "9 chairs launched, 3 of them presented publicly. Chairs presented per axis: "
               "Langues: 1; Science: 1; Santé numérique: 1. Axis not published: 6."),
    ],
)
def test_summary_text_of_the_chart(lang, expected):
    overview = chairs_overview(THREE_PRESENTED, launched(9), PARTNERS, NAMES, lang)
    rows = chairs_per_axis(overview, NAMES, lang)
    assert per_axis_summary(overview, rows, lang) == expected
    table = per_axis_table(rows, lang)
    assert table.shape == (4, 2)


def test_no_chairs_no_figure_says_not_yet_published():
    overview = chairs_overview(chairs(), launched(None), PARTNERS, NAMES, "de")
    rows = chairs_per_axis(overview, NAMES, "de")
    assert per_axis_summary(overview, rows, "de") == "Lehrstühle: noch nicht veröffentlicht."
    assert UNPUBLISHED not in set(rows["axis"])


def test_cards_html_escapes_and_counts_the_unpublished():
    data = chairs(chair("x", "nlp", title=HOSTILE, holder=HOSTILE,
                        source="javascript:alert(1)"))
    overview = chairs_overview(data, launched(9), PARTNERS, NAMES, "fr")
    page = chair_cards_html(list(overview.shown), overview.unpublished, "fr")
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "href" not in page  # a non-http source is never a link
    assert "8 chaires pas encore publiées" in page


@pytest.mark.parametrize(
    ("figures", "targets", "rows", "expected"),
    [
        (launched(9, "international_chairs"), pd.DataFrame(), chairs(), (9, 2025, 0)),
        (launched(None), pd.DataFrame([{"id": "international-chairs", "target_value": 9.0,
                                        "target_date": PartialDate(2026), "source": "CP"}]),
         chairs(), (9, 2026, 0)),
        (launched(None), pd.DataFrame(), chairs(chair("i1", status="planned", call="2026-international")),
         (1, None, 1)),
    ],
    ids=["from-figure", "from-target", "from-rows"],
)
def test_planned_international_chairs(figures, targets, rows, expected):
    planned = planned_international(rows, figures, targets, PARTNERS, NAMES, "fr")
    assert planned is not None
    assert (planned.count, planned.year, len(planned.presented)) == expected


def test_no_source_for_international_chairs_gives_none():
    assert planned_international(chairs(), launched(None), pd.DataFrame(), PARTNERS, NAMES, "fr") is None
