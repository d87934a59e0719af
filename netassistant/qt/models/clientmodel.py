"""ClientListModel: the open connections of a TCP server, one row per connection.

Rows are kept in connection-id order and follow :attr:`SessionStats.clients` (or a
batch of connection events) with row inserts and removes keyed by id, never a reset,
so a view keeps its selection while clients come and go. A batch is applied as one
insert for the new ids and one remove per run of closed ones, never one per client;
counter updates are a single ``dataChanged``.
"""

from __future__ import annotations

import enum
import time
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any, Final, NamedTuple

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt

from netassistant.core.chunk import ENDING_KINDS, ConnEvent, Event, EventKind
from netassistant.core.stats import ClientInfo
from netassistant.qt.models.tablemodel import (
    ALIGN_RIGHT,
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
    AnyIndex,
    ReadOnlyTableModel,
)

#: The row's connection id (any column).
ConnIdRole: Final = USER_ROLE + 1

_RIGHT = int(ALIGN_RIGHT)


class Column(enum.IntEnum):
    """The client table's columns, in display order."""

    ID = 0
    ADDRESS = 1
    SINCE = 2
    RX = 3
    TX = 4
    STATE = 5
    KERNEL = 6  # the kernel's TCP state (STATE events), for the sampled connections


def format_count(n: int) -> str:
    """``n`` with the locale's digit grouping, e.g. ``1,234``.

    The C locale (the default in tests and minimal containers) omits group separators
    unless told otherwise; a count of bytes is easier to read with them everywhere.
    """
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(n)


class _Row(NamedTuple):
    # A snapshot: ClientInfo is updated in place, so comparing against the live object
    # could not tell what changed since the last update.
    conn_id: int
    peer: str
    since_ns: int
    rx_bytes: int
    tx_bytes: int
    half_closed: bool

    @classmethod
    def of(cls, info: ClientInfo) -> _Row:
        return cls(
            info.conn_id, info.peer, info.since_ns, info.rx_bytes, info.tx_bytes, info.half_closed
        )


_conn_id: Final = itemgetter(0)  # a _Row's conn_id, for bisect

# Which column shows each _Row field, to narrow dataChanged to what changed.
_FIELD_COLUMNS: Final = tuple(Column)[: len(_Row._fields)]
_RIGHT_COLUMNS: Final = (Column.ID, Column.RX, Column.TX)


class ClientListModel(ReadOnlyTableModel):
    """One row per open connection: id, address, since, RX and TX bytes, state.

    Fed by :meth:`update_clients`; :meth:`conn_id_at` maps a view's row back to an id.
    """

    columns = Column
    right_aligned_titles = _RIGHT_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        #: Kernel state by connection: only connections the engine samples have one.
        self._kernel: dict[int, str] = {}

    # ---------------------------------------------------------------- updates
    def update_clients(self, clients: Mapping[int, ClientInfo]) -> None:
        """Follow ``clients`` (``SessionStats.clients``): insert, remove, update rows."""
        wanted = {conn_id: _Row.of(info) for conn_id, info in clients.items()}
        self._remove_missing(wanted)
        self._insert_new(wanted)
        self._refresh(wanted)

    def apply_events(self, events: Iterable[Event]) -> None:
        """Apply a batch of records: accepted connections come, closed ones go.

        Only the outcome of the batch is applied (a client that came and went within it
        never shows), as one insert and one remove per run of rows; counters stay as
        they are until the next :meth:`update_clients`. Chunks and other events are
        ignored. The work is in proportion to the batch, not to the rows listed: 10,000
        clients arrive in ~40 batches, and a pass over every row per batch was a fifth
        of the window's work while they connected.
        """
        opened: dict[int, _Row] = {}
        ended: set[int] = set()
        half: set[int] = set()
        for event in events:
            if not isinstance(event, ConnEvent) or not event.conn_id:
                continue
            kind, conn_id = event.kind, event.conn_id
            if kind is EventKind.ACCEPTED:
                if conn_id not in opened:
                    opened[conn_id] = _Row(conn_id, event.peer, event.ts_ns, 0, 0, False)
            elif kind in ENDING_KINDS:
                if opened.pop(conn_id, None) is None:  # not one that came within the batch
                    ended.add(conn_id)
                half.discard(conn_id)
            elif kind is EventKind.HALF_CLOSED:
                if conn_id in opened:
                    opened[conn_id] = opened[conn_id]._replace(half_closed=True)
                else:
                    half.add(conn_id)
        if ended:
            self._remove_rows(sorted(r for r in map(self.row_of, ended) if r >= 0))
        if opened:
            ids = sorted(opened)
            if self._rows and ids[0] <= self._rows[-1].conn_id:  # else all come after the last
                ids = [i for i in ids if self.row_of(i) < 0]
            self._insert_rows([opened[i] for i in ids])
        for conn_id in sorted(half):
            row = self.row_of(conn_id)
            if row >= 0 and not self._rows[row].half_closed:
                self._rows[row] = self._rows[row]._replace(half_closed=True)
                cell = self.index(row, Column.STATE)
                self.dataChanged.emit(cell, cell, [DISPLAY_ROLE, TOOLTIP_ROLE])

    def _remove_rows(self, rows: list[int]) -> None:
        """Remove ``rows`` (ascending), one remove per run, from the last run up."""
        end = len(rows)
        while end:
            start = end - 1
            while start and rows[start - 1] == rows[start] - 1:
                start -= 1
            first, last = rows[start], rows[end - 1]
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
            end = start

    def _insert_rows(self, new: list[_Row]) -> None:
        """Insert rows not listed yet (ascending ids) in id order, one insert per run."""
        start = 0
        while start < len(new):
            # New ids usually all sort after the listed ones: one insert for the whole run.
            pos = self._position(new[start].conn_id)
            end = start + 1
            while end < len(new) and self._position(new[end].conn_id) == pos:
                end += 1
            self.beginInsertRows(QModelIndex(), pos, pos + end - start - 1)
            self._rows[pos:pos] = new[start:end]
            self.endInsertRows()
            start = end

    def _position(self, conn_id: int) -> int:
        """Where ``conn_id`` is or would be listed (the rows are in id order)."""
        return bisect_left(self._rows, conn_id, key=_conn_id)

    def apply_kernel_states(self, events: Iterable[Event]) -> None:
        """Show the kernel states of a batch's STATE events in the Kernel column."""
        states = [
            event
            for event in events
            if type(event) is ConnEvent and event.kind is EventKind.STATE and event.detail
        ]
        if not states:
            return
        ids = [row.conn_id for row in self._rows]  # once per batch: 10,000 rows stay cheap
        changed: list[int] = []
        fresh: set[int] = set()
        for event in states:
            state = (event.detail or {}).get("state")
            if not isinstance(state, str):
                continue
            # Kept even for a client not listed yet: the window hears of a batch's
            # states before its accepts, and a state is only sent when it changes.
            self._kernel[event.conn_id] = state
            fresh.add(event.conn_id)
            row = bisect_left(ids, event.conn_id)
            if row < len(ids) and ids[row] == event.conn_id:
                changed.append(row)
        if len(self._kernel) > 2 * len(self._rows) + 64:  # closed rows' states go
            live = {row.conn_id for row in self._rows} | fresh
            self._kernel = {k: v for k, v in self._kernel.items() if k in live}
        for row in changed:
            cell = self.index(row, Column.KERNEL)
            self.dataChanged.emit(cell, cell, [DISPLAY_ROLE])

    def widest_values(self) -> dict[int, str]:
        """The largest plausible text of each fixed-width column (to size it once)."""
        return {
            Column.ID: "99999",
            Column.SINCE: "00:00:00",
            Column.RX: format_count(999_999_999_999),
            Column.TX: format_count(999_999_999_999),
            Column.STATE: max(self._state_labels(), key=len),
            Column.KERNEL: "ESTABLISHED",
        }

    def _remove_missing(self, wanted: Mapping[int, _Row]) -> None:
        self._remove_rows([row for row, r in enumerate(self._rows) if r.conn_id not in wanted])

    def _insert_new(self, wanted: Mapping[int, _Row]) -> None:
        listed = {r.conn_id for r in self._rows}
        self._insert_rows([wanted[i] for i in sorted(wanted) if i not in listed])

    def _refresh(self, wanted: Mapping[int, _Row]) -> None:
        rows: list[int] = []
        columns: set[int] = set()
        for row, old in enumerate(self._rows):
            new = wanted[old.conn_id]
            if new != old:
                self._rows[row] = new
                rows.append(row)
                columns.update(
                    col for col, a, b in zip(_FIELD_COLUMNS, old, new, strict=True) if a != b
                )
        if rows:
            top_left = self.index(rows[0], min(columns))
            bottom_right = self.index(rows[-1], max(columns))
            self.dataChanged.emit(top_left, bottom_right, [DISPLAY_ROLE, TOOLTIP_ROLE])

    def conn_id_at(self, row: int) -> int:
        """The connection id shown in ``row``.

        Raises:
            IndexError: for a row the model does not have.
        """
        if not 0 <= row < len(self._rows):
            raise IndexError(f"no client in row {row}")
        return self._rows[row].conn_id

    def row_of(self, conn_id: int) -> int:
        """The row showing ``conn_id``, or -1."""
        pos = self._position(conn_id)
        return pos if pos < len(self._rows) and self._rows[pos].conn_id == conn_id else -1

    def is_half_closed(self, row: int) -> bool:
        """True if we have sent FIN on the connection in ``row``."""
        return 0 <= row < len(self._rows) and self._rows[row].half_closed

    # -------------------------------------------------------- the model's API
    def _row_count(self) -> int:
        return len(self._rows)

    def column_titles(self) -> tuple[str, ...]:
        """The translated header of each column, in column order."""
        return (
            self.tr("#"),
            self.tr("Address"),
            self.tr("Connected since"),
            self.tr("RX bytes"),
            self.tr("TX bytes"),
            self.tr("State"),
            self.tr("Kernel state"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the cell's text, alignment, tooltip, or its row's conn id (ConnIdRole)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY_ROLE:
            return self._display(row, column)
        if role == ConnIdRole:
            return row.conn_id
        if role == ALIGNMENT_ROLE and column in _RIGHT_COLUMNS:
            return _RIGHT
        if role == TOOLTIP_ROLE:
            return self._tooltip(row, column)
        return None

    def _display(self, row: _Row, column: int) -> str | None:
        if column == Column.ID:
            return str(row.conn_id)
        if column == Column.ADDRESS:
            return row.peer
        if column == Column.SINCE:
            return time.strftime("%H:%M:%S", time.localtime(row.since_ns / 1e9))
        if column == Column.RX:
            return format_count(row.rx_bytes)
        if column == Column.TX:
            return format_count(row.tx_bytes)
        if column == Column.STATE:
            open_, half_closed = self._state_labels()
            return half_closed if row.half_closed else open_
        if column == Column.KERNEL:
            return self._kernel.get(row.conn_id, "")
        return None

    def _state_labels(self) -> tuple[str, str]:
        return self.tr("open"), self.tr("half-closed")

    def _tooltip(self, row: _Row, column: int) -> str | None:
        if column == Column.SINCE:
            seconds, ns = divmod(row.since_ns, 1_000_000_000)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))
            return f"{stamp}.{ns // 1_000_000:03d}"
        if column == Column.STATE and row.half_closed:
            return self.tr("We have sent FIN; the client can still send to us")
        if column == Column.KERNEL:
            return self.tr(
                "The connection's TCP state in the kernel (TCP_INFO); blank for connections "
                "not sampled (the state view samples up to 32 at once)"
            )
        return None
