"""The cyclic garbage collector: paused at start-up, young collections rarer in floods.

Starting the app (importing Qt and the app, then building the window) makes tens of
thousands of objects that live as long as the app and almost no garbage, yet the
allocations alone start dozens of collections. ``python -m netassistant`` imports the app
inside :func:`collector_paused`, and :func:`netassistant.app.main` builds the window inside
it; ``netassistant-cli`` imports its command line inside it. Kept apart from
:mod:`netassistant.app` so the import of the app itself can be wrapped, and light (a
plain class, not :mod:`contextlib`) so the CLI can wrap its first import with it.

Under a flood, :func:`collect_young_less_often` (called by the engines) spaces the young
generation's collections out, so a batch of chunks is mostly freed before one walks it.
"""

from __future__ import annotations

import gc

#: Allocations between two young collections once a session floods (CPython's default is
#: 700). Above the events of one engine batch (its ``max_batch``, 8,192): see
#: :func:`collect_young_less_often`.
YOUNG_THRESHOLD = 16_384


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


def collect_young_less_often() -> None:
    """Raise the young generation's threshold to :data:`YOUNG_THRESHOLD`, process-wide, once.

    Every chunk a session receives is a tracked tuple (its ``direction`` is an enum member).
    With CPython's default of a young collection every 700 allocations, under a flood of
    small chunks each one is walked while it waits in its batch, and again by the middle
    generation's collections, though most are freed a moment later, when the front end is
    done with the batch. With the threshold above a batch's size most of a batch is freed
    before any collection sees it: 1 KiB reads went from 0.71 to 0.76 of a raw ``recv()``
    loop, the same as with the collector off (``tests/benchmarks/engine_throughput.py``'s
    measurement, 15 paired runs). A young collection then walks at most that many objects
    (about a millisecond); cycles are still collected, a few thousand allocations later.

    The engines call it with the allocator's tuning (engine/memory.py), once a session has
    moved its first MiB. A higher threshold (set by the program) is kept; the older
    generations' thresholds are left as they are.
    """
    young, middle, old = gc.get_threshold()
    if 0 < young < YOUNG_THRESHOLD:
        gc.set_threshold(YOUNG_THRESHOLD, middle, old)
