"""The receive log: one row per socket read, send or connection event.

:class:`ChunkLogModel` holds the newest rows of a session in a ring buffer with a row
cap and a byte cap; while paused, new records wait in a :class:`PauseBuffer` bounded by
the same caps. Every ``recv()`` stays its own row, so sticky and split TCP packets stay
visible; the model never merges or splits chunks. Filtering is in
:mod:`netassistant.qt.models.chunkfilter`.

Over 400 lines because the batch-and-trim arithmetic over the cumulative byte counts
and the cells drawn from the same rows belong together; filtering and the pause buffer
are their own modules.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, cycle, islice
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QFont

from netassistant.core.chunk import (
    CHUNK_DATA,
    Chunk,
    ChunkFlag,
    ConnEvent,
    Direction,
    Event,
    EventKind,
    only_chunks,
)
from netassistant.core.logformat import clock
from netassistant.qt.coremessages import tr_core
from netassistant.qt.logcolors import LIGHT, log_colors
from netassistant.qt.models.cellformat import DisplayMode as DisplayMode
from netassistant.qt.models.cellformat import display_segments
from netassistant.qt.models.pausebuffer import PauseBuffer
from netassistant.qt.models.ringmodel import TOOLTIP_BYTES as TOOLTIP_BYTES
from netassistant.qt.models.ringmodel import RingTableModel, check_max_rows
from netassistant.qt.models.tablemodel import (
    ALIGN_RIGHT,
    ALIGNMENT_ROLE,
    BACKGROUND_ROLE,
    DISPLAY_ROLE,
    FONT_ROLE,
    FOREGROUND_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
)
from netassistant.qt.zoom import fixed_font, zoom


class Column(enum.IntEnum):
    """The log's columns, in display order."""

    TIME = 0
    DIR = 1
    PEER = 2
    CONN = 3
    SEQ = 4
    LEN = 5
    DATA = 6


#: The row's :class:`Chunk` or :class:`ConnEvent` itself (any column).
ChunkRole: Final = USER_ROLE + 1
#: True for a :class:`ConnEvent` row, False for a :class:`Chunk` row.
IsEventRole: Final = USER_ROLE + 2
#: ``[(text, special), ...]`` from :func:`cellformat.display_segments` of a chunk's preview
#: bytes in the current encoding (None for events), so a delegate can draw control
#: characters and undecodable bytes distinctly. In text mode DisplayRole is the joined
#: segments followed by the truncation note, if any.
SegmentsRole: Final = USER_ROLE + 3
#: 0 or 1, alternating from one chunk to the next in seq order; an event carries the
#: band of the chunk before it.
BandRole: Final = USER_ROLE + 4

DEFAULT_MAX_ROWS: Final = 100_000
#: Bytes of chunk data the receive log keeps by default (the newest; counters keep counting).
#: 32 MB is the newest 512 chunks of 64 KiB; chunks under 335 bytes reach the row cap
#: first. With 64 MB held, a 64 KiB flood grew the window by 92-100 MB.
LOG_MAX_BYTES: Final = 32 * 1024 * 1024
DEFAULT_PREVIEW_BYTES: Final = 512

_RIGHT_ALIGNED = frozenset({Column.CONN, Column.SEQ, Column.LEN})

# The light set, as NetAssist draws its log; a dark window gets logcolors.DARK.
RX_COLOR: Final = LIGHT.rx
TX_COLOR: Final = LIGHT.tx
EVENT_COLOR: Final = LIGHT.event
ERROR_COLOR: Final = LIGHT.error
BAND_COLORS: Final = LIGHT.bands
EVENT_BACKGROUND: Final = LIGHT.event_background

_ERROR_KINDS = frozenset({EventKind.ERROR, EventKind.RESET, EventKind.ABORTED, EventKind.DROPPED})


class ChunkLogModel(RingTableModel[Event]):
    """The newest chunks and connection events of a session, one per row, in seq order.

    Rows live in a :class:`RingTableModel`'s list with a head offset, so row access,
    appending and trimming stay O(1) per row. Cumulative byte counts kept beside the
    rows make the byte cap a bisection instead of a walk.

    Attributes:
        dropped_rows: Rows that fell off the top (or never made it in, or fell out of
            the pause buffer) because of the caps since the last :meth:`clear`.
        dropped_bytes: Data bytes in those rows.
        held_bytes: Data bytes in the rows now held.
        max_rows: Row cap.
        max_bytes: Cap on :attr:`held_bytes`; a single chunk larger than this is
            dropped rather than held over the cap. Both caps also bound what waits
            while paused.
        paused: Whether new records wait in the pause buffer instead of becoming rows.
        waiting: Records waiting in the pause buffer.
        preview_bytes: The DATA column draws at most this many bytes of a chunk.
        display_mode: The current :class:`DisplayMode`.
        encoding: The codec used for text.

    Signals:
        dropped_changed: The drop counters changed (once per batch or trim).
            arg 0: dropped_rows.
            arg 1: dropped_bytes.
    """

    # qint64 because a long flood drops more than 2 GiB and Signal(int) is a 32-bit C++
    # int; the stubs only know Python types as signal arguments.
    dropped_changed = Signal("qint64", "qint64")  # type: ignore[arg-type]

    columns = Column
    data_column = Column.DATA
    data_roles = (DISPLAY_ROLE, SegmentsRole)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        max_bytes: int = LOG_MAX_BYTES,
        preview_bytes: int = DEFAULT_PREVIEW_BYTES,
    ) -> None:
        _check_limits(max_rows, max_bytes)
        super().__init__(parent, max_rows=max_rows, preview_bytes=preview_bytes)
        self._max_bytes = max_bytes
        self._event_font: QFont | None = None
        self._event_font_zoom = 0.0
        self._paused = False
        #: A relay's hop labels by (direction, upstream leg); empty for other kinds.
        self._hops: dict[tuple[Direction, bool], str] = {}

    def _reset_storage(self) -> None:
        super()._reset_storage()
        # _cum[i] is a running total of data bytes before physical row i, so _cum has one
        # entry more than _rows and rows i..j-1 hold _cum[j] - _cum[i] bytes. Only these
        # differences mean anything (rows skipped from a batch are not in the total).
        self._cum: list[int] = [0]
        self._bands: list[int] = []
        self._chunk_count = 0
        self._dropped_bytes = 0
        self._pause = PauseBuffer()

    # -- state ------------------------------------------------------------------------

    @property
    def dropped_bytes(self) -> int:
        """Data bytes in the dropped rows."""
        return self._dropped_bytes

    @property
    def held_bytes(self) -> int:
        """Data bytes in the rows now held."""
        return self._cum[-1] - self._cum[self._head]

    @property
    def max_bytes(self) -> int:
        """Cap on :attr:`held_bytes`."""
        return self._max_bytes

    @property
    def paused(self) -> bool:
        """Whether new records wait instead of becoming rows."""
        return self._paused

    @property
    def waiting(self) -> int:
        """Records waiting in the pause buffer."""
        return len(self._pause)

    def set_paused(self, paused: bool) -> None:
        """Hold new records back (True) or add the waiting ones as one batch (False)."""
        self._paused = paused
        if not paused and len(self._pause):
            self.append_events(self._pause.take())

    def held_events(self) -> list[Event]:
        """Every record the log holds, oldest first: its rows, then what waits (paused)."""
        return [*self._rows[self._head :], *self._pause.peek()]

    def chunk_at(self, row: int) -> Event:
        """Return the chunk or event shown in ``row`` (IndexError for a row not held)."""
        return self._row_at(row)

    # -- changing the rows ------------------------------------------------------------

    def append_events(self, events: Sequence[Event]) -> None:
        """Append a batch of records (in seq order) and trim to the caps.

        Only the rows that survive the caps are inserted (one insert), then the oldest
        rows are removed (one remove), so a batch larger than the cap never inserts
        rows only to remove them again.

        Args:
            events: Chunks and connection events, oldest first.
        """
        count = len(events)
        if not count:
            return
        if self._paused:
            self._count_dropped(*self._pause.hold(events, self._max_rows, self._max_bytes))
            return
        old = len(self._rows) - self._head
        base = self._cum[-1]

        # Running byte totals and chunk bands (a chunk flips the band, an event keeps it).
        chunks = self._chunk_count
        if only_chunks(events):
            # A flood's batch: the same lists, built by loops in C (about half the cost).
            batch_cum = list(accumulate(map(len, map(CHUNK_DATA, events)), initial=base))
            first = (chunks + 1) & 1
            bands = list(islice(cycle((first, first ^ 1)), count))
            chunks += count
        else:
            batch_cum = [base]
            bands = []
            total = base
            for event in events:
                if isinstance(event, Chunk):
                    total += len(event.data)
                    chunks += 1
                batch_cum.append(total)
                bands.append(chunks & 1)
        self._chunk_count = chunks

        start = self._first_kept(old + count, batch_cum)
        drop_old = min(start, old)
        skip_new = start - drop_old
        start_cum = self._cum[self._head + start] if start <= old else batch_cum[start - old]
        dropped_bytes = start_cum - self._cum[self._head]

        keep_new = count - skip_new
        if keep_new:
            self.beginInsertRows(QModelIndex(), old, old + keep_new - 1)
            if skip_new:
                # Rows skipped from the batch leave a gap in the running totals; shift
                # the kept rows down over it so differences across _cum stay right.
                shift = batch_cum[skip_new] - base
                self._rows.extend(events[skip_new:])
                self._cum.extend([c - shift for c in batch_cum[skip_new + 1 :]])
                self._bands.extend(bands[skip_new:])
            else:
                self._rows.extend(events)
                self._cum.extend(batch_cum[1:])
                self._bands.extend(bands)
            self.endInsertRows()
        if drop_old:
            self._remove_top(drop_old)
        self._count_dropped(start, dropped_bytes)

    def set_limits(self, max_rows: int, max_bytes: int) -> None:
        """Set the caps and trim the oldest rows to them at once.

        Raises:
            ValueError: ``max_rows`` < 1 or ``max_bytes`` < 0.
        """
        _check_limits(max_rows, max_bytes)
        self._max_rows = max_rows
        self._max_bytes = max_bytes
        held = len(self._rows) - self._head
        start = self._first_kept(held, None)
        if start:
            dropped_bytes = self._cum[self._head + start] - self._cum[self._head]
            self._remove_top(start)
            self._count_dropped(start, dropped_bytes)
        self._count_dropped(*self._pause.trim(max_rows, max_bytes))

    def clear(self) -> None:
        """Remove all rows and waiting records, and reset the drop counters."""
        had_drops = self._dropped_rows or self._dropped_bytes
        super().clear()
        if had_drops:
            self.dropped_changed.emit(0, 0)

    def _first_kept(self, total: int, batch_cum: list[int] | None) -> int:
        """Return the logical index of the first row that fits the caps.

        Logical rows are the held rows followed by the batch; ``batch_cum`` holds the
        batch's running byte totals, starting with the total before it.
        """
        start = max(0, total - self._max_rows)
        end_bytes = batch_cum[-1] if batch_cum else self._cum[-1]
        threshold = end_bytes - self._max_bytes
        if threshold <= self._cum[self._head]:
            return start
        if batch_cum is None or threshold <= batch_cum[0]:
            by_bytes = bisect_left(self._cum, threshold, self._head) - self._head
        else:
            by_bytes = len(self._rows) - self._head + bisect_left(batch_cum, threshold)
        return max(start, by_bytes)

    def _compact(self, head: int) -> None:
        super()._compact(head)
        del self._cum[:head]
        del self._bands[:head]

    def _count_dropped(self, rows: int, data_bytes: int) -> None:
        if rows:
            self._dropped_rows += rows
            self._dropped_bytes += data_bytes
            self.dropped_changed.emit(self._dropped_rows, self._dropped_bytes)

    # -- QAbstractItemModel -----------------------------------------------------------

    def column_titles(self) -> tuple[str, ...]:
        """The translated header of each column, in column order."""
        return (
            self.tr("Time"),
            self.tr("Dir"),
            self.tr("Peer"),
            self.tr("Conn"),
            self.tr("Seq"),
            self.tr("Len"),
            self.tr("Data"),
        )

    def _cell_data(self, physical: int, column: int, role: int) -> Any:
        # The module's role constants say what each role returns.
        event = self._rows[physical]
        if role == DISPLAY_ROLE:
            if isinstance(event, Chunk):
                return self._chunk_text(event, column)
            return self._event_text(event, column)
        if role == FOREGROUND_ROLE:
            colors = log_colors()
            if isinstance(event, Chunk):
                return colors.rx if event.direction is Direction.RX else colors.tx
            return colors.error if event.kind in _ERROR_KINDS else colors.event
        if role == BACKGROUND_ROLE:
            if isinstance(event, Chunk):
                return log_colors().bands[self._bands[physical]]
            return log_colors().event_background
        if role == FONT_ROLE:
            return self._font(event, column)
        if role == ALIGNMENT_ROLE:
            return ALIGN_RIGHT if column in _RIGHT_ALIGNED else None
        if role == TOOLTIP_ROLE:
            return self._tooltip(event) if column == Column.DATA else None
        if role == ChunkRole:
            return event
        if role == IsEventRole:
            return not isinstance(event, Chunk)
        if role == BandRole:
            return self._bands[physical]
        if role == SegmentsRole:
            if isinstance(event, Chunk):
                return display_segments(event.data[: self._preview_bytes], self._encoding)
            return None
        return None

    # -- drawing helpers --------------------------------------------------------------

    def direction_labels(self) -> tuple[str, ...]:
        """The DIR column's texts, translated (to size the column).

        RX and TX; a relay's log shows the hop instead (see :meth:`set_relay`).
        """
        if self._hops:
            return tuple(self._hops.values())
        return self.tr("RX"), self.tr("TX")

    def set_relay(self, relay: bool) -> None:
        """Show each chunk's hop in the DIR column (client→relay, relay→server, ...)."""
        self._hops = self._hop_labels() if relay else {}

    def _hop_labels(self) -> dict[tuple[Direction, bool], str]:
        return {
            (Direction.RX, False): self.tr("client→relay"),
            (Direction.TX, True): self.tr("relay→server"),
            (Direction.RX, True): self.tr("server→relay"),
            (Direction.TX, False): self.tr("relay→client"),
        }

    def direction_text(self, chunk: Chunk) -> str:
        """The DIR column's text for ``chunk``: RX/TX, or a relay chunk's hop."""
        if self._hops:
            return self._hops[(chunk.direction, bool(chunk.flags & ChunkFlag.SERVER_LEG))]
        return self.tr("RX") if chunk.direction is Direction.RX else self.tr("TX")

    def _chunk_text(self, chunk: Chunk, column: int) -> str:
        if column == Column.DATA:
            return self._data_text(chunk.data)
        if column == Column.TIME:
            return clock(chunk.ts_ns)
        if column == Column.DIR:
            return self.direction_text(chunk)
        if column == Column.PEER:
            return chunk.peer
        if column == Column.CONN:
            return f"#{chunk.conn_id}"
        if column == Column.SEQ:
            return str(chunk.seq)
        if column == Column.LEN:
            if chunk.truncated:
                return f"{len(chunk.data)}/{chunk.true_length}"
            return str(len(chunk.data))
        return ""

    def _more_bytes(self, count: int) -> str:
        return self.tr("… (+{count} bytes)").format(count=count)

    def _event_text(self, event: ConnEvent, column: int) -> str:
        if column == Column.DATA:
            return self._event_message(event)
        if column == Column.TIME:
            return clock(event.ts_ns)
        if column == Column.DIR:
            return "--"
        if column == Column.PEER:
            return event.peer
        if column == Column.CONN:
            return f"#{event.conn_id}"
        if column == Column.SEQ:
            return str(event.seq)
        return ""

    def _event_message(self, event: ConnEvent) -> str:
        if event.message:
            # Plans and file sends describe their own progress ("repeat send: 3 of 5 sent").
            return tr_core(event.message)
        if event.kind is EventKind.SEND_PROGRESS:
            return self.tr("sent {sent} of {total} bytes").format(
                sent=event.sent, total=event.total
            )
        return self._kind_label(event.kind)

    def _kind_label(self, kind: EventKind) -> str:
        labels = {
            EventKind.LISTENING: self.tr("listening"),
            EventKind.ACCEPTED: self.tr("connection accepted"),
            EventKind.CONNECTING: self.tr("connecting"),
            EventKind.CONNECTED: self.tr("connected"),
            EventKind.CLOSED: self.tr("closed by peer"),
            EventKind.RESET: self.tr("reset by peer"),
            EventKind.LOCAL_CLOSE: self.tr("closed"),
            EventKind.HALF_CLOSED: self.tr("half-closed (FIN sent)"),
            EventKind.ABORTED: self.tr("aborted (RST sent)"),
            EventKind.SEND_PROGRESS: self.tr("sending"),
            EventKind.ERROR: self.tr("error"),
            EventKind.DROPPED: self.tr("datagrams dropped by the kernel"),
            EventKind.STOPPED: self.tr("stopped"),
            EventKind.PEER_FIN: self.tr("peer finished sending (FIN)"),
            EventKind.STATE: self.tr("socket state"),
            EventKind.SEGMENT: self.tr("TCP segment"),
            EventKind.TLS: self.tr("TLS handshake done"),
            EventKind.FAULT: self.tr("fault changed"),
        }
        return labels.get(kind, kind.value)

    def _tooltip(self, event: Event) -> str:
        if not isinstance(event, Chunk):
            return self._event_message(event)
        data = event.data
        if event.truncated:
            size = self.tr("{held} of {total} bytes (datagram truncated)").format(
                held=len(data), total=event.true_length
            )
        else:
            size = self.tr("{count} bytes").format(count=len(data))
        return self._bytes_tooltip(size, data)

    def _font(self, event: Event, column: int) -> QFont | None:
        # Fonts need a QGuiApplication, so they are made on first use, not at import.
        if not isinstance(event, Chunk):
            # QFont() is the application font when made: made again after a zoom.
            if self._event_font is None or self._event_font_zoom != zoom().effective:
                self._event_font_zoom = zoom().effective
                self._event_font = QFont()
                self._event_font.setItalic(True)
            return self._event_font
        if column == Column.DATA:
            return fixed_font()
        return None


def _check_limits(max_rows: int, max_bytes: int) -> None:
    check_max_rows(max_rows)
    if max_bytes < 0:
        raise ValueError(f"max_bytes must not be negative, not {max_bytes}")
