"""Kiosk playlist, languages, which slide shows when, and the public link of a slide."""

from __future__ import annotations

import pytest

from enact_dash.filters import Filters
from enact_dash.kiosk import CLOCK, SLIDES, parse_langs, parse_slides, slot_at
from enact_dash.kiosk.schedule import Slot, anchor, clamp_rotate, public_link

T0 = 1_800_000_000.0  # any epoch second


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ((), SLIDES),
        (("events", "home"), ("events", "home")),
        (("EVENTS", " partners "), ("events", "partners")),
        (("events", "events", "home"), ("events", "home")),
        (("events", "nope", "<script>"), ("events",)),
        (("nope",), SLIDES),
        (("home", "partners", "events", "chairs", "achievements"), SLIDES),
    ],
    ids=["default-all", "order-kept", "case-space", "duplicates", "unknown-dropped", "only-unknown",
         "all-named"],
)
def test_parse_slides(names: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert parse_slides(names) == expected


@pytest.mark.parametrize(
    ("codes", "fallback", "expected"),
    [
        ((), "fr", ("fr",)),
        ((), "de", ("de",)),
        (("fr", "en", "de"), "fr", ("fr", "en", "de")),
        (("EN", "xx", "en", "de"), "fr", ("en", "de")),
        (("xx",), "en", ("en",)),
        ((), "xx", ("fr",)),
    ],
)
def test_parse_langs(codes: tuple[str, ...], fallback: str, expected: tuple[str, ...]) -> None:
    assert parse_langs(codes, fallback) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(20, 20), (1, 5), (0, 5), (-3, 5), (601, 600), (5, 5), ("12", 12), ("x", 20), (None, 20)],
)
def test_clamp_rotate(value: object, expected: int) -> None:
    assert clamp_rotate(value) == expected  # type: ignore[arg-type]


PLAYLIST = ("home", "events", "chairs")


@pytest.mark.parametrize(
    ("offset", "langs", "slide", "lang", "tick"),
    [
        (0.0, ("fr",), "home", "fr", 0),
        (10.0, ("fr",), "events", "fr", 1),
        (20.0, ("fr",), "chairs", "fr", 2),
        (30.0, ("fr",), "home", "fr", 3),  # wraps around
        (6.0, ("fr",), "events", "fr", 1),  # the timer fired 4 s early: still the next slide
        (14.9, ("fr",), "events", "fr", 1),  # ... or 4.9 s late: not skipped
        (30.0, ("fr", "en", "de"), "home", "en", 3),  # the whole playlist, then the next language
        (50.0, ("fr", "en", "de"), "chairs", "en", 5),
        (60.0, ("fr", "en", "de"), "home", "de", 6),
        (90.0, ("fr", "en", "de"), "home", "fr", 9),
        (-5.0, ("fr",), "home", "fr", 0),  # a clock set back never gives a negative tick
    ],
)
def test_slot_from_elapsed_time(offset: float, langs: tuple[str, ...], slide: str, lang: str,
                                tick: int) -> None:
    slot = slot_at(T0 + offset, T0, rotate=10, slides=PLAYLIST, langs=langs)

    assert (slot.slide, slot.lang, slot.tick) == (slide, lang, tick)
    assert slot.index == PLAYLIST.index(slide)
    assert slot.count == len(PLAYLIST)
    assert 0.0 <= slot.elapsed <= slot.rotate


def test_every_slide_shows_once_per_cycle_under_timer_jitter() -> None:
    """Reruns arriving up to 40% of an interval early or late still walk the playlist in order."""
    jitter = [0.0, 3.9, -3.9, 2.0, -1.0, 3.5, -3.5, 0.5, 1.5]
    shown = [slot_at(T0 + k * 10 + j, T0, rotate=10, slides=SLIDES, langs=("fr",)).slide
             for k, j in enumerate(jitter)]
    assert shown == [SLIDES[k % len(SLIDES)] for k in range(len(jitter))]


def test_elapsed_drives_the_progress_bar() -> None:
    assert slot_at(T0 + 2.5, T0, rotate=10, slides=PLAYLIST, langs=("fr",)).elapsed == pytest.approx(2.5)
    # A rerun that comes 1 s early starts the next slide at 0, not at -1 s.
    assert slot_at(T0 + 9.0, T0, rotate=10, slides=PLAYLIST, langs=("fr",)).elapsed == 0.0


def test_slot_clamps_the_interval_and_fills_empty_lists() -> None:
    slot = slot_at(T0 + 5, T0, rotate=1, slides=(), langs=())
    assert slot.rotate == 5
    assert (slot.slide, slot.lang, slot.count) == (SLIDES[1], "fr", len(SLIDES))


@pytest.mark.parametrize(
    ("previous", "now", "expected"),
    [
        (None, T0, T0),  # first run of a session
        (T0, T0 + 3, T0 + 3),  # reload within the first slide: keeps it, restarts its time
        (T0, T0 + 27, T0 - 3),  # 27 s at 10 s/slide: rounds to the 4th slide, shown from now
        (T0, T0 + 24, T0 + 4),  # 24 s: the third slide (tick 2) stays
        (T0 + 50, T0, T0),  # a start in the future (clock set back): start again now
    ],
)
def test_anchor_keeps_the_current_slide(previous: float | None, now: float, expected: float) -> None:
    started = anchor(previous, now, 10)
    assert started - T0 == pytest.approx(expected - T0, abs=1e-6)
    if previous is not None and previous <= now:
        before = slot_at(now, previous, rotate=10, slides=SLIDES, langs=("fr",))
        after = slot_at(now, started, rotate=10, slides=SLIDES, langs=("fr",))
        assert (after.tick, after.slide, after.elapsed) == (before.tick, before.slide, 0.0)


def _slot(slide: str, lang: str = "fr") -> Slot:
    return Slot(tick=0, index=0, slide=slide, lang=lang, count=1, elapsed=0.0, rotate=20)


@pytest.mark.parametrize(
    ("query", "slide", "lang", "expected"),
    [
        ({"kiosk": "1"}, "home", "fr", "https://enact.example.org/"),
        ({"kiosk": "1", "rotate": "7", "slides": "events,home", "langs": "fr,en"}, "events", "fr",
         "https://enact.example.org/events"),
        ({"kiosk": "1", "axis": "health"}, "partners", "en",
         "https://enact.example.org/partners?lang=en&axis=health"),
        ({"kiosk": "1", "lang": "de"}, "chairs", "de", "https://enact.example.org/achievements?lang=de"),
        ({"kiosk": "1", "lang": "de", "langs": "de,fr"}, "achievements", "fr",
         "https://enact.example.org/achievements"),
        ({"kiosk": "1", "year": "2025"}, "achievements", "fr",
         "https://enact.example.org/achievements?year=2025"),
        # the shared filters and the slide's page's own only
        ({"kiosk": "1", "year": "2025", "city": "Metz", "ptype": "hospital"}, "events", "fr",
         "https://enact.example.org/events?city=Metz"),
        ({"kiosk": "1", "year": "2025", "ptype": "hospital"}, "partners", "fr",
         "https://enact.example.org/partners?ptype=hospital"),
    ],
)
def test_public_link_drops_kiosk_parameters(query: dict[str, str], slide: str, lang: str,
                                            expected: str) -> None:
    filters = Filters.from_query_params(query)
    assert public_link(filters, _slot(slide, lang), "https://enact.example.org/") == expected


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("http://localhost:8501", ""),
        ("http://127.0.0.1:8501/", ""),
        ("http://[::1]:8501", ""),
        ("http://0.0.0.0:8501", ""),
        ("http://kiosk.localhost", ""),
        ("", ""),
        ("http://192.168.1.20:8501", "http://192.168.1.20:8501/events"),
        ("https://enact.example.org", "https://enact.example.org/events"),
    ],
)
def test_no_public_link_to_an_address_a_phone_cannot_open(base: str, expected: str) -> None:
    filters = Filters.from_query_params({"kiosk": "1"})
    assert public_link(filters, _slot("events", "fr"), base) == expected


def test_clock_is_replaceable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CLOCK, "now", lambda: T0)
    assert CLOCK.now() == T0
