"""The receive log: one row per socket read, send or connection event.

:class:`ChunkLogModel` holds the newest rows of a session in a ring buffer with a row
cap and a byte cap, and :class:`ChunkFilterProxy` narrows it down to one connection,
one direction, one peer or the data alone. Every ``recv()`` stays its own row, so
sticky and split TCP packets stay visible; the model never merges or splits chunks.
"""

from __future__ import annotations

import codecs
import enum
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase

from netassistant.core.chunk import Chunk, ConnEvent, Direction, Event, EventKind
from netassistant.core.codec import decode_segments
from netassistant.core.logformat import clock
from netassistant.qt.coremessages import tr_core

_AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """The log's columns, in display order."""

    TIME = 0
    DIR = 1
    PEER = 2
    CONN = 3
    SEQ = 4
    LEN = 5
    DATA = 6


class DisplayMode(enum.StrEnum):
    """How the DATA column draws a chunk's bytes."""

    HEX = "hex"
    TEXT = "text"
    BOTH = "both"  # "68 65 6C | hel"


_USER_ROLE = int(Qt.ItemDataRole.UserRole)
#: The row's :class:`Chunk` or :class:`ConnEvent` itself (any column).
ChunkRole: Final = _USER_ROLE + 1
#: True for a :class:`ConnEvent` row, False for a :class:`Chunk` row.
IsEventRole: Final = _USER_ROLE + 2
#: ``[(text, special), ...]`` from :func:`codec.decode_segments` of a chunk's preview
#: bytes in the current encoding (None for events), so a delegate can draw control
#: characters and undecodable bytes distinctly. In text mode DisplayRole is the joined
#: segments followed by the truncation note, if any.
SegmentsRole: Final = _USER_ROLE + 3
#: 0 or 1, alternating from one chunk to the next in seq order; an event carries the
#: band of the chunk before it.
BandRole: Final = _USER_ROLE + 4

DEFAULT_MAX_ROWS: Final = 100_000
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024
DEFAULT_PREVIEW_BYTES: Final = 512
#: The tooltip shows at most this much of a chunk as hex.
TOOLTIP_BYTES: Final = 4096
_TOOLTIP_LINE_BYTES = 32

# data() runs for every visible cell on every repaint; comparing plain ints is the
# cheapest dispatch PySide allows.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)

_RIGHT_ALIGNED = frozenset({Column.CONN, Column.SEQ, Column.LEN})
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# Colours chosen to read well on a light background, as NetAssist draws its log.
RX_COLOR: Final = QColor(0x00, 0x00, 0x99)  # dark blue
TX_COLOR: Final = QColor(0x00, 0x73, 0x00)  # dark green
EVENT_COLOR: Final = QColor(0x6E, 0x6E, 0x6E)  # grey
ERROR_COLOR: Final = QColor(0xC0, 0x00, 0x00)  # red
BAND_COLORS: Final = (QColor(0xFF, 0xFF, 0xFF), QColor(0xEA, 0xF1, 0xFB))  # white, light blue
EVENT_BACKGROUND: Final = QColor(0xFF, 0xF8, 0xDC)  # light yellow

_ERROR_KINDS = frozenset({EventKind.ERROR, EventKind.RESET, EventKind.ABORTED})


class ChunkLogModel(QAbstractTableModel):
    """The newest chunks and connection events of a session, one per row, in seq order.

    Rows live in a list with a head offset: trimming the oldest rows only advances
    the head (the list is compacted once the head passes half of it), so row access,
    appending and trimming stay O(1) per row. Cumulative byte counts kept beside the
    rows make the byte cap a bisection instead of a walk.

    Attributes:
        dropped_rows: Rows that fell off the top (or never made it in) because of the
            caps since the last :meth:`clear`.
        dropped_bytes: Data bytes in those rows.
        held_bytes: Data bytes in the rows now held.
        max_rows: Row cap.
        max_bytes: Cap on :attr:`held_bytes`; a single chunk larger than this is
            dropped rather than held over the cap.
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

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        preview_bytes: int = DEFAULT_PREVIEW_BYTES,
    ) -> None:
        super().__init__(parent)
        _check_limits(max_rows, max_bytes)
        if preview_bytes < 1:
            raise ValueError(f"preview_bytes must be at least 1, not {preview_bytes}")
        self._max_rows = max_rows
        self._max_bytes = max_bytes
        self._preview_bytes = preview_bytes
        self._mode = DisplayMode.HEX
        self._encoding = "utf-8"
        self._fixed_font: QFont | None = None
        self._event_font: QFont | None = None
        self._reset_storage()

    def _reset_storage(self) -> None:
        self._rows: list[Event] = []
        self._head = 0
        # _cum[i] is a running total of data bytes before physical row i, so _cum has one
        # entry more than _rows and rows i..j-1 hold _cum[j] - _cum[i] bytes. Only these
        # differences mean anything (rows skipped from a batch are not in the total).
        self._cum: list[int] = [0]
        self._bands: list[int] = []
        self._chunk_count = 0
        self._dropped_rows = 0
        self._dropped_bytes = 0

    # -- state ------------------------------------------------------------------------

    @property
    def dropped_rows(self) -> int:
        """Rows dropped because of the caps since the last :meth:`clear`."""
        return self._dropped_rows

    @property
    def dropped_bytes(self) -> int:
        """Data bytes in the dropped rows."""
        return self._dropped_bytes

    @property
    def held_bytes(self) -> int:
        """Data bytes in the rows now held."""
        return self._cum[-1] - self._cum[self._head]

    @property
    def max_rows(self) -> int:
        """Row cap."""
        return self._max_rows

    @property
    def max_bytes(self) -> int:
        """Cap on :attr:`held_bytes`."""
        return self._max_bytes

    @property
    def preview_bytes(self) -> int:
        """Bytes of a chunk the DATA column draws."""
        return self._preview_bytes

    @property
    def display_mode(self) -> DisplayMode:
        """How the DATA column draws bytes."""
        return self._mode

    @property
    def encoding(self) -> str:
        """Codec name for text."""
        return self._encoding

    def chunk_at(self, row: int) -> Event:
        """Return the record shown in ``row``.

        Raises:
            IndexError: ``row`` is not a row of the model.
        """
        if not 0 <= row < len(self._rows) - self._head:
            raise IndexError(f"row {row} out of range")
        return self._rows[self._head + row]

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
        old = len(self._rows) - self._head
        base = self._cum[-1]

        # The one Python loop over the batch: running byte totals and chunk bands.
        batch_cum = [base]
        bands = []
        total = base
        chunks = self._chunk_count
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

    def clear(self) -> None:
        """Remove all rows and reset the drop counters."""
        had_drops = self._dropped_rows or self._dropped_bytes
        self.beginResetModel()
        self._reset_storage()
        self.endResetModel()
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

    def _remove_top(self, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), 0, count - 1)
        self._head += count
        if self._head * 2 > len(self._rows):
            # Amortised O(1) per removed row: each compaction copies fewer rows than
            # were dropped since the last one.
            del self._rows[: self._head]
            del self._cum[: self._head]
            del self._bands[: self._head]
            self._head = 0
        self.endRemoveRows()

    def _count_dropped(self, rows: int, data_bytes: int) -> None:
        if rows:
            self._dropped_rows += rows
            self._dropped_bytes += data_bytes
            self.dropped_changed.emit(self._dropped_rows, self._dropped_bytes)

    # -- view settings ----------------------------------------------------------------

    def set_display_mode(self, mode: str) -> None:
        """Draw the DATA column as ``"hex"``, ``"text"`` or ``"both"``.

        Raises:
            ValueError: For another mode name.
        """
        new = DisplayMode(mode)
        if new is not self._mode:
            self._mode = new
            self._data_column_changed()

    def set_encoding(self, name: str) -> None:
        """Decode text with the codec ``name`` (``utf-8``, ``gbk``, ...).

        Raises:
            LookupError: For an unknown codec name.
        """
        codecs.lookup(name)  # fail here, not in data() during a paint
        if name != self._encoding:
            self._encoding = name
            self._data_column_changed()

    def _data_column_changed(self) -> None:
        last = len(self._rows) - self._head - 1
        if last >= 0:
            self.dataChanged.emit(
                self.index(0, Column.DATA),
                self.index(last, Column.DATA),
                [_DISPLAY, SegmentsRole],
            )

    # -- QAbstractItemModel -----------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows held (0 under a valid parent: this is a table)."""
        return 0 if parent.isValid() else len(self._rows) - self._head

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent: this is a table)."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable (for copying), never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Return the translated column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _DISPLAY
            and 0 <= section < len(Column)
        ):
            return self._column_titles()[section]
        return super().headerData(section, orientation, role)

    def _column_titles(self) -> tuple[str, ...]:
        # Translated on every call, not cached, so a language switch shows up at once.
        return (
            self.tr("Time"),
            self.tr("Dir"),
            self.tr("Peer"),
            self.tr("Conn"),
            self.tr("Seq"),
            self.tr("Len"),
            self.tr("Data"),
        )

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the value of ``role`` for a cell; see the module's role constants."""
        if not index.isValid():
            return None
        physical = self._head + index.row()
        if physical >= len(self._rows):
            return None
        event = self._rows[physical]
        column = index.column()
        if role == _DISPLAY:
            if isinstance(event, Chunk):
                return self._chunk_text(event, column)
            return self._event_text(event, column)
        if role == _FOREGROUND:
            if isinstance(event, Chunk):
                return RX_COLOR if event.direction is Direction.RX else TX_COLOR
            return ERROR_COLOR if event.kind in _ERROR_KINDS else EVENT_COLOR
        if role == _BACKGROUND:
            if isinstance(event, Chunk):
                return BAND_COLORS[self._bands[physical]]
            return EVENT_BACKGROUND
        if role == _FONT:
            return self._font(event, column)
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if column in _RIGHT_ALIGNED else None
        if role == _TOOLTIP:
            return self._tooltip(event) if column == Column.DATA else None
        if role == ChunkRole:
            return event
        if role == IsEventRole:
            return not isinstance(event, Chunk)
        if role == BandRole:
            return self._bands[physical]
        if role == SegmentsRole:
            if isinstance(event, Chunk):
                return decode_segments(event.data[: self._preview_bytes], self._encoding)
            return None
        return None

    # -- drawing helpers --------------------------------------------------------------

    def _chunk_text(self, chunk: Chunk, column: int) -> str:
        if column == Column.DATA:
            return self._data_text(chunk.data)
        if column == Column.TIME:
            return clock(chunk.ts_ns)
        if column == Column.DIR:
            return self.tr("RX") if chunk.direction is Direction.RX else self.tr("TX")
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

    def _data_text(self, data: bytes) -> str:
        preview = data[: self._preview_bytes]
        if self._mode is DisplayMode.HEX:
            text = _hex(preview)
        elif self._mode is DisplayMode.TEXT:
            text = self._plain_text(preview)
        else:
            text = f"{_hex(preview)} | {self._plain_text(preview)}"
        hidden = len(data) - len(preview)
        if hidden:
            text += " " + self.tr("… (+{count} bytes)").format(count=hidden)
        return text

    def _plain_text(self, data: bytes) -> str:
        # Control characters escaped (\r\n, \0, ...) keep each row on one line.
        return "".join(text for text, _special in decode_segments(data, self._encoding))

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
            EventKind.STOPPED: self.tr("stopped"),
        }
        return labels.get(kind, kind.value)

    def _tooltip(self, event: Event) -> str:
        if not isinstance(event, Chunk):
            return self._event_message(event)
        data = event.data
        if event.truncated:
            lines = [
                self.tr("{held} of {total} bytes (datagram truncated)").format(
                    held=len(data), total=event.true_length
                )
            ]
        else:
            lines = [self.tr("{count} bytes").format(count=len(data))]
        shown = data[:TOOLTIP_BYTES]
        lines.extend(
            _hex(shown[i : i + _TOOLTIP_LINE_BYTES])
            for i in range(0, len(shown), _TOOLTIP_LINE_BYTES)
        )
        if len(data) > len(shown):
            lines.append(self.tr("… (+{count} bytes)").format(count=len(data) - len(shown)))
        return "\n".join(lines)

    def _font(self, event: Event, column: int) -> QFont | None:
        # Fonts need a QGuiApplication, so they are made on first use, not at import.
        if not isinstance(event, Chunk):
            if self._event_font is None:
                self._event_font = QFont()
                self._event_font.setItalic(True)
            return self._event_font
        if column == Column.DATA:
            if self._fixed_font is None:
                self._fixed_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            return self._fixed_font
        return None


class ChunkFilterProxy(QSortFilterProxyModel):
    """Shows the rows of a :class:`ChunkLogModel` that match the filters, in source order.

    Filtering is O(rows) per filter change; inserts are filtered row by row as they come.

    Attributes:
        conn_filter: Connection id to show, or None for all.
        direction_filter: ``"all"``, ``"rx"`` or ``"tx"``; applies to chunks only.
        peer_filter: Case-insensitive substring of the peer address ("" for all).
        show_events: Whether connection events are shown.
    """

    _DIRECTIONS: Final = {"all": None, "rx": Direction.RX, "tx": Direction.TX}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log: ChunkLogModel | None = None
        self._conn: int | None = None
        self._direction = "all"
        self._peer = ""
        self._show_events = True

    @property
    def conn_filter(self) -> int | None:
        """Connection id to show, or None for all."""
        return self._conn

    @property
    def direction_filter(self) -> str:
        """``"all"``, ``"rx"`` or ``"tx"``."""
        return self._direction

    @property
    def peer_filter(self) -> str:
        """Peer substring ("" for all)."""
        return self._peer

    @property
    def show_events(self) -> bool:
        """Whether connection events are shown."""
        return self._show_events

    def setSourceModel(self, model: Any) -> None:
        """Filter ``model``, which must be a :class:`ChunkLogModel` (or None to detach).

        Raises:
            TypeError: For any other model.
        """
        if model is not None and not isinstance(model, ChunkLogModel):
            raise TypeError(f"ChunkFilterProxy needs a ChunkLogModel, not {type(model)}")
        # Kept typed so filterAcceptsRow can call chunk_at() instead of data().
        self._log = model
        # Qt takes None (nullptr) to detach; the stubs do not say so.
        super().setSourceModel(model)  # type: ignore[arg-type]

    def set_conn_filter(self, conn_id: int | None) -> None:
        """Show only connection ``conn_id`` (None: all connections)."""
        if conn_id != self._conn:
            self._begin_filter_change()
            self._conn = conn_id
            self._end_filter_change()

    def set_direction_filter(self, direction: str) -> None:
        """Show chunks of one direction: ``"all"``, ``"rx"`` or ``"tx"``.

        Raises:
            ValueError: For another value.
        """
        if direction not in self._DIRECTIONS:
            raise ValueError(f"direction must be 'all', 'rx' or 'tx', not {direction!r}")
        if direction != self._direction:
            self._begin_filter_change()
            self._direction = direction
            self._end_filter_change()

    def set_peer_filter(self, text: str) -> None:
        """Show only rows whose peer address contains ``text`` (case-insensitive)."""
        if text != self._peer:
            self._begin_filter_change()
            self._peer = text
            self._end_filter_change()

    def set_show_events(self, show: bool) -> None:
        """Show or hide connection events."""
        if show != self._show_events:
            self._begin_filter_change()
            self._show_events = show
            self._end_filter_change()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Do nothing: the log keeps seq order, even under a view with sorting enabled."""

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        """Return whether a source row passes every filter."""
        if self._log is None or source_parent.isValid():
            return False
        event = self._log.chunk_at(source_row)
        if isinstance(event, Chunk):
            wanted = self._DIRECTIONS[self._direction]
            if wanted is not None and event.direction is not wanted:
                return False
        elif not self._show_events:
            return False
        if self._conn is not None and event.conn_id != self._conn:
            return False
        return not self._peer or self._peer.casefold() in event.peer.casefold()

    # Qt 6.10 deprecated invalidateRowsFilter() (PySide warns, and the suite makes
    # warnings errors) in favour of a begin/end pair around the filter change.
    def _begin_filter_change(self) -> None:
        if _HAS_FILTER_CHANGE:
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if _HAS_FILTER_CHANGE:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()


_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


def _check_limits(max_rows: int, max_bytes: int) -> None:
    if max_rows < 1:
        raise ValueError(f"max_rows must be at least 1, not {max_rows}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must not be negative, not {max_bytes}")


def _hex(data: bytes) -> str:
    """Return ``codec.format_hex(data)``, computed in C.

    format_hex joins the pairs in Python (~35 µs for a 512-byte preview); data() runs
    for every visible cell on every repaint, so the same text comes from bytes.hex().
    """
    return data.hex(" ").upper()
