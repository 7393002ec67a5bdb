"""The ``enact-dash`` command: run the app, validate a data directory, import, kiosk."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from enact_dash.config import BUNDLED_DATA_DIR, REPO_ROOT
from enact_dash.data import Level, load_dataset
from enact_dash.i18n import DEFAULT_LANG, LANGS, plural, t

APP = REPO_ROOT / "dashboard" / "app.py"


def streamlit_command(port: int = 8501, address: str | None = None,
                      extra: Sequence[str] = ()) -> list[str]:
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port)]
    if address:
        cmd += ["--server.address", address]
    return [*cmd, *extra]


# For development: watch the sources and rerun on save (off in .streamlit/config.toml, which serves visitors).
DEV_FLAGS = ("--server.fileWatcherType", "auto", "--server.runOnSave", "true")


def run_app(port: int, data_dir: str | None, address: str | None, dev: bool = False) -> int:
    env = dict(os.environ)
    if data_dir:
        env["ENACT_DATA_DIR"] = str(Path(data_dir).resolve())
    # The repository root holds .streamlit/config.toml (static serving, theme, no usage statistics).
    command = streamlit_command(port, address, DEV_FLAGS if dev else ())
    return subprocess.call(command, cwd=REPO_ROOT, env=env)


def validate(data_dir: Path, lang: str, out: object = None) -> int:
    """Print one problem per line with what happens to the data (``… (erreur — ligne ignorée)``), as
    the sidebar does; exit status 1 if there is any problem, 0 otherwise."""
    stream = out if out is not None else sys.stdout
    dataset = load_dataset(data_dir)
    for problem in dataset.problems:
        print(f"{problem.format(lang)} ({problem.status(lang)})", file=stream)
    errors = sum(1 for p in dataset.problems if p.level is Level.ERROR)
    warnings = len(dataset.problems) - errors
    rows = {name: len(frame) for name, frame in dataset.tables.items()}
    summary = ", ".join(f"{name} {count}" for name, count in rows.items())
    print(t("cli.validate_summary", lang, dir=str(data_dir), errors=plural("cli.errors", errors, lang),
            warnings=plural("cli.warnings", warnings, lang),
            rows=summary), file=stream)
    return 1 if dataset.problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Sub-commands owned by their own modules take their raw arguments.
    if args_list and args_list[0] == "import-fds":
        from enact_dash.fds_import import cli_main as import_main

        return import_main(args_list[1:])
    if args_list and args_list[0] == "kiosk":
        from enact_dash.kiosk import cli_main as kiosk_main

        return kiosk_main(args_list[1:])

    parser = argparse.ArgumentParser(prog="enact-dash", description=t("cli.description", "en"))
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start the dashboard (http://localhost:8501)")
    run.add_argument("--port", type=int, default=8501)
    run.add_argument("--address", default=None, help="address to listen on (default: Streamlit's)")
    run.add_argument("--data-dir", default=None, help="data directory (default: ENACT_DATA_DIR or data/)")
    run.add_argument("--dev", action="store_true", help="watch the sources and rerun the app on save")
    check = sub.add_parser("validate", help="check a data directory and list every problem")
    check.add_argument("data_dir", nargs="?", default=None)
    check.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                       help="language of the messages (default: fr, as the staff's; en, de)")
    sub.add_parser("import-fds", help="import a Fête de la Science open-data export (see --help)")
    sub.add_parser("kiosk", help="start the unattended display (see --help)")
    args = parser.parse_args(args_list)

    if args.command == "run":
        return run_app(args.port, args.data_dir, args.address, dev=args.dev)
    data_dir = Path(args.data_dir or os.environ.get("ENACT_DATA_DIR") or BUNDLED_DATA_DIR)
    try:
        return validate(data_dir, args.lang)
    except BrokenPipeError:  # `enact-dash validate | head`: the reader has what it wanted, no traceback
        # Python's recipe: point stdout at devnull so that the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
