"""SessionWorker: runs one session pipeline on a QThread and emits its batches.

The engine already collects events per ``flush_interval`` (1/30 s here), so at most
~30 ``batches`` emissions a second cross to the GUI thread however hard the peer
floods. The worker also applies back-pressure: once ``max_inflight`` batches are
emitted but not yet acknowledged by the GUI (:meth:`ack`), the engine thread waits
— a TCP sender then slows down instead of the GUI's event queue growing without
bound. The wait checks ``stop()`` every 50 ms, so stopping stays prompt.

Decoding, auto-reply and captures run in the :class:`SessionPipeline` before that wait,
in the engine thread, so they keep up with the wire even while the GUI lags.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.config import SessionConfig
from netassistant.core.pipeline import PipelineBatch, SessionPipeline

FLUSH_INTERVAL = 1 / 30
MAX_INFLIGHT = 4


class SessionWorker(QObject):
    """Worker object (superqt pattern): moved to a QThread, ``run`` started from there.

    Attributes:
        pipeline: The session; its command methods are thread-safe.

    Signals:
        batches(PipelineBatch): one batch of events and what the pipeline made of them.
        errored(str): run() raised — a bug, never a socket error (those are events).
        finished(): run() has returned; always emitted, also after errored.
    """

    batches = Signal(object)
    errored = Signal(str)
    finished = Signal()

    def __init__(
        self,
        config: SessionConfig,
        *,
        flush_interval: float = FLUSH_INTERVAL,
        max_inflight: int = MAX_INFLIGHT,
        **pipeline_options: Any,
    ) -> None:
        """Build the pipeline (``pipeline_options`` go to :class:`SessionPipeline`)."""
        super().__init__()
        self._cond = threading.Condition()
        self._inflight = 0
        self._max_inflight = max_inflight
        self.pipeline = SessionPipeline(
            config, self._sink, flush_interval=flush_interval, **pipeline_options
        )

    def _sink(self, batch: PipelineBatch) -> None:
        pipeline = self.pipeline
        with self._cond:
            while self._inflight >= self._max_inflight and not pipeline.stop_requested:
                self._cond.wait(0.05)
            self._inflight += 1
        self.batches.emit(batch)

    def ack(self) -> None:
        """The GUI has applied one batch (thread-safe)."""
        with self._cond:
            self._inflight = max(0, self._inflight - 1)
            self._cond.notify()

    @Slot()
    def run(self) -> None:
        """Run the session until it stops."""
        try:
            self.pipeline.run()
        except Exception:
            self.errored.emit(traceback.format_exc(limit=8))
        finally:
            self.finished.emit()
