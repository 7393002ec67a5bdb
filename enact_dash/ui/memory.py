"""Keep the long-lived objects (modules, loaded data) out of the garbage collector's full passes.

Streamlit runs a full ``gc.collect()`` after every script run (``runner.postScriptGC``), on the script's
thread and holding the interpreter lock, before the server thread can send the browser the end of the
run. A full pass walks every tracked object: with the modules loaded it took about 50 ms on the real
data and 115 ms with 50,000 synthetic events, on every rerun of every visitor. Nearly all of those
objects live as long as the process (imported modules) or as long as the data (the loaded tables and
what the pages derive from them).

So once a run has used new data, ``settle()`` collects once and then moves every object alive into the
permanent generation (``gc.freeze()``), which the later passes skip. Nothing leaks: reference counting
still frees frozen objects, and the next settle (after the next data change) first unfreezes them so
that a full pass can reclaim cycles among them.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_pending = True  # the first run of the process settles what the imports and the first load made


def data_changed() -> None:
    """New long-lived data was loaded: settle at the end of this run."""
    global _pending
    _pending = True


def settle() -> bool:
    """At the end of a script run: if data changed since the last settle, collect and freeze.
    Returns whether it did (for tests)."""
    global _pending
    with _lock:
        if not _pending:
            return False
        _pending = False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        return True
