"""SessionWorker: runs one engine on a QThread and emits its events in batches.

The engine already collects events per ``flush_interval`` (1/30 s here), so at most
~30 ``events`` emissions a second cross to the GUI thread however hard the peer
floods. The worker also applies back-pressure: once ``max_inflight`` batches are
emitted but not yet acknowledged by the GUI (:meth:`ack`), the engine thread waits
— a TCP sender then slows down instead of the GUI's event queue growing without
bound. The wait checks ``stop()`` every 50 ms, so stopping stays prompt.

Taps (:meth:`SessionWorker.add_tap`) see every batch in the engine thread before that
wait, so a capture file or an auto-reply keeps up with the wire even while the GUI
lags; a tap that raises is removed and reported through ``tap_failed``.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.config import SessionConfig
from netassistant.core.engine import Engine, create_engine

FLUSH_INTERVAL = 1 / 30
MAX_INFLIGHT = 4

#: A tap: called with each batch (a list of Chunk/ConnEvent) in the engine thread.
Tap = Callable[[list[Any]], None]


class SessionWorker(QObject):
    """Worker object (superqt pattern): moved to a QThread, ``run`` started from there.

    Attributes:
        engine: The session engine; its command methods are thread-safe.

    Signals:
        events(list): a batch of Chunk/ConnEvent records, in seq order.
        errored(str): run() raised — a bug, never a socket error (those are events).
        finished(): run() has returned; always emitted, also after errored.
        tap_failed(str): a tap raised (``"ExceptionType: message"``); it was removed.
    """

    events = Signal(object)
    errored = Signal(str)
    finished = Signal()
    tap_failed = Signal(str)

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
        # Copy-on-write under the lock, so _sink reads the current tuple without locking.
        self._taps: tuple[Tap, ...] = ()
        self._taps_lock = threading.Lock()
        self.engine: Engine = create_engine(config, self._sink, flush_interval=flush_interval)

    def add_tap(self, fn: Tap) -> None:
        """Call ``fn(batch)`` with every later batch, in the engine thread (thread-safe).

        Adding a tap that is already installed does nothing.
        """
        with self._taps_lock:
            if fn not in self._taps:
                self._taps = (*self._taps, fn)

    def remove_tap(self, fn: Tap) -> None:
        """Stop calling ``fn`` (thread-safe; unknown taps are ignored).

        A batch the engine thread is already handing to ``fn`` still completes.
        """
        with self._taps_lock:
            self._taps = tuple(tap for tap in self._taps if tap != fn)

    def taps(self) -> tuple[Tap, ...]:
        """The installed taps, in the order they are called."""
        return self._taps

    def _sink(self, batch: list[Any]) -> None:
        engine = self.engine
        for tap in self._taps:
            try:
                tap(batch)
            except Exception as exc:
                # A broken tap must not end the session: drop it and say why.
                self.remove_tap(tap)
                self.tap_failed.emit(f"{type(exc).__name__}: {exc}")
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
