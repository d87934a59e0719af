"""The cyclic garbage collector paused while a burst of long-lived objects is made.

Starting the app (importing Qt and the app, then building the window) makes tens of
thousands of objects that live as long as the app and almost no garbage, yet the
allocations alone start dozens of collections. ``python -m netassistant`` imports the app
inside :func:`collector_paused`, and :func:`netassistant.app.main` builds the window inside
it; ``netassistant-cli`` imports its command line inside it. Kept apart from
:mod:`netassistant.app` so the import of the app itself can be wrapped, and light (a
plain class, not :mod:`contextlib`) so the CLI can wrap its first import with it.
"""

from __future__ import annotations

import gc


def collector_paused() -> _CollectorPaused:
    """Keep Python's cyclic garbage collector off for the ``with`` block, then as it was.

    Building the window makes tens of thousands of objects that live as long as the app,
    and almost no garbage, yet the allocations alone start dozens of collections (15-20
    ms of a ~0.6 s launch, measured with ``gc.callbacks``). What the block made is then
    moved to the permanent generation (``gc.freeze()``), so no later collection walks it
    again (:mod:`netassistant.qt.gcpause` pauses floods without undoing this). Cyclic
    garbage made in the block, if any, is kept for the life of the process: a bounded
    cost paid once. An exception in the block is not caught.
    """
    return _CollectorPaused()


class _CollectorPaused:
    """The ``with`` block of :func:`collector_paused`."""

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        gc.freeze()
        if self._enabled:
            gc.enable()
