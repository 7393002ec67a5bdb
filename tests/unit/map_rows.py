"""Partner rows for the map builder's tests (test data, not facts), shared by the legend's and the
keyboard's tests."""

from __future__ import annotations

from typing import Any

import pandas as pd

NO_BOUNDARIES: dict[str, Any] = {"type": "FeatureCollection", "features": []}


def partner(pid: str, ptype: str, lat: float | None, lon: float | None,
            city: str = "Nancy") -> dict[str, Any]:
    return {"id": pid, "name": pid.upper(), "short_name": "", "type": ptype, "relation": "member",
            "lead": False, "city": city, "country": "FR", "lat": lat, "lon": lon, "axes": ("nlp",),
            "website": "", "source": "test"}


def view(located: int, unlocated: int) -> pd.DataFrame:
    """Test data, not facts: ``located`` universities in Nancy, ``unlocated`` networks with no place."""
    rows = [partner(f"u{i}", "university", 48.69, 6.18) for i in range(located)]
    rows += [partner(f"n{i}", "network", None, None, city="") for i in range(unlocated)]
    return pd.DataFrame(rows)
