"""Kiosk slides built from small data directories: content, themed loops, escaping, fallback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

import folium
import pytest

from enact_dash.data import Dataset, load_dataset
from enact_dash.filters import Filters
from enact_dash.home import home_view
from enact_dash.i18n import LANGS, t
from enact_dash.kiosk import SLIDES, slides
from enact_dash.kiosk.frame import body_html, head_html, progress_html, qr_html, short_url, url_html
from enact_dash.kiosk.schedule import Slot
from enact_dash.maps import PointsLayer
from enact_dash.maps.decor import LeafletTexts
from tests.conftest import HOSTILE_NAME, MINIMAL

TODAY = date(2026, 3, 1)


def event(eid: str, start: str, **extra: str) -> dict[str, str]:
    return {"id": eid, "title_fr": f"Événement {eid}", "title_en": f"Event {eid}", "type": "workshop",
            "start": start, "city": "Metz", "country": "FR", "status": "confirmed", "source": "test",
            **extra}


SEVEN_UPCOMING = [
    event("past", "2025-12-12"),
    event("e5", "2026-06-05"),
    event("e1", "2026-03-10", axes="health"),
    event("gone", "2026-03-12", status="cancelled"),
    event("e3", "2026-04"),
    event("e2", "2026-03-20", title_fr=HOSTILE_NAME, axes="nlp"),
    event("e4", "2026-05-02"),
    event("e6", "2026"),
]

FIGURES_2025 = [
    {"id": "funding", "metric": "funding", "value": "30000000", "unit": "eur", "as_of": "2025-12",
     "primary": "oui", "label_fr": "Financement", "label_en": "Funding", "label_de": "Förderung",
     "source": "https://www.example.org/press"},
    {"id": "chairs", "metric": "chairs_launched", "value": "9", "as_of": "2025-12", "primary": "oui",
     "label_fr": "Chaires lancées", "source": "test"},
]

CHAIRS = [
    *MINIMAL["chairs.csv"],
    {"id": "gardent", "title": "", "holder": "Claire Gardent", "institution": "ul", "axis": "nlp",
     "call": "2025", "status": "launched", "presented": "oui", "source": "test"},
]


@pytest.fixture
def dataset(make_data_dir: Callable[..., Path]) -> Dataset:
    return load_dataset(make_data_dir(events=SEVEN_UPCOMING, figures=FIGURES_2025, chairs=CHAIRS))


def build(name: str, dataset: Dataset, lang: str = "fr", **query: str) -> slides.SlideView:
    filters = Filters.from_query_params({"kiosk": "1", **query})
    data_dir = Path(__file__).resolve().parents[2] / "data"
    return slides.build_slide(name, dataset, filters, lang, today=TODAY, data_dir=data_dir)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SLIDES)
def test_every_slide_builds_in_every_language(dataset: Dataset, name: str, lang: str) -> None:
    view = build(name, dataset, lang)

    assert not view.failed
    assert view.name == name
    assert view.title
    assert not view.title.startswith("kiosk.")
    assert "kiosk." not in view.body  # no untranslated key
    assert (view.map is not None) == (name == "partners")


def test_events_slide_shows_the_next_five_in_order_without_cancelled(dataset: Dataset) -> None:
    body = build("events", dataset).body

    positions = [body.find(f"Événement {eid}") for eid in ("e1", "e3", "e4", "e5")]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    assert "&lt;img src=x onerror=alert(1)&gt;" in body  # e2, escaped
    assert HOSTILE_NAME not in body
    assert body.count("<li>") == slides.MAX_EVENTS
    for left_out in ("Événement past", "Événement gone", "Événement e6"):
        assert left_out not in body


def test_events_slide_in_english_uses_english_titles(dataset: Dataset) -> None:
    assert "Event e1" in build("events", dataset, "en").body


def test_themed_loop_filters_the_events(dataset: Dataset) -> None:
    body = build("events", dataset, axis="health").body
    assert "Événement e1" in body
    assert "onerror" not in body  # e2 is an nlp event


def test_events_slide_says_when_nothing_is_announced(make_data_dir: Callable[..., Path]) -> None:
    empty = load_dataset(make_data_dir(events=[event("past", "2025-12-12")]))
    assert t("kiosk.events.none", "de") in build("events", empty, "de").body.replace("&#x27;", "'")


@pytest.mark.parametrize(
    ("today", "lang", "said", "not_said"),
    [
        (date(2025, 11, 1), "fr", ["2026 — date à venir", "novembre 2026", "décembre 2026"], ["non publi"]),
        # 25 November 2026: the year and the month have begun, December has not.
        (date(2026, 11, 25), "fr", ["2026 — date non publiée", "novembre 2026 — jour non publié",
                                    "décembre 2026<"], ["à venir"]),
        (date(2026, 11, 25), "en", ["2026 — date not published", "November 2026 — day not published"],
         ["to be announced"]),
    ],
)
def test_events_slide_and_home_say_partial_dates_as_of_today(
    make_data_dir: Callable[..., Path], today: date, lang: str, said: list[str], not_said: list[str],
) -> None:
    data = load_dataset(make_data_dir(events=[event("year", "2026"), event("nov", "2026-11"),
                                              event("dec", "2026-12")]))
    filters = Filters.from_query_params({"kiosk": "1"})
    data_dir = Path(__file__).resolve().parents[2] / "data"
    body = slides.build_slide("events", data, filters, lang, today=today, data_dir=data_dir).body
    assert [text for text in said if text not in body] == []
    assert [text for text in not_said if text in body] == []
    first = home_view(data, Filters(lang=lang), lang, today=today).next_events[0]
    assert first.when == said[1].rstrip("<")  # the month sorts before its year


def test_home_slide_shows_key_figures_with_sources(dataset: Dataset) -> None:
    body = build("home", dataset).body
    assert "30\u00a0M€" in body
    assert "Source\u00a0: example.org" in body


@pytest.mark.parametrize("lang", LANGS)
def test_home_slide_leaves_out_a_figure_that_cannot_be_read(make_data_dir: Callable[..., Path],
                                                            lang: str) -> None:
    bad_funding = [{**FIGURES_2025[0], "value": "trente millions"}, FIGURES_2025[1]]  # a bad row
    data = load_dataset(make_data_dir(figures=bad_funding, events=[event("e1", "2026-03-10")]))
    assert any(tile.unavailable for tile in home_view(data, Filters(lang=lang), lang, today=TODAY).tiles)

    body = build("home", data, lang).body
    assert "—" not in body
    assert t("home.figure_unavailable", lang, label=t("home.metric.funding", lang)) not in body
    assert "<div class='value'>9</div>" in body  # the other figures stay
    assert body.count("<li class='kiosk-tile'>") == len(home_view(data, Filters(lang=lang), lang,
                                                                   today=TODAY).tiles) - 1


def test_partners_slide_is_a_map_of_the_filtered_partners(dataset: Dataset) -> None:
    view = build("partners", dataset, axis="health")
    assert isinstance(view.map, folium.Map)
    # ul is cluster-wide ("all"), hus is a health partner: both stay under axis=health.
    assert "2 partenaires sur la carte, 2 au total" in view.body
    view = build("partners", dataset, ptype="hospital")
    assert "1 partenaire sur la carte, 1 au total" in view.body
    view = build("partners", dataset, axis="nlp", ptype="hospital")
    assert "Aucun partenaire sur la carte, 0 au total" in view.body  # French: no "0 partenaires"


def test_partners_slide_map_fills_the_screen_with_type_readable_from_afar(dataset: Dataset) -> None:
    page = build("partners", dataset).map.get_root().render()
    assert "#map_div, .folium-map { height: 100% !important; }" in page
    # sized from the frame's viewport (the browser test checks the rendered sizes at 1080p and 4K)
    assert ".enact-legend { font-size: max(22px, 3.2vh);" in page
    assert "font-size: max(21px, 3vh);" in page  # the cluster counts
    assert ".leaflet-control-attribution { font-size: max(14px, 2.1vh)" in page


def test_partners_slide_map_is_static(dataset: Dataset) -> None:
    fmap = build("partners", dataset).map
    [texts] = [e for e in fmap._children.values() if isinstance(e, LeafletTexts)]
    assert texts.zoom_control is False
    assert not texts.prefix.startswith("<a ")
    assert fmap.options["keyboard"] is False
    [layer] = [e for e in fmap._children.values() if isinstance(e, PointsLayer)]
    assert layer.options["interactive"] is False


def test_partners_slide_names_who_is_where_beside_the_map(dataset: Dataset) -> None:
    aside = build("partners", dataset).aside
    assert "<h2>Nancy <span class='count'>(1)</span></h2><p><span>Université de Lorraine</span></p>" in aside
    assert "Hôpitaux Universitaires de Strasbourg" in aside
    assert aside.startswith("<div class='kiosk kiosk-aside' lang='fr'>")
    assert t("kiosk.partners.no_city", "fr") not in aside  # everybody has a city here
    assert build("partners", dataset, axis="nlp", ptype="hospital").aside == ""  # nobody: no aside


def test_partners_slide_aside_escapes_names_and_counts_what_does_not_fit(
    make_data_dir: Callable[..., Path],
) -> None:
    rows = [{"id": f"p{i}", "name": f"Partenaire {i}", "type": "university", "relation": "member",
             "city": city, "country": "FR", "axes": "all", "source": "test"}
            for i, city in enumerate(["Nancy"] * 6 + ["Metz", "Épinal", "Reims", "Troyes", "Colmar", "Sedan"]
                                     + [""] * 14)]
    rows[0]["name"] = HOSTILE_NAME
    aside = build("partners", load_dataset(make_data_dir(partners=rows))).aside
    assert HOSTILE_NAME not in aside
    assert "&lt;img" in aside
    assert "<h2>Nancy <span class='count'>(6)</span></h2>" in aside
    assert t("kiosk.partners.more_names.other", "fr", count="2") in aside  # 4 of Nancy's 6 names shown
    assert t("kiosk.partners.more_cities.other", "fr", count="2") in aside  # 5 of 7 cities shown
    assert f"{t('kiosk.partners.no_city', 'fr')} <span class='count'>(14)</span>" in aside
    assert t("kiosk.partners.more_names.other", "fr", count="2") in aside.split("count'>(14)")[1]


def test_chairs_slide_groups_presented_chairs_by_axis(dataset: Dataset) -> None:
    body = build("chairs", dataset).body
    assert "9 chaires de recherche lancées, dont 2 présentées" in body
    assert body.index("Langues") < body.index("Claire Gardent")  # nlp column
    assert body.index("Santé numérique") < body.index("FM4SURG")
    assert t("achievements.chairs.title_unpublished", "fr") in body  # Gardent's title is not given


def test_chairs_slide_under_a_themed_loop_keeps_only_that_axis(dataset: Dataset) -> None:
    body = build("chairs", dataset, axis="health").body
    assert "FM4SURG" in body
    assert "Claire Gardent" not in body
    assert "Langues" not in body


def action(aid: str, year: str, **extra: str) -> dict[str, str]:
    return {"id": aid, "year": year, "title_fr": f"Action {aid}", "title_en": f"Action {aid} (en)",
            "pillar": "research", "source": "test", **extra}


MILESTONES = [
    {"id": "labelled", "date": "2024-05", "label_fr": "Labellisation", "source": "test"},
    {"id": "start", "date": "2025-01-01", "label_fr": "Début des actions", "label_en": "Actions start",
     "source": "test"},
    {"id": "launch", "date": "2025-05-20", "label_fr": "Lancement", "source": "test"},
    {"id": "day", "date": "2025-12-12", "label_fr": HOSTILE_NAME, "source": "test"},
    {"id": "end", "date": "2029-12-31", "label_fr": "Fin du programme", "source": "test"},
]
ACTIONS = [
    action("done", "2025"),
    action("health", "2026", axes="health"),
    action("nlp", "2026", axes="nlp"),
    *(action(f"a{i}", "2026") for i in range(1, 8)),
]


@pytest.fixture
def record(make_data_dir: Callable[..., Path]) -> Dataset:
    return load_dataset(make_data_dir(figures=FIGURES_2025, milestones=MILESTONES, actions=ACTIONS))


@pytest.mark.parametrize(
    ("lang", "title", "steps", "actions"),
    [("fr", "Bilan 2025", "Étapes de 2025", "Actions prioritaires pour 2026"),
     ("en", "2025 in review", "Milestones of 2025", "Priority actions for 2026"),
     ("de", "Bilanz 2025", "Meilensteine 2025", "Vorrangige Maßnahmen für 2026")],
)
def test_achievements_slide_gives_the_years_milestones_and_the_next_years_actions(
    record: Dataset, lang: str, title: str, steps: str, actions: str,
) -> None:
    view = build("achievements", record, lang)
    assert view.title == title
    assert f"<h2>{steps}</h2>" in view.body
    assert f"<h2>{actions}</h2>" in view.body
    # not the key figures: the home slide gives them just before or after
    assert "Financement" not in view.body
    assert "Förderung" not in view.body
    assert "30" not in view.body


def test_achievements_slide_lists_the_years_milestones_in_order_and_counts_the_actions_left_out(
    record: Dataset,
) -> None:
    body = build("achievements", record).body
    steps = body.split("<ol class='kiosk-steps'>")[1].split("</ol>")[0]
    assert [part.split("</div>")[0] for part in steps.split("<div class='title'>")[1:]] == [
        "Début des actions", "Lancement", "&lt;img src=x onerror=alert(1)&gt;"]  # 2024 and 2029 left out
    assert "1er janvier 2025" in steps
    assert HOSTILE_NAME not in body
    shown = body.split("<ul class='kiosk-actions'>")[1].split("</ul>")[0]
    assert shown.count("<li>") == slides.MAX_ACTIONS
    assert "Action done" not in body  # 2025's action: the record of the year is its milestones
    assert t("kiosk.achievements.more_actions.other", "fr", count="4") in body  # 9 for 2026, 5 shown


def test_achievements_slide_of_a_themed_loop_keeps_its_axis_and_cluster_wide_actions(record: Dataset) -> None:
    body = build("achievements", record, axis="nlp").body
    assert "Action nlp" in body
    assert "Action health" not in body
    assert t("kiosk.achievements.more_actions.other", "fr", count="3") in body  # 7 cluster-wide + nlp


@pytest.mark.parametrize(
    ("as_of", "lang", "lead"),
    [
        ("2025-12-12", "fr", "9 actions pour 2026 — état publié au 12 décembre 2025\u00a0: 9 prévues, "
         "aucune en cours, aucune réalisée."),
        ("2025-12-12", "de", "9 Maßnahmen für 2026 — Stand vom 12. Dezember 2025: 9 geplant, keine laufend, "
         "keine abgeschlossen."),
        ("", "en", "9 actions for 2026 — status date not given: 9 planned, none in progress, none done."),
        (TODAY.isoformat(), "en", "9 actions for 2026: 9 planned, none in progress, none done."),
    ],
)
def test_achievements_slide_says_when_the_next_actions_statuses_were_stated(
    make_data_dir: Callable[..., Path], as_of: str, lang: str, lead: str,
) -> None:
    actions = [dict(row, status_as_of=as_of) for row in ACTIONS]
    data = load_dataset(make_data_dir(figures=FIGURES_2025, milestones=MILESTONES, actions=actions))
    body = build("achievements", data, lang).body
    column = body.split("</h2>", 2)[2]  # the actions' column
    assert column.startswith(f"<p class='lead'>{lead}</p><ul class='kiosk-actions'>")


@pytest.mark.parametrize(
    ("milestones", "actions", "columns"),
    [(MILESTONES, [], ["Étapes de 2025"]), ([], ACTIONS, ["Actions prioritaires pour 2026"]),
     ([], [action("done", "2025")], [])],
    ids=["milestones-only", "actions-only", "nothing"],
)
def test_achievements_slide_shows_what_the_data_hold_and_invents_nothing(
    make_data_dir: Callable[..., Path], milestones: list[dict[str, str]], actions: list[dict[str, str]],
    columns: list[str],
) -> None:
    data = load_dataset(make_data_dir(figures=FIGURES_2025, milestones=milestones, actions=actions))
    view = build("achievements", data)
    assert [h.split("</h2>")[0] for h in view.body.split("<h2>")[1:]] == columns
    assert (t("kiosk.empty", "fr") in view.body) is (not columns)


def test_a_failing_builder_gives_a_neutral_slide_and_a_log(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> slides.SlideView:
        raise KeyError("a column nobody foresaw")

    monkeypatch.setattr(slides, "events_slide", broken)
    with caplog.at_level(logging.ERROR, logger="enact_dash.kiosk.slides"):
        view = build("events", dataset, "en")

    assert view.failed
    assert t("kiosk.unavailable", "en") in view.body
    assert "a column nobody foresaw" in caplog.text


# --- frame -------------------------------------------------------------------------------------


def slot(index: int = 1, count: int = 5, elapsed: float = 2.5, slide: str = "events") -> Slot:
    return Slot(tick=7, index=index, slide=slide, lang="fr", count=count, elapsed=elapsed, rotate=20)


def test_head_escapes_the_title_and_names_the_slide() -> None:
    html = head_html(slot(), HOSTILE_NAME, "https://enact.example.org/events", "fr", theme=HOSTILE_NAME)

    assert HOSTILE_NAME not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 2
    assert "data-slide='events'" in html
    assert "data-tick='7'" in html
    assert "lang='fr'" in html
    assert "<img class='enact-qr' src='data:image/svg+xml" in html


def test_head_without_a_public_url_has_no_qr_code_nor_address() -> None:
    html = head_html(slot(), "Prochains événements", "", "fr")
    assert "kiosk-qr" not in html
    assert "<img" not in html
    assert t("kiosk.qr.caption", "fr") not in html
    assert "<h1>Prochains événements</h1>" in html


def test_progress_shows_the_position_and_the_time_left() -> None:
    html = progress_html(slot(index=1, count=5, elapsed=2.5), "en")
    assert html.count("<li") == 5
    assert html.count("class='on'") == 1
    assert "Slide 2 of 5" in html
    assert "animation-duration:20s;animation-delay:-2.50s" in html


def test_qr_caption_shows_the_address_in_clear() -> None:
    html = qr_html("https://enact.example.org/events?lang=en", "en")
    assert "<span>enact.example.org</span>/<wbr><span>events</span></span>" in html  # no query string
    assert "lang=en" not in html.split("<figcaption>")[1].split("</figcaption>")[0]
    assert t("kiosk.qr.caption", "en") in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("localhost:8501/achievements",
         "<span class='url'><span>localhost:8501</span>/<wbr><span>achievements</span></span>"),
        ("enact.example.org", "<span class='url'><span>enact.example.org</span></span>"),
        ("tableau-de-bord.enact.example.org/events",
         "<span class='url long'><span>tableau-de-bord.enact.example.org</span>/<wbr>"
         "<span>events</span></span>"),
        ("a.org/<b>", "<span class='url'><span>a.org</span>/<wbr><span>&lt;b&gt;</span></span>"),
    ],
)
def test_the_address_breaks_only_after_a_slash(text: str, expected: str) -> None:
    assert url_html(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://enact.example.org/", "enact.example.org"),
        ("http://localhost:8501/events", "localhost:8501/events"),
        ("https://enact.example.org/events?lang=en&axis=health", "enact.example.org/events"),
        ("https://enact.example.org/?lang=de", "enact.example.org"),
    ],
)
def test_short_url_leaves_the_query_string_to_the_qr_code(url: str, expected: str) -> None:
    assert short_url(url) == expected


def test_body_wraps_and_labels_the_language() -> None:
    assert body_html("<p>x</p>", "de", "home").startswith("<section class='kiosk kiosk-body fill' lang='de'")
    assert "fill" not in body_html("", "de", "partners", fill=False).split(">", 1)[0]


@pytest.mark.parametrize(
    ("title", "long"),
    [("Nos partenaires", False), ("Le cluster en chiffres", False),
     ("Forschungsachsen und Lehrstühle", True), ("Axes de recherche et chaires", True)],
)
def test_a_long_slide_title_is_set_smaller_to_stay_on_one_line(title, long):
    html = head_html(slot(), title, "https://enact.example.org/", "de")
    assert (f"<h1 class='long'>{title}</h1>" in html) is long
    assert (f"<h1>{title}</h1>" in html) is not long


# --- what the events slide says under a title, which slides rotate -----------------------------


@pytest.mark.parametrize(
    ("kind", "title", "said"),
    [
        ("École d'été", "Écoles d'été", True),
        ("École d'été", "ECOLE D'ETE 2026 à Nancy", True),
        ("Summer school", "Summer schools", True),
        ("Sommerschule", "Sommerschulen", True),
        ("Atelier ou colloque", "Colloques et workshops scientifiques", False),
        ("Conférence", "Journée annuelle", False),
        ("École d'été", "École doctorale", False),  # not all its words
        ("", "Écoles d'été", False),
    ],
)
def test_type_in_title(kind: str, title: str, said: bool) -> None:
    assert slides.type_in_title(kind, title) is said


def test_the_line_under_an_event_gives_the_place_when_the_title_says_the_type(
    make_data_dir: Callable[..., Path],
) -> None:
    rows = [event("school", "2026-07-01", type="summer_school", title_fr="Écoles d'été", city="Nancy"),
            event("ws", "2026-04-01", title_fr="Journée IA", city="")]
    body = build("events", load_dataset(make_data_dir(events=rows))).body
    school = body.split("Écoles d&#x27;été")[1].split("</li>")[0]
    assert "<div class='meta'>Nancy" in school  # the place, not "École d'été · Nancy"
    assert "École d" not in school
    assert t("vocab.event_type.workshop", "fr") in body.split("Journée IA")[1].split("</li>")[0]


@pytest.mark.parametrize(
    ("query", "events", "expected"),
    [
        ({}, SEVEN_UPCOMING, SLIDES),
        ({}, [event("past", "2025-12-12")], ("home", "partners", "chairs", "achievements")),
        ({"axis": "health"}, [event("e2", "2026-03-20", axes="nlp")],
         ("home", "partners", "chairs", "achievements")),
    ],
    ids=["all", "no-event", "themed-no-event"],
)
def test_slides_with_nothing_to_show_leave_the_rotation(
    make_data_dir: Callable[..., Path], query: dict[str, str], events: list[dict[str, str]],
    expected: tuple[str, ...],
) -> None:
    data = load_dataset(make_data_dir(events=events, figures=FIGURES_2025, chairs=CHAIRS))
    filters = Filters.from_query_params({"kiosk": "1", **query})
    data_dir = Path(__file__).resolve().parents[2] / "data"
    assert slides.slides_with_content(SLIDES, data, filters, "fr", today=TODAY, data_dir=data_dir) == expected
    assert slides.slides_with_content(("events",), data, filters, "fr", today=TODAY,
                                      data_dir=data_dir) == ("events",)  # all empty: the neutral one
