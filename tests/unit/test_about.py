"""The about page's sources table: one row per citation, counting every record that cites it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from enact_dash.about import SOURCED_TABLES, sources_html, sources_table
from enact_dash.data import Dataset, load_dataset

PR = "Communiqué de presse, journée annuelle, déc. 2025"
SITE = "https://cluster-ia-enact.ai/notre-ancrage-territorial"
WIKI = "https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"


def dataset(**sources: list[str]) -> Dataset:
    return Dataset({name: pd.DataFrame({"source": values}) for name, values in sources.items()}, [], [])


@pytest.mark.parametrize(
    ("data", "lang", "expected"),
    [
        # a record citing two sources counts once for each; the citations are never glued together
        (dataset(partners=[PR, f"{PR} ; {SITE}", f"{PR} ; {WIKI}", SITE], axes=[PR]), "fr",
         [(PR, "partenaires, axes de recherche", 4), (SITE, "partenaires", 2), (WIKI, "partenaires", 1)]),
        (dataset(events=[f"{PR} ; {SITE}"], milestones=[f"{SITE} ; {PR}"]), "en",
         [(PR, "events, milestones", 2), (SITE, "events, milestones", 2)]),
        (dataset(partners=[f"{PR} ; {PR}"]), "de", [(PR, "Partner", 1)]),  # written twice: one record
        (dataset(partners=[]), "fr", []),
    ],
)
def test_the_sources_table_counts_per_citation(data: Dataset, lang: str, expected: list[tuple]) -> None:
    frame = sources_table(data, lang)
    assert [tuple(row) for row in frame.itertuples(index=False)] == expected


def test_the_bundled_press_release_is_one_row_counting_every_record_citing_it() -> None:
    data = load_dataset(Path(__file__).parents[2] / "data")
    frame = sources_table(data, "en")
    citations = frame.iloc[:, 0].tolist()
    assert len(citations) == len(set(citations))
    assert not any(" ; " in c or "; " in c for c in citations)
    citing = sum(PR in str(source).split(" ; ") for name in SOURCED_TABLES
                 for source in data.tables[name]["source"])
    assert frame.iloc[0].tolist()[0] == PR
    assert frame.iloc[0].tolist()[2] == citing > 33  # 33 when the combined fields were rows of their own


def test_the_sources_table_links_each_address_alone() -> None:
    html_text = sources_html(dataset(partners=[f"{PR} ; {WIKI}"]), "en")
    assert f'href="{WIKI}"' in html_text
    assert "Université_de_Lorraine" in html_text
    assert " ; " not in html_text
