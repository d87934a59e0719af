"""The cyclic garbage collector paused while a burst of long-lived objects is made.

Starting the app (importing Qt and the app, then building the window) makes tens of
thousands of objects that live as long as the app and almost no garbage, yet the
allocations alone start dozens of collections. ``python -m netassistant`` imports the app
inside :func:`collector_paused`, and :func:`netassistant.app.main` builds the window inside
it. Kept apart from :mod:`netassistant.app` so the import of the app itself can be wrapped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off for the ``with`` block, then as it was.

    Building the window makes tens of thousands of objects that live as long as the app,
    and almost no garbage, yet the allocations alone start dozens of collections (15-20
    ms of a ~0.6 s launch, measured with ``gc.callbacks``). What the block made is then
    moved to the permanent generation (``gc.freeze()``), so no later collection walks
    it again (:mod:`netassistant.qt.gcpause` pauses floods
    without undoing this). Cyclic garbage made in the block, if any, is kept for the
    life of the process: a bounded cost paid once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
