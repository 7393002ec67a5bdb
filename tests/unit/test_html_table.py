"""The accessible HTML tables: sort parameter, French-reader sorting, escaping, header semantics."""

from __future__ import annotations

import pandas as pd
import pytest

from enact_dash.html_table import (
    Column,
    SortOrder,
    parse_sort,
    sort_frame,
    sort_key,
    sort_options,
    table_html,
)
from tests.conftest import HOSTILE_NAME

ALLOWED = ("name", "city")


@pytest.mark.parametrize(
    ("param", "expected"),
    [
        ("", SortOrder("name")),
        ("name", SortOrder("name")),
        ("city", SortOrder("city")),
        ("-city", SortOrder("city", descending=True)),
        ("-name", SortOrder("name", descending=True)),
        ("country", SortOrder("name")),  # not sortable here
        ("--city", SortOrder("name")),
        ("-", SortOrder("name")),
    ],
)
def test_parse_sort(param: str, expected: SortOrder) -> None:
    assert parse_sort(param, ALLOWED, "name") == expected


@pytest.mark.parametrize(
    ("order", "expected"),
    [(SortOrder("name"), "name"), (SortOrder("city", True), "-city")],
)
def test_sort_param_round_trips(order: SortOrder, expected: str) -> None:
    assert order.param == expected
    assert parse_sort(order.param, ALLOWED, "name") == order


@pytest.mark.parametrize(
    ("a", "b"),
    [("École", "ecole"), ("ÎLE", "île"), ("Saarbrücken", "saarbrucken"), ("Straße", "strasse")],
)
def test_sort_key_ignores_case_and_accents(a: str, b: str) -> None:
    assert sort_key(a) == sort_key(b)


@pytest.mark.parametrize(("first", "second"), [("Érudit", "Etre"), ("école", "Zeta"), ("Metz", "Nancy")])
def test_sort_key_orders_as_a_french_reader(first: str, second: str) -> None:
    assert sort_key(first) < sort_key(second)


FRAME = pd.DataFrame({
    "name": ["Université", "école", "Inria", "Zeta", "Alpha"],
    "city": ["Nancy", "Metz", "", "site non précisé", "Metz"],
})


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (SortOrder("name"), ["Alpha", "école", "Inria", "Université", "Zeta"]),
        (SortOrder("name", True), ["Zeta", "Université", "Inria", "école", "Alpha"]),
        # ties by name; empty and "unknown" texts last, both ways
        (SortOrder("city"), ["Alpha", "école", "Université", "Inria", "Zeta"]),
        (SortOrder("city", True), ["Université", "Alpha", "école", "Inria", "Zeta"]),
        (SortOrder("absent"), ["Université", "école", "Inria", "Zeta", "Alpha"]),  # unchanged
    ],
)
def test_sort_frame(order: SortOrder, expected: list[str]) -> None:
    out = sort_frame(FRAME, order, then="name", missing={"city": "site non précisé"})
    assert out["name"].tolist() == expected
    assert list(out.columns) == ["name", "city"]


def test_sort_frame_of_booleans() -> None:
    frame = pd.DataFrame({"name": ["a", "b", "c"], "on_map": [True, False, True]})
    assert sort_frame(frame, SortOrder("on_map"), then="name")["name"].tolist() == ["b", "a", "c"]


COLUMNS = [Column("name", "Nom"), Column("site", "Site", "link"), Column("ok", "Sur la carte", "bool"),
           Column("n", "Nombre", "number")]


def render(**row: object) -> str:
    base = {"name": "A", "site": None, "ok": True, "n": 3}
    return table_html(pd.DataFrame([{**base, **row}]), COLUMNS, caption="Partenaires <affichés>",
                      order=SortOrder("name"), yes_no=("oui", "non"))


def test_table_semantics() -> None:
    out = render()
    assert '<caption>Partenaires &lt;affichés&gt;</caption>' in out
    assert '<th scope="col" aria-sort="ascending">Nom</th>' in out
    assert '<th scope="col">Site</th>' in out
    assert '<th scope="col" class="num">Nombre</th>' in out
    assert 'role="region" aria-label="Partenaires &lt;affichés&gt;" tabindex="0"' in out
    assert "<td>oui</td>" in out
    assert '<td class="num">3</td>' in out


@pytest.mark.parametrize(
    ("value", "present", "absent"),
    [
        (HOSTILE_NAME, "&lt;img src=x onerror=alert(1)&gt;", "<img"),
        ("<script>alert(1)</script>", "&lt;script&gt;", "<script"),
        ('" onmouseover="x', "&quot; onmouseover=&quot;x", '" onmouseover'),
    ],
)
def test_every_cell_is_escaped(value: str, present: str, absent: str) -> None:
    out = render(name=value)
    assert present in out
    assert absent not in out


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.univ-lorraine.fr/", '<a href="https://www.univ-lorraine.fr/" rel="noopener noreferrer">'
                                          "univ-lorraine.fr</a>"),
        ("javascript:alert(1)", "<td>javascript:alert(1)</td>"),  # text, never a link
        ('https://x.org/"><img src=x>', "<td>https://x.org/&quot;&gt;&lt;img src=x&gt;</td>"),
    ],
)
def test_only_http_links_become_links(url: str, expected: str) -> None:
    assert expected in render(site=url)


def test_row_links_carry_an_accessible_name_with_the_visible_text() -> None:
    frame = pd.DataFrame([{"id": "ul", "name": "Université <de> Lorraine"}])
    out = table_html(frame, [Column("name", "Nom")], caption="c",
                     row_link=lambda r: f"?partner={r['id']}&x=1", link_column="name",
                     link_label="{name} : afficher la fiche")
    name = "Université &lt;de&gt; Lorraine"
    link = f'<a href="?partner=ul&amp;x=1" target="_self" aria-label="{name} : afficher la fiche">{name}</a>'
    assert link in out


def test_sort_options_both_ways() -> None:
    assert sort_options({"city": "Ville"}, "{column} (A → Z)", "{column} (Z → A)") == {
        "city": "Ville (A → Z)", "-city": "Ville (Z → A)"}


def test_long_columns_are_marked_for_wrapping() -> None:
    out = table_html(pd.DataFrame([{"s": "https://example.org/a/very/long/path", "n": "x"}]),
                     [Column("n", "Nom"), Column("s", "Source", long=True)], caption="c")
    assert '<td>x</td><td class="long">https://example.org/a/very/long/path</td>' in out


def test_sort_frame_puts_missing_values_last_whatever_their_kind() -> None:
    frame = pd.DataFrame({"name": pd.array(["b", pd.NA, "a", None], dtype=object)})
    assert sort_frame(frame, SortOrder("name"))["name"].tolist()[:2] == ["a", "b"]
    assert sort_frame(frame, SortOrder("name", True))["name"].tolist()[:2] == ["b", "a"]


def test_sort_key_spells_out_ligatures() -> None:
    assert sort_key("Œuvre") < sort_key("Pierre") < sort_key("Zeta")


@pytest.mark.parametrize(
    ("descending", "expected"),
    [(False, ["nine", "ten", "hundred", "none"]), (True, ["hundred", "ten", "nine", "none"])],
)
def test_sort_frame_orders_numbers_as_numbers(descending: bool, expected: list[str]) -> None:
    frame = pd.DataFrame({"name": ["ten", "nine", "none", "hundred"], "count": [10, 9, None, 100]})
    sorted_names = sort_frame(frame, SortOrder("count", descending))["name"].tolist()
    assert sorted_names == expected


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        ("", '<div class="enact-table-wrap" role="region" aria-label="T" tabindex="0"><table'),
        ("Scroll <sideways>",
         '<div class="enact-table-wrap" role="region" aria-label="T" tabindex="0">'
         '<p class="enact-scroll-hint" aria-hidden="true">Scroll &lt;sideways&gt;</p><table'),
    ],
)
def test_the_scroll_hint_sits_in_the_focusable_region(hint: str, expected: str) -> None:
    """Shown by the style only while the table overflows (tests/browser); hidden from screen readers."""
    out = table_html(pd.DataFrame({"name": ["a"]}), [Column("name", "Nom")], caption="T", scroll_hint=hint)
    assert out.startswith(expected)


def test_a_links_column_links_each_address_and_shows_it_readable() -> None:
    source = "Communiqué <b> ; site : https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"
    out = table_html(pd.DataFrame([{"s": source}]), [Column("s", "Source", "links")], caption="c")
    assert '<a href="https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"' in out
    assert ">https://fr.wikipedia.org/wiki/Université_de_Lorraine</a>" in out
    assert "Communiqué &lt;b&gt;\u202f; site\u00a0: " in out  # ";" and ":" never start a line


@pytest.mark.parametrize(
    ("stack", "present", "absent"),
    [
        (True, ['<td data-label="Ville" role="cell">Nancy</td>', '<tr role="row">',
                '<table class="enact-table" role="table">', '<thead role="rowgroup">',
                '<th scope="col" role="columnheader">Ville</th>', 'class="enact-table-wrap enact-stack"',
                '<td class="num" data-label="Nombre" role="cell">3</td>'],
         ["<td>Nancy</td>"]),
        (False, ["<td>Nancy</td>", 'class="enact-table-wrap"'], ["data-label", 'role="cell"', "enact-stack"]),
    ],
)
def test_a_stacked_table_labels_each_cell_with_its_header_and_keeps_its_roles(
    stack: bool, present: list[str], absent: list[str]
) -> None:
    out = table_html(pd.DataFrame([{"name": "Inria", "city": "Nancy", "count": 3}]),
                     [Column("name", "Nom"), Column("city", "Ville"), Column("count", "Nombre", "number")],
                     caption="Partenaires", stack=stack)
    for text in present:
        assert text in out
    for text in absent:
        assert text not in out


def test_a_stacked_cells_label_is_escaped() -> None:
    out = table_html(pd.DataFrame([{"a": "x"}]), [Column("a", '"><img src=x>')], caption="c", stack=True)
    assert 'data-label="&quot;&gt;&lt;img src=x&gt;"' in out
    assert "<img" not in out
