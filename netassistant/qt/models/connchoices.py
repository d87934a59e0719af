"""ConnectionChoices: "all connections" plus one entry per connection, for a combo box.

The send target and the log's connection filter list every client of a server. With
10,000 clients, adding 10,000 combo items (each label formatted and translated in
Python) froze the window for half a second on every change; this model holds the ids
and peers and makes a label only when a row is drawn.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from netassistant.core.chunk import ENDING_KINDS, Event, EventKind, connection_events

_AnyIndex = QModelIndex | QPersistentModelIndex
_OPENING = frozenset({EventKind.ACCEPTED, EventKind.CONNECTED})


class ConnectionChoices(QAbstractListModel):
    """Row 0 is "all"; then one row per connection id, in id order.

    Attributes:
        all_label: Text of row 0 (translated by the owner).
        label_template: The label of a connection row, with ``%1`` for its id and
            ``%2`` for its peer (translated by the owner).
    """

    def __init__(self, all_label: str, label_template: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.all_label = all_label
        self.label_template = label_template
        self._ids: list[int] = []
        self._peers: list[str] = []

    def set_connections(self, conns: list[tuple[int, str]], keep: int | None = None) -> None:
        """List ``(conn_id, peer)`` pairs (any order); ``keep`` stays listed even if gone.

        A reset, not row by row: one signal for any number of clients.
        """
        pairs = dict(conns)
        if keep is not None and keep not in pairs:
            old = self.row_of(keep)
            pairs[keep] = self._peers[old - 1] if old > 0 else ""
        ids = sorted(pairs)
        peers = [pairs[conn_id] for conn_id in ids]
        if (ids, peers) == (self._ids, self._peers):
            return
        self.beginResetModel()
        self._ids, self._peers = ids, peers
        self.endResetModel()

    def apply_events(self, events: Iterable[Event], keep: int | None = None) -> None:
        """Follow a batch's connection events: opened ones come, ended ones go.

        New ids come after the listed ones (ids only grow), so they are one insert at
        the end; ended ones are one remove per run of rows. ``keep`` stays listed even
        if it ended. Chunks and other events are ignored.
        """
        opened: dict[int, str] = {}
        ended: set[int] = set()
        for ev in connection_events(events):
            if ev.kind in _OPENING:
                opened[ev.conn_id] = ev.peer
            elif ev.kind in ENDING_KINDS and ev.conn_id != keep:
                opened.pop(ev.conn_id, None)  # came and went within the batch
                ended.add(ev.conn_id)
        rows = sorted((row for row in map(self.row_of, ended) if row > 0), reverse=True)
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first - 1 : last], self._peers[first - 1 : last]
            self.endRemoveRows()
        new = sorted(opened)
        if self._ids and new and new[0] <= self._ids[-1]:  # else all come after the last
            new = [conn_id for conn_id in new if self.row_of(conn_id) < 0]
        if not new:
            return
        if self._ids and new[0] < self._ids[-1]:
            # Not in id order after all: list them all again.
            pairs = [*zip(self._ids, self._peers, strict=True), *((i, opened[i]) for i in new)]
            self.set_connections(pairs, keep=keep)
            return
        end = len(self._ids) + 1
        self.beginInsertRows(QModelIndex(), end, end + len(new) - 1)
        self._ids.extend(new)
        self._peers.extend(opened[conn_id] for conn_id in new)
        self.endInsertRows()

    def connection_count(self) -> int:
        """Connections listed (not counting "all")."""
        return len(self._ids)

    def row_of(self, conn_id: int | None) -> int:
        """The row of ``conn_id`` (0 for None), or -1 if it is not listed. O(log n)."""
        if conn_id is None:
            return 0
        pos = bisect_left(self._ids, conn_id)
        return pos + 1 if pos < len(self._ids) and self._ids[pos] == conn_id else -1

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One row for "all" plus one per connection."""
        return 0 if parent.isValid() else len(self._ids) + 1

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One column (given a default parent: the list base class's takes none)."""
        return 0 if parent.isValid() else 1

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Label (DisplayRole) or connection id (UserRole, None for "all")."""
        row = index.row()
        if not index.isValid() or not 0 <= row <= len(self._ids):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if row == 0:
                return self.all_label
            label = self.label_template.replace("%1", str(self._ids[row - 1]))
            return label.replace("%2", self._peers[row - 1])
        if role == Qt.ItemDataRole.UserRole:
            return None if row == 0 else self._ids[row - 1]
        return None
