"""The app's notion of "today", injectable for tests, benchmarks and rehearsals.

``ENACT_TODAY=2025-12-01`` makes the whole app behave as on that day (e.g. to rehearse the kiosk for an
event). Pure functions never read the clock: they take ``today`` as a parameter.
"""

from __future__ import annotations

import os
from datetime import date


def today(environ: dict[str, str] | None = None) -> date:
    env = os.environ if environ is None else environ
    value = env.get("ENACT_TODAY", "").strip()
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return date.today()
