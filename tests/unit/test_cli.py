"""`enact-dash validate`: one located problem per line, non-zero exit when there is any."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
import tomllib

import pytest

from enact_dash.cli import main, validate
from enact_dash.config import BUNDLED_DATA_DIR, REPO_ROOT
from tests.conftest import MINIMAL


def test_validate_clean_directory(make_data_dir):
    out = io.StringIO()
    assert validate(make_data_dir(), "en", out) == 0
    assert "no errors, no warnings" in out.getvalue()


def test_validate_locates_every_bad_row(make_data_dir):
    partners = [
        *MINIMAL["partners.csv"],
        dict(MINIMAL["partners.csv"][0], id="x1", city="Nanci"),
        dict(MINIMAL["partners.csv"][0], id="x2", type="startup"),
    ]
    out = io.StringIO()
    assert validate(make_data_dir(partners=partners), "en", out) == 1
    lines = out.getvalue().splitlines()
    assert ('partners.csv:4: city: “Nanci” not found in Grand Est or the border countries (FR)'
            " (warning — value ignored)") in lines
    assert any(line.startswith("partners.csv:5: type: “startup” is not an allowed value")
               and line.endswith("(error — row left out)") for line in lines)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "events.csv: fichier introuvable (erreur — fichier ignoré)"),
        ("en", "events.csv: file not found (error — file left out)"),
        ("de", "events.csv: Datei nicht gefunden (Fehler — Datei ausgelassen)"),
    ],
)
def test_validate_says_what_happens_to_a_missing_file(make_data_dir, lang, expected):
    data_dir = make_data_dir()
    (data_dir / "events.csv").unlink()
    out = io.StringIO()
    validate(data_dir, lang, out)
    assert expected in out.getvalue().splitlines()


def test_validate_says_what_happens_to_a_row_in_french(make_data_dir):
    partners = [dict(MINIMAL["partners.csv"][0], type="startup"),
                dict(MINIMAL["partners.csv"][1], city="Nanci")]
    out = io.StringIO()
    validate(make_data_dir(partners=partners), "fr", out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("partners.csv:2: type:") and line.endswith("(erreur — ligne ignorée)")
               for line in lines)
    assert any(line.startswith("partners.csv:3: city:") and line.endswith("(avertissement — valeur ignorée)")
               for line in lines)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_validate_speaks_the_staff_language(make_data_dir, lang):
    out = io.StringIO()
    validate(make_data_dir(partners=[dict(MINIMAL["partners.csv"][0], city="Nanci")]), lang, out)
    assert "Nanci" in out.getvalue()
    assert "not found" not in out.getvalue()


def test_validate_accepts_what_the_site_shows(make_data_dir):
    """Labels as the staff see them on the site, typed loosely: no problem at all."""
    data_dir = make_data_dir(
        partners=[
            dict(MINIMAL["partners.csv"][0], type="université", relation=" Membre ", axes="Tous les axes"),
            dict(MINIMAL["partners.csv"][1], type="Krankenhaus", axes="santé numérique|langues|"),
        ],
        chairs=[dict(MINIMAL["chairs.csv"][0], call="Appel 2025", axis="Digital Health")],
        figures=[dict(MINIMAL["figures.csv"][0], unit="Euros", qualifier="plus de")],
        events=[dict(MINIMAL["events.csv"][0], origin="Saisie manuelle", audience="Grand public|Schulen")],
    )
    out = io.StringIO()
    assert validate(data_dir, "fr", out) == 0, out.getvalue()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "partners.csv:3: axes: axe inconnu «\u202fRobotique\u202f» (connus\u00a0: Langues (nlp), "
               "Santé numérique (health), Tous les axes (all)) (avertissement — valeur ignorée)"),
        ("en", 'partners.csv:3: axes: unknown axis “Robotique” (known: Language (nlp), '
               "Digital health (health), All axes (all)) (warning — value ignored)"),
        ("de", "partners.csv:3: axes: unbekannte Achse „Robotique“ (bekannt: Sprache (nlp), "
               "Digitale Gesundheit (health), Alle Achsen (all)) (Warnung — Wert ignoriert)"),
        ("fr", "figures.csv:2: qualifier: «\u202fà peu près\u202f» n’est pas une valeur permise "
               "(permises\u00a0: Exact, "
               "Environ (approx), Plus de (min))\u00a0: la ligne est traitée comme «\u202fExact\u202f» "
               "(avertissement — valeur ignorée)"),
        ("en", 'figures.csv:2: qualifier: “à peu près” is not an allowed value (allowed: Exact, '
               'About (approx), More than (min)): the row is treated as “Exact” (warning — value ignored)'),
    ],
)
def test_validate_lists_the_allowed_values_as_the_staff_know_them(make_data_dir, lang, expected):
    data_dir = make_data_dir(
        partners=[MINIMAL["partners.csv"][0],
                  dict(MINIMAL["partners.csv"][1], axes="Robotique|Santé numérique")],
        figures=[dict(MINIMAL["figures.csv"][0], qualifier="à peu près")],
    )
    out = io.StringIO()
    assert validate(data_dir, lang, out) == 1
    assert expected in out.getvalue().splitlines()


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], "partners.csv:3: city: «\u202fNanci\u202f» introuvable dans le Grand Est ou les pays "
             "frontaliers (FR)"),
        (["--lang", "en"],
         'partners.csv:3: city: “Nanci” not found in Grand Est or the border countries (FR)'),
    ],
)
def test_validate_speaks_french_unless_asked(make_data_dir, capsys, flags, expected):
    data_dir = make_data_dir(partners=[MINIMAL["partners.csv"][0],
                                       dict(MINIMAL["partners.csv"][1], city="Nanci")])
    assert main(["validate", str(data_dir), *flags]) == 1
    assert any(line.startswith(expected) for line in capsys.readouterr().out.splitlines())


def test_bundled_data_is_valid(capsys):
    assert main(["validate", str(BUNDLED_DATA_DIR)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "watching"),
    [
        (["run"], None),  # .streamlit/config.toml decides: no source watching
        (["run", "--dev"], "auto"),
        (["run", "--port", "8600", "--dev"], "auto"),
    ],
)
def test_run_watches_the_sources_only_for_development(monkeypatch, argv, watching):
    calls = []
    monkeypatch.setattr("enact_dash.cli.subprocess.call", lambda cmd, **kwargs: calls.append(cmd) or 0)
    assert main(argv) == 0
    (command,) = calls
    flags = dict(itertools.pairwise(command))
    assert flags.get("--server.fileWatcherType") == watching
    assert flags.get("--server.runOnSave") == ("true" if watching else None)


def test_the_served_app_watches_no_source_file():
    """Streamlit's watcher scans every imported module at the end of a visitor's first run, on the event
    loop that sends every visitor's page (bench: about 0.1 s more per first load)."""
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["runOnSave"] is False


def test_validate_piped_into_a_reader_that_stops_early_ends_without_a_traceback(make_data_dir):
    # `enact-dash validate data | head -1`: the reader closes the pipe while thousands of lines remain.
    partners = [*MINIMAL["partners.csv"],
                *(dict(MINIMAL["partners.csv"][0], id=f"x{i}", type="startup") for i in range(3000))]
    data_dir = make_data_dir(partners=partners)
    script = ("import sys; from enact_dash.cli import main; "
              f"sys.exit(main(['validate', {str(data_dir)!r}, '--lang', 'en']))")
    reader = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None
    first = reader.stdout.readline()
    reader.stdout.close()  # as `head -1` does
    _, errors = reader.communicate(timeout=120)
    assert first.startswith(b"partners.csv:")
    assert reader.returncode == 1
    assert b"Traceback" not in errors
    assert b"BrokenPipeError" not in errors
