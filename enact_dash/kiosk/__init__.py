"""Kiosk mode: unattended full-screen slides for a stand (``?kiosk=1``, ``enact-dash kiosk``).

Modules: :mod:`~enact_dash.kiosk.schedule` (playlist, which slide when, the clock),
:mod:`~enact_dash.kiosk.slides` (each slide's content), :mod:`~enact_dash.kiosk.frame` (CSS and the HTML
around a slide), :mod:`~enact_dash.kiosk.cli` (the ``kiosk`` command). The page is ``pages/kiosk.py``.
"""

from enact_dash.kiosk.cli import cli_main, kiosk_url
from enact_dash.kiosk.schedule import (
    CLOCK,
    SLIDE_PAGES,
    SLIDES,
    Clock,
    Slot,
    parse_langs,
    parse_slides,
    slot_at,
)

__all__ = [
    "CLOCK",
    "SLIDES",
    "SLIDE_PAGES",
    "Clock",
    "Slot",
    "cli_main",
    "kiosk_url",
    "parse_langs",
    "parse_slides",
    "slot_at",
]
