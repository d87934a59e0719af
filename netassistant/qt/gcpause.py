"""Keep Python's full garbage collections out of a flood.

Under a flood the receive log holds ~100,000 rows, and every row is a :class:`Chunk`
the cyclic collector must walk (its ``direction`` is an enum member, so the tuple stays
tracked). CPython runs a full (generation 2) collection each time a quarter as many
objects as it holds have survived; at 80,000 datagrams a second that is every second
or two, and each walk of the held rows holds the GIL for 60-160 ms on this kind of
machine: the window freezes, whichever thread (GUI or engine) happened to trigger it.

While large batches arrive, :class:`FloodGcPause` moves what has survived so far into
the permanent generation (``gc.freeze()``) after each batch, so collections only walk
the objects made since the last batch. Freezing frees nothing early and keeps nothing
alive: rows still go the moment their reference count drops (trimmed rows are not
cycles). What a freeze can hold back is cyclic garbage made in the last few
milliseconds; so once the flood has been quiet for :data:`IDLE_MS` the frozen objects
are handed back (``gc.unfreeze()``) and collected once, when nobody is waiting for the
window, and a flood that never ends is collected in full every :data:`MAX_FROZEN_S`.
"""

from __future__ import annotations

import gc
import time
from typing import Final

from PySide6.QtCore import QObject, QTimer, Slot

#: A batch this large counts as a flood (small batches never freeze anything).
FLOOD_BATCH: Final = 64
#: Quiet time after the last flood batch before the deferred collection runs.
IDLE_MS: Final = 1000
#: However long a flood lasts, collect in full at least this often.
MAX_FROZEN_S: Final = 30.0


class FloodGcPause(QObject):
    """Defers full collections while one session's floods arrive.

    Each :class:`SessionController` has one; a release by one while another pane still
    floods costs one collection and nothing else (the next flood batch freezes again).

    Attributes:
        frozen: Whether objects are held in the permanent generation now.
        collections: Deferred collections run so far (for tests and benchmarks).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        """Create an idle pause (nothing frozen)."""
        super().__init__(parent)
        self.frozen = False
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
        if not self.frozen:
            self.frozen = True
            self._since = now
        elif now - self._since > MAX_FROZEN_S:
            self.release()
            return
        gc.freeze()
        self._idle.start()

    @Slot()
    def release(self) -> None:
        """Hand the frozen objects back to the collector and collect them once."""
        self._idle.stop()
        if not self.frozen:
            return
        self.frozen = False
        gc.unfreeze()
        gc.collect()
        self.collections += 1
