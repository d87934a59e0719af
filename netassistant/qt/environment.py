"""Qt settings made through the environment before the first paint (no PySide import).

Kept free of PySide so that the test suite's conftest, which core tests share (they run
without Qt), can apply the same settings as the app before any QApplication exists.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

#: The settings; a value the user set is kept. ``QT_NO_GUI_THREADPOOL``: without it, Qt's
#: raster engine hands every fill of 96 or more spans (any widget taller than ~100 px: a
#: progress bar, a table's background) to a pool of threads it starts at the first paint,
#: and waits for them. For a window of controls the hand-off costs more than the fill: the
#: first frame took 6-9 ms less without it (median of 15 and 20 paired launches), and
#: under a flood the pool's threads would compete with the session's worker for the cores
#: instead of waiting for them.
QT_ENVIRONMENT = {"QT_NO_GUI_THREADPOOL": "1"}


def prepare_qt_environment(environ: MutableMapping[str, str] | None = None) -> None:
    """Set :data:`QT_ENVIRONMENT` in ``environ`` (the process's), keeping what is set."""
    target = os.environ if environ is None else environ
    for name, value in QT_ENVIRONMENT.items():
        target.setdefault(name, value)
