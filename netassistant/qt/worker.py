"""SessionWorker: runs one engine on a QThread and emits its events in batches.

The engine already collects events per ``flush_interval`` (1/30 s here), so at most
~30 ``events`` emissions a second cross to the GUI thread however hard the peer
floods. The worker also applies back-pressure: once ``max_inflight`` batches are
emitted but not yet acknowledged by the GUI (:meth:`ack`), the engine thread waits
— a TCP sender then slows down instead of the GUI's event queue growing without
bound. The wait checks ``stop()`` every 50 ms, so stopping stays prompt.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.config import SessionConfig
from netassistant.core.engine import Engine, create_engine

FLUSH_INTERVAL = 1 / 30
MAX_INFLIGHT = 4


class SessionWorker(QObject):
    """Worker object (superqt pattern): moved to a QThread, ``run`` started from there.

    Attributes:
        engine: The session engine; its command methods are thread-safe.

    Signals:
        events(list): a batch of Chunk/ConnEvent records, in seq order.
        errored(str): run() raised — a bug, never a socket error (those are events).
        finished(): run() has returned; always emitted, also after errored.
    """

    events = Signal(object)
    errored = Signal(str)
    finished = Signal()

    def __init__(
        self,
        config: SessionConfig,
        *,
        flush_interval: float = FLUSH_INTERVAL,
        max_inflight: int = MAX_INFLIGHT,
    ) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._inflight = 0
        self._max_inflight = max_inflight
        self.engine: Engine = create_engine(config, self._sink, flush_interval=flush_interval)

    def _sink(self, batch: list[Any]) -> None:
        engine = self.engine
        with self._cond:
            while self._inflight >= self._max_inflight and not engine.stop_requested:
                self._cond.wait(0.05)
            self._inflight += 1
        self.events.emit(batch)

    def ack(self) -> None:
        """The GUI has applied one batch (thread-safe)."""
        with self._cond:
            self._inflight = max(0, self._inflight - 1)
            self._cond.notify()

    @Slot()
    def run(self) -> None:
        """Run the engine until it stops."""
        try:
            self.engine.run()
        except Exception:
            self.errored.emit(traceback.format_exc(limit=8))
        finally:
            self.finished.emit()
