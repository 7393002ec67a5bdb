"""`enact-dash validate`: one located problem per line, non-zero exit when there is any."""

from __future__ import annotations

import io

import pytest

from enact_dash.cli import main, validate
from enact_dash.config import BUNDLED_DATA_DIR
from tests.conftest import MINIMAL


def test_validate_clean_directory(make_data_dir):
    out = io.StringIO()
    assert validate(make_data_dir(), "en", out) == 0
    assert "0 error(s), 0 warning(s)" in out.getvalue()


def test_validate_locates_every_bad_row(make_data_dir):
    partners = [
        *MINIMAL["partners.csv"],
        dict(MINIMAL["partners.csv"][0], id="x1", city="Nanci"),
        dict(MINIMAL["partners.csv"][0], id="x2", type="startup"),
    ]
    out = io.StringIO()
    assert validate(make_data_dir(partners=partners), "en", out) == 1
    lines = out.getvalue().splitlines()
    assert 'partners.csv:4: city: "Nanci" not found in Grand Est or the border countries (FR)' in lines
    assert any(line.startswith("partners.csv:5: type: \"startup\" is not an allowed value") for line in lines)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_validate_speaks_the_staff_language(make_data_dir, lang):
    out = io.StringIO()
    validate(make_data_dir(partners=[dict(MINIMAL["partners.csv"][0], city="Nanci")]), lang, out)
    assert "Nanci" in out.getvalue()
    assert "not found" not in out.getvalue()


def test_bundled_data_is_valid(capsys):
    assert main(["validate", str(BUNDLED_DATA_DIR)]) == 0, capsys.readouterr().out
