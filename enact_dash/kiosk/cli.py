"""``enact-dash kiosk``: start the app for a stand and print the address to open full screen."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from enact_dash.cli import streamlit_command
from enact_dash.config import REPO_ROOT, get_settings, reachable_from_outside
from enact_dash.filters import DEFAULT_ROTATE, Filters
from enact_dash.i18n import DEFAULT_LANG, LANGS, t
from enact_dash.kiosk.schedule import SLIDES, clamp_rotate, parse_langs, parse_slides


def _names(text: str) -> list[str]:
    return [part for part in text.replace(" ", ",").split(",") if part]


def kiosk_url(base: str, *, rotate: int = DEFAULT_ROTATE, slides: Sequence[str] = (),
              langs: Sequence[str] = (), lang: str = DEFAULT_LANG, axis: Sequence[str] = ()) -> str:
    """The address of the kiosk view: ``http://host:port/?kiosk=1&rotate=...`` (defaults left out)."""
    playlist = parse_slides(slides)
    filters = Filters(
        lang=lang if lang in LANGS else DEFAULT_LANG,
        kiosk=True,
        rotate=clamp_rotate(rotate),
        slides=() if playlist == SLIDES else playlist,
        langs=parse_langs(langs) if langs else (),
        axis=tuple(axis),
    )
    return filters.url(base)


def parser(lang: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="enact-dash kiosk", description=t("kiosk.cli.description", lang))
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default=None, help=t("kiosk.cli.address", lang))
    p.add_argument("--rotate", type=int, default=DEFAULT_ROTATE, help=t("kiosk.cli.rotate", lang))
    p.add_argument("--slides", type=_names, default=[],
                   help=t("kiosk.cli.slides", lang, names=",".join(SLIDES)))
    p.add_argument("--langs", type=_names, default=[], help=t("kiosk.cli.langs", lang))
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG)
    p.add_argument("--axis", type=_names, default=[], help=t("kiosk.cli.axis", lang))
    p.add_argument("--data-dir", default=None, help=t("kiosk.cli.data_dir", lang))
    p.add_argument("--dry-run", action="store_true", help=t("kiosk.cli.dry_run", lang))
    return p


def public_url_warning(environ: Mapping[str, str], lang: str) -> str:
    """What to tell the staff when the kiosk will show no QR code: ``ENACT_PUBLIC_URL`` unset, or an
    address of this machine that no visitor's phone can open; "" when it is a public address."""
    if not (environ.get("ENACT_PUBLIC_URL") or "").strip():
        return t("kiosk.cli.public_url_unset", lang)
    url = get_settings(dict(environ)).public_url
    return "" if reachable_from_outside(url) else t("kiosk.cli.public_url_local", lang, url=url)


def cli_main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
             err: TextIO | None = None) -> int:
    """Run the kiosk server (blocks until it stops); returns the exit status."""
    stream = out if out is not None else sys.stdout
    errors = err if err is not None else sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    ui_lang = DEFAULT_LANG
    for i, arg in enumerate(args_list[:-1]):
        if arg == "--lang" and args_list[i + 1] in LANGS:
            ui_lang = args_list[i + 1]
    args = parser(ui_lang).parse_args(args_list)
    unknown = [name for name in args.slides if name not in SLIDES]
    if unknown:
        print(t("kiosk.cli.unknown_slides", args.lang, names=", ".join(unknown),
                valid=",".join(SLIDES)), file=errors)
        return 2
    host = "localhost" if args.address in (None, "", "0.0.0.0", "127.0.0.1") else args.address
    url = kiosk_url(f"http://{host}:{args.port}", rotate=args.rotate, slides=args.slides,
                    langs=args.langs, lang=args.lang, axis=args.axis)
    command = streamlit_command(args.port, args.address, ["--server.headless", "true"])
    warning = public_url_warning(os.environ, args.lang)
    if warning:
        print(warning, file=errors)
    print(t("kiosk.cli.open", args.lang, url=url), file=stream)
    print(t("kiosk.cli.browser", args.lang, command=f"chromium --kiosk --app='{url}'"), file=stream)
    if args.dry_run:
        print(" ".join(command), file=stream)
        return 0
    stream.flush()
    env = dict(os.environ)
    if args.data_dir:
        env["ENACT_DATA_DIR"] = str(Path(args.data_dir).resolve())
    server = subprocess.Popen(command, cwd=REPO_ROOT, env=env)
    # Stopping this command (Ctrl+C, or SIGTERM from a service manager) stops the server with it.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        server.wait(timeout=15)
        return 0
