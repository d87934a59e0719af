"""Keep Python's full garbage collections out of a flood.

Under a flood the receive log holds ~100,000 rows, and every row is a :class:`Chunk`
the cyclic collector must walk (its ``direction`` is an enum member, so the tuple stays
tracked). CPython runs a full (generation 2) collection each time a quarter as many
objects as it holds have survived; at 80,000 datagrams a second that is every second
or two, and each walk of the held rows holds the GIL for 60-160 ms on this kind of
machine: the window freezes, whichever thread (GUI or engine) happened to trigger it.

While large batches arrive, :class:`FloodGcPause` raises the collector's generation-2
threshold out of reach, so only the young generations (the objects made since the last
few hundred allocations) are walked: cycles among them are still freed at once, and
rows still go the moment their reference count drops (trimmed rows are not cycles).
Once every flood has been quiet for :data:`IDLE_MS` the threshold is put back and the
one deferred full collection runs, when nobody is waiting for the window; a flood that
never ends is collected in full every :data:`MAX_PAUSED_S`.

Why thresholds and not ``gc.freeze()`` after each batch (the first design): a freeze
can only be undone as a whole, so ending it also handed back the ~41,500 objects that
start-up froze for good (:mod:`netassistant.core.collector`), and the deferred
collection walked them too: with 10,000 clients listed that was 99,000 objects and a
38-66 ms freeze, against ~60,000 objects now.
"""

from __future__ import annotations

import gc
import time
from typing import Final

from PySide6.QtCore import QObject, QTimer, Slot

#: A batch this large counts as a flood (small batches pause nothing).
FLOOD_BATCH: Final = 64
#: Quiet time after the last flood batch before the deferred collection runs.
IDLE_MS: Final = 1000
#: However long a flood lasts, collect in full at least this often.
MAX_PAUSED_S: Final = 30.0
#: The generation-2 threshold while paused: more young collections than a flood makes.
PAUSED_THRESHOLD: Final = 2**31 - 1


class _Collector:
    """The process-wide pause that every :class:`FloodGcPause` holds a share of.

    The collector's thresholds are global, so the old generation's is raised by the first
    holder and put back (followed by the deferred full collection) when the last one lets
    go; the young generations' are not the pause's to change.
    """

    def __init__(self) -> None:
        self.holders = 0
        self.saved = 0  # the old generation's threshold before the pause

    def hold(self) -> None:
        if self.holders == 0:
            young, middle, self.saved = gc.get_threshold()
            gc.set_threshold(young, middle, PAUSED_THRESHOLD)
        self.holders += 1

    def let_go(self) -> bool:
        """Drop one share; True if it was the last (the collection has run)."""
        self.holders -= 1
        if self.holders:
            return False
        # Only the old generation's threshold is the pause's: the young one may have been
        # raised meanwhile (core/collector.py, by an engine under the flood) and stays so.
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, self.saved)
        gc.collect()
        return True


_COLLECTOR = _Collector()


class FloodGcPause(QObject):
    """Defers full collections while one session's floods arrive.

    Each :class:`SessionController` has one. While two panes flood, the deferred
    collection runs once, after the last of them has been quiet for :data:`IDLE_MS`.

    Attributes:
        paused: Whether this session holds full collections off now.
        collections: Deferred collections this pause has run (for tests and benchmarks).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        """Create an idle pause (collections as usual)."""
        super().__init__(parent)
        self.paused = False
        self.collections = 0
        self._since = 0.0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.release)

    def note_batch(self, size: int) -> None:
        """A batch of ``size`` events was applied in the GUI thread."""
        if size < FLOOD_BATCH:
            return
        now = time.monotonic()
        if not self.paused:
            self.paused = True
            self._since = now
            _COLLECTOR.hold()
        elif now - self._since > MAX_PAUSED_S:
            self._since = now
            gc.collect()
            self.collections += 1
        self._idle.start()

    @Slot()
    def release(self) -> None:
        """Let full collections run again; run the deferred one if no flood is left."""
        self._idle.stop()
        if not self.paused:
            return
        self.paused = False
        if _COLLECTOR.let_go():
            self.collections += 1
