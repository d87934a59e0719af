"""``python -m netassistant`` starts the desktop app."""

from __future__ import annotations

import sys
import time

from netassistant.core.collector import collector_paused
from netassistant.qt.importhook import (
    STUB_GENERATOR,
    run_on_first_use,
    speed_up_pyside_import_hook,
)

# The interpreter and its site are ready (the start-up probe's first phase ends here; the
# two small modules above take about a millisecond beside typing, which PySide imports too).
_python_ready = time.monotonic()

# Importing Qt and the app makes tens of thousands of long-lived objects and no garbage,
# yet starts ~30 collections (12-14 ms of the launch).
with collector_paused():
    # PySide first, then its import watcher made cheap, then the app: every module the app
    # imports after Qt (its config and records among them) then costs the watcher a file
    # read, not a parse (netassistant.qt.importhook; app.py installing it is too late for
    # the ~30 modules it imports before that line).
    # PySide's .pyi stub generator, imported with it, runs only if something uses it.
    with run_on_first_use(STUB_GENERATOR):
        import PySide6.QtCore  # noqa: F401  # loads the import watcher the next line replaces

    _qt_ready = time.monotonic()
    speed_up_pyside_import_hook()
    from netassistant.app import STARTUP_MARKS, main

STARTUP_MARKS[:0] = [("python", _python_ready), ("qt", _qt_ready), ("app", time.monotonic())]

if __name__ == "__main__":
    sys.exit(main())
