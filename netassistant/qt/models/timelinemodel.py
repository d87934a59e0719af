"""TimelineModel: a pane's timeline, fed from its session's batches on a timer.

Not an item model: the timeline view paints steps itself (only the visible ones), so the
model is a :class:`~netassistant.core.timeline.TimelineBuilder` behind a QObject that
collects batches and applies them at most ten times a second, then says ``changed()``
once: a flood costs one feed and one repaint per tick, never one per chunk.

Panes of this app at the other end of this pane's connections are *peer sessions*: their
events are fed too (session 1, 2, ...), so a send of one pane links to the recvs of the
other that delivered its bytes. The builder keeps only the events that belong to this
pane's connections.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from netassistant.core.chunk import Event
from netassistant.core.timeline import DEFAULT_MAX_STEPS, TimelineBuilder

#: How often pending batches are applied (ms).
FLUSH_INTERVAL_MS = 100
#: Events per session applied as steps in one tick at most; older ones of the same tick
#: only move the byte offsets and count as dropped (a flood shows its newest calls).
MAX_EVENTS_PER_TICK = 2000


class TimelineModel(QObject):
    """The steps of one pane's session (and of its peer panes), updated in batches.

    Attributes:
        builder: The steps (read it after ``changed``; the GUI thread owns it).

    Signals:
        changed(): steps were added or dropped (once per tick at most).
        cleared(): every step was forgotten.
    """

    changed = Signal()
    cleared = Signal()

    def __init__(
        self, parent: QObject | None = None, *, max_steps: int = DEFAULT_MAX_STEPS
    ) -> None:
        super().__init__(parent)
        self.builder = TimelineBuilder(max_steps)
        self._pending: dict[int, list[Event]] = {}
        self._peers: dict[QObject, int] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)

    @Slot(object)
    def append_events(self, batch: Sequence[Event]) -> None:
        """Queue a batch of this pane's session (applied at the next tick)."""
        self._queue(0, batch)

    def add_peer(self, source: QObject, held: Sequence[Event]) -> int:
        """Follow another pane's session as a peer: its held events now, its batches later.

        Args:
            source: The other pane's controller (its ``events_received`` is connected).
            held: What that pane's log holds already.

        Returns:
            The peer's session number.
        """
        number = self._peers.get(source)
        if number is not None:
            return number
        number = len(self._peers) + 1
        self._peers[source] = number
        self._queue(number, held)
        source.events_received.connect(self._on_peer_events)  # type: ignore[attr-defined]
        source.destroyed.connect(self._forget_peer)
        return number

    @Slot(object)
    def _on_peer_events(self, batch: Sequence[Event]) -> None:
        number = self._peers.get(self.sender())
        if number is not None:
            self._queue(number, batch)

    @Slot(QObject)
    def _forget_peer(self, source: QObject) -> None:
        self._peers.pop(source, None)

    def _queue(self, session: int, batch: Sequence[Event]) -> None:
        if not batch:
            return
        pending = self._pending.setdefault(session, [])
        pending.extend(batch)
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Apply what is pending now (the timer does this; tests may call it)."""
        self._timer.stop()
        if not self._pending:
            return
        # This session first: a peer's events are kept only once ours named the connection.
        pending, self._pending = self._pending, {}
        for session in sorted(pending):
            events = pending[session]
            self.builder.feed(events, session, keep=MAX_EVENTS_PER_TICK)
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        """Forget every step (the log was cleared)."""
        self._pending.clear()
        self.builder.clear()
        self.cleared.emit()
        self.changed.emit()
