"""KernelStateStore: the latest kernel socket state of each connection of one pane.

Fed with every batch (STATE events are few: at most 10 a second per sampled
connection), it keeps the newest STATE detail per connection and what the wire said,
so a view draws the selected connection without walking the log. Bounded: the
engine samples at most a few dozen connections, and the store forgets the oldest
beyond :data:`MAX_CONNECTIONS`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from netassistant.core.chunk import ConnEvent, Event, EventKind, connection_events
from netassistant.core.records import FrozenRecord

MAX_CONNECTIONS = 256


class KernelSnapshot(FrozenRecord):
    """One STATE event as a view needs it.

    A :class:`~netassistant.core.records.FrozenRecord`, not a dataclass: the window's
    start-up does not write and compile its methods.

    Attributes:
        conn_id: The connection (0: the listening socket).
        local: Our address.
        peer: The peer's address.
        detail: The STATE detail (keys documented on ``ConnEvent``).
        seen: ``time.monotonic()`` when it arrived, for a TIME_WAIT countdown.
    """

    __slots__ = ("conn_id", "local", "peer", "detail", "seen")  # noqa: RUF023 (in order)
    conn_id: int
    local: str
    peer: str
    detail: dict[str, object]
    seen: float

    def __init__(
        self, conn_id: int, local: str, peer: str, detail: dict[str, object], seen: float
    ) -> None:
        self._fill(conn_id, local, peer, detail, seen)

    def remaining_ms(self, key: str = "timer_ms") -> int | None:
        """Time left on a TIME_WAIT timer (``timer_ms`` ours, ``peer_timer_ms`` the peer's)."""
        timer = self.detail.get(key)
        if not isinstance(timer, int):
            return None
        return max(0, timer - int((time.monotonic() - self.seen) * 1000))


class KernelStateStore(QObject):
    """The newest STATE of each connection, the listener's, and the wire's refusal.

    Signals:
        changed(list): the connection ids whose state changed in a batch.
        wire_refused(str): the capture could not start; the message says what is needed.
        segments_seen(int, str): the wire's segments so far and the newest one's line.
    """

    changed = Signal(object)
    wire_refused = Signal(str)
    segments_seen = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: dict[int, KernelSnapshot] = {}
        #: Why there is no kernel state on this system ("" where there is).
        self.unsupported = ""
        #: The connection that reported last (0 if none): what a client pane shows.
        self.last_conn = 0
        #: SEGMENT events of this run (the wire).
        self.segments = 0

    def apply_events(self, events: Iterable[Event]) -> None:
        """Take a batch's STATE events (and a wire refusal); other records are skipped."""
        changed: list[int] = []
        now = time.monotonic()
        newest_segment: ConnEvent | None = None
        for event in connection_events(events):
            if event.kind is EventKind.STATE:
                detail = dict(event.detail or {})
                if detail.get("state") is None:
                    self.unsupported = event.message
                else:
                    self._keep(KernelSnapshot(event.conn_id, event.local, event.peer, detail, now))
                    if event.conn_id:
                        self.last_conn = event.conn_id
                changed.append(event.conn_id)
            elif event.kind is EventKind.SEGMENT and event.detail and "flags" in event.detail:
                self.segments += 1
                newest_segment = event
            elif event.kind is EventKind.ERROR and (event.detail or {}).get("source") == "wire":
                self.wire_refused.emit(event.message)
        if changed:
            self.changed.emit(changed)
        if newest_segment is not None:
            self.segments_seen.emit(self.segments, newest_segment.message)

    def _keep(self, snapshot: KernelSnapshot) -> None:
        self._latest.pop(snapshot.conn_id, None)
        self._latest[snapshot.conn_id] = snapshot
        while len(self._latest) > MAX_CONNECTIONS:
            del self._latest[next(iter(self._latest))]

    def get(self, conn_id: int) -> KernelSnapshot | None:
        """The newest state of ``conn_id`` (0: the listener), or None."""
        return self._latest.get(conn_id)

    def clear(self) -> None:
        """Forget everything (a new run)."""
        self._latest.clear()
        self.unsupported = ""
        self.last_conn = 0
        self.segments = 0


#: Records the receive log leaves out: the Socket state panel and the timeline draw them.
KERNEL_KINDS = frozenset({EventKind.STATE, EventKind.SEGMENT})


def log_records(events: list[Event]) -> list[Event]:
    """``events`` without STATE and SEGMENT records (the same list when it has none).

    At up to ten states a second per connection and 2,000 segments a second they would
    push the chunks, the product, out of the log.
    """
    if not any(e.kind in KERNEL_KINDS for e in connection_events(events)):
        return events
    return [e for e in events if type(e) is not ConnEvent or e.kind not in KERNEL_KINDS]
