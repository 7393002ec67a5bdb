"""The kiosk playlist and which slide shows when (pure: no Streamlit, the clock is a parameter).

A slide is chosen from elapsed time, never stored: ``slot_at(now, started_at, ...)`` gives the slide and
language of the moment. Each language shows the whole playlist before the next language starts.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from enact_dash.config import reachable_from_outside
from enact_dash.filters import DEFAULT_ROTATE, ROTATE_RANGE, Filters
from enact_dash.i18n import DEFAULT_LANG, LANGS

# Slide name -> the public page that shows the same content (where the QR code leads).
SLIDE_PAGES: dict[str, str] = {
    "home": "",
    "partners": "partners",
    "events": "events",
    "chairs": "achievements",
    "achievements": "achievements",
}
SLIDES: tuple[str, ...] = tuple(SLIDE_PAGES)


def parse_slides(names: Iterable[str]) -> tuple[str, ...]:
    """The playlist in the order given: known names only, each once; all slides when none is valid."""
    picked = [name.strip().lower() for name in names]
    valid = tuple(dict.fromkeys(name for name in picked if name in SLIDE_PAGES))
    return valid or SLIDES


def parse_langs(codes: Iterable[str], fallback: str = DEFAULT_LANG) -> tuple[str, ...]:
    """The languages to rotate through, in the order given; ``(fallback,)`` when none is valid."""
    valid = tuple(dict.fromkeys(code.strip().lower() for code in codes if code.strip().lower() in LANGS))
    return valid or (fallback if fallback in LANGS else DEFAULT_LANG,)


def clamp_rotate(seconds: float) -> int:
    """Seconds per slide within the allowed range (the filters already clamp URL values)."""
    low, high = ROTATE_RANGE
    try:
        value = int(seconds)
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_ROTATE
    return min(max(value, low), high)


@dataclass(frozen=True)
class Slot:
    """What the kiosk shows at one moment."""

    tick: int  # number of rotations since the kiosk started
    index: int  # position of the slide in the playlist
    slide: str
    lang: str
    count: int  # slides in the playlist
    elapsed: float  # seconds since this slide began (0 <= elapsed < rotate)
    rotate: int

    @property
    def page(self) -> str:
        return SLIDE_PAGES[self.slide]


def slot_at(
    now: float,
    started_at: float,
    *,
    rotate: int,
    slides: Sequence[str],
    langs: Sequence[str],
) -> Slot:
    """The slot ``now`` seconds (epoch) for a kiosk started at ``started_at``.

    The tick is *rounded*: the client's timer asks for the next slide every ``rotate`` seconds, and a
    rerun that arrives a little early or late (less than half an interval) still lands on its slide,
    so a slide is never skipped or shown twice because of timer jitter.
    """
    rotate = clamp_rotate(rotate)
    playlist = tuple(slides) or SLIDES
    languages = tuple(langs) or (DEFAULT_LANG,)
    since = max(0.0, now - started_at)
    tick = int(since / rotate + 0.5)
    index = tick % len(playlist)
    lang = languages[(tick // len(playlist)) % len(languages)]
    elapsed = min(max(0.0, since - tick * rotate), float(rotate))
    return Slot(tick=tick, index=index, slide=playlist[index], lang=lang, count=len(playlist),
                elapsed=elapsed, rotate=rotate)


def public_link(filters: Filters, slot: Slot, base_url: str) -> str:
    """The public address of what the slide shows: the shared filters and the page's own, in the slide's
    language; no kiosk parameters. "" when the base URL is one a visitor's phone cannot open
    (``localhost``, a loopback address): no QR code is better than one that leads nowhere."""
    if not reachable_from_outside(base_url):
        return ""
    return filters.for_page(slot.page).with_(lang=slot.lang).url(base_url, slot.page)


class Clock:
    """Wall-clock seconds for the rotation, replaceable in tests:
    ``monkeypatch.setattr(CLOCK, "now", lambda: 1e9)``. (The app's "today" is ``enact_dash.clock``.)"""

    def now(self) -> float:
        return time.time()


CLOCK = Clock()


def anchor(previous: float | None, now: float, rotate: int) -> float:
    """The start time to keep after a full rerun (page load, reconnection).

    Streamlit restarts the client's rotation timer on every full run, so the kiosk's start moves to
    ``now`` minus the whole rotations already shown: the current slide stays and gets its full time.
    """
    if previous is None or previous > now:
        return now
    rotate = clamp_rotate(rotate)
    return now - int((now - previous) / rotate + 0.5) * rotate
