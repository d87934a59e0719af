"""SessionWorker: runs one session pipeline on a QThread and emits its batches.

The engine already collects events per ``flush_interval`` (1/30 s here), so at most
~30 ``batches`` emissions a second cross to the GUI thread however hard the peer
floods. The worker also applies back-pressure: once ``max_inflight`` batches are
emitted but not yet acknowledged by the GUI (:meth:`ack`), the engine thread waits
— a TCP sender then slows down instead of the GUI's event queue growing without
bound. Batches also count their bytes: once ``max_inflight_bytes`` of data wait for
the GUI the engine waits too, so a TCP flood of 8 MiB batches holds at most that much
beside the receive log (four such batches were a third of the window's memory). The
wait checks ``stop()`` every 50 ms, so stopping stays prompt.

Batches of connection events alone (no data: clients arriving or leaving) do not count
against ``max_inflight`` while fewer than :data:`MAX_LIGHT_EVENTS` such events wait: a
server taking thousands of clients at once must keep accepting while the window holds
its batches back (core/foreground.py), or the kernel's accept queue overflows. Their
number still bounds what waits.

Decoding, auto-reply and captures run in the :class:`SessionPipeline` before that wait,
in the engine thread, so they keep up with the wire even while the GUI lags.
"""

from __future__ import annotations

import threading
import traceback
from collections import deque
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.chunk import Chunk
from netassistant.core.config import SessionConfig
from netassistant.core.pipeline import PipelineBatch, SessionPipeline
from netassistant.qt.foreground import GUI_GATE

FLUSH_INTERVAL = 1 / 30
MAX_INFLIGHT = 4
MAX_INFLIGHT_BYTES = 16 * 1024 * 1024
#: Events of data-less batches that may wait for the GUI beyond ``max_inflight`` batches.
MAX_LIGHT_EVENTS = 32_768


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
        max_inflight_bytes: int = MAX_INFLIGHT_BYTES,
        **pipeline_options: Any,
    ) -> None:
        """Build the pipeline (``pipeline_options`` go to :class:`SessionPipeline`)."""
        super().__init__()
        self._cond = threading.Condition()
        self._inflight = 0
        self._max_inflight = max_inflight
        # (data bytes, events if data-less else 0) of each unacknowledged batch
        self._sizes: deque[tuple[int, int]] = deque()
        self._inflight_bytes = 0
        self._light_events = 0
        self._max_inflight_bytes = max_inflight_bytes
        pipeline_options.setdefault("foreground", GUI_GATE)  # the log's repaints come first
        self.pipeline = SessionPipeline(
            config, self._sink, flush_interval=flush_interval, **pipeline_options
        )

    def _sink(self, batch: PipelineBatch) -> None:
        pipeline = self.pipeline
        sizes = [len(ev.data) for ev in batch.events if type(ev) is Chunk]
        size = sum(sizes)
        light = 0 if sizes else len(batch.events)
        with self._cond:
            while self._full(size, light) and not pipeline.stop_requested:
                self._cond.wait(0.05)
            self._inflight += 1
            self._sizes.append((size, light))
            self._inflight_bytes += size
            self._light_events += light
        self.batches.emit(batch)

    def _full(self, size: int, light: int) -> bool:
        if self._inflight and self._inflight_bytes + size > self._max_inflight_bytes:
            return True
        if self._inflight < self._max_inflight:
            return False
        return not light or self._light_events + light > MAX_LIGHT_EVENTS

    def ack(self) -> None:
        """The GUI has applied one batch (thread-safe; batches are applied in order)."""
        with self._cond:
            if self._sizes:
                size, light = self._sizes.popleft()
                self._inflight_bytes -= size
                self._light_events -= light
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
