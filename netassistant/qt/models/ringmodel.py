"""RingTableModel: the newest rows of a log, capped, with a DATA column of bytes.

The chunk log and the message log keep their rows the same way: in a list with a head
offset, where trimming the oldest rows only advances the head (the list is compacted
once the head passes half of it), so row access, appending and trimming stay O(1) per
row. A batch is one insert and a trim one remove. Both draw a DATA column of bytes as
hex, text or both, with a preview cap (see :mod:`netassistant.qt.models.cellformat`).
"""

from __future__ import annotations

import codecs
from typing import Any, ClassVar, Final, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, QObject, Qt

from netassistant.qt.models.cellformat import DisplayMode, bytes_text, hex_lines
from netassistant.qt.models.tablemodel import AnyIndex, ReadOnlyTableModel

#: The tooltip shows at most this much of a DATA cell's bytes as hex.
TOOLTIP_BYTES: Final = 4096
_TOOLTIP_LINE_BYTES = 32

RowT = TypeVar("RowT")
#: What a removed row's slot holds until the list is compacted (typed as any row).
_REMOVED: Any = None


def check_max_rows(max_rows: int) -> None:
    """Raise ValueError for a row cap below 1."""
    if max_rows < 1:
        raise ValueError(f"max_rows must be at least 1, not {max_rows}")


class RingTableModel(ReadOnlyTableModel, Generic[RowT]):
    """The newest rows of a log, at most :attr:`max_rows`, oldest first.

    A subclass sets :attr:`data_column` and :attr:`data_roles`, implements
    ``column_titles()``, :meth:`_cell_data` and :meth:`_more_bytes` (whose text it
    translates itself), and fills ``_rows`` in one ``beginInsertRows`` per batch;
    :meth:`_remove_top` trims. Rows kept beside ``_rows`` (same physical index) are
    reset in :meth:`_reset_storage` and compacted in :meth:`_compact`.

    Attributes:
        data_column: The column that draws bytes.
        data_roles: The roles of that column that change with the mode or encoding.
        max_rows: Row cap.
        dropped_rows: Rows that fell off the top because of the cap since :meth:`clear`.
        display_mode: The current :class:`DisplayMode` of the DATA column.
        encoding: The codec used for text.
        preview_bytes: The DATA column draws at most this many bytes of a row.
    """

    data_column: ClassVar[int]
    data_roles: ClassVar[tuple[int, ...]]

    def __init__(self, parent: QObject | None, *, max_rows: int, preview_bytes: int) -> None:
        super().__init__(parent)
        check_max_rows(max_rows)
        if preview_bytes < 1:
            raise ValueError(f"preview_bytes must be at least 1, not {preview_bytes}")
        self._max_rows = max_rows
        self._preview_bytes = preview_bytes
        self._mode = DisplayMode.HEX
        self._encoding = "utf-8"
        self._reset_storage()

    def _reset_storage(self) -> None:
        self._rows: list[RowT] = []
        self._head = 0
        self._dropped_rows = 0

    # -- state ------------------------------------------------------------------------

    @property
    def max_rows(self) -> int:
        """Row cap."""
        return self._max_rows

    @property
    def dropped_rows(self) -> int:
        """Rows dropped because of the cap since the last :meth:`clear`."""
        return self._dropped_rows

    @property
    def display_mode(self) -> DisplayMode:
        """How the DATA column draws bytes."""
        return self._mode

    @property
    def encoding(self) -> str:
        """Codec name for text."""
        return self._encoding

    @property
    def preview_bytes(self) -> int:
        """Bytes of a row the DATA column draws."""
        return self._preview_bytes

    def _row_at(self, row: int) -> RowT:
        """Return the record shown in ``row``.

        Raises:
            IndexError: ``row`` is not a row of the model.
        """
        if not 0 <= row < len(self._rows) - self._head:
            raise IndexError(f"row {row} out of range")
        return self._rows[self._head + row]

    def _row_count(self) -> int:
        return len(self._rows) - self._head

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the value of ``role`` for a cell; see the subclass's role constants."""
        if not index.isValid():
            return None
        physical = self._head + index.row()
        if physical >= len(self._rows):
            return None
        return self._cell_data(physical, index.column(), role)

    def multiData(
        self,
        index: AnyIndex,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """Fill every role a view asks for in one call (what ``data()`` gives each).

        A delegate asks for seven roles of every cell it paints; Qt's own multiData()
        would call ``data()`` once per role, and under a flood every call from Qt into
        Python waits to win the GIL back from the engine thread. One call a cell
        instead of seven.
        """
        if not index.isValid():
            return
        physical = self._head + index.row()
        if physical >= len(self._rows):
            return
        column = index.column()
        cell = self._cell_data
        span = roleDataSpan
        if isinstance(span, QModelRoleData):  # a single role, as PySide also allows
            span = QModelRoleDataSpan(span)
        for i in range(span.size()):
            role_data = span[i]  # type: ignore[index]  # the stubs lack __getitem__
            role_data.setData(cell(physical, column, role_data.role()))

    def _cell_data(self, physical: int, column: int, role: int) -> Any:
        """The value of ``role`` in ``column`` of the row at ``_rows[physical]``."""
        raise NotImplementedError

    # -- changing the rows ------------------------------------------------------------

    def clear(self) -> None:
        """Remove all rows and reset the drop counters."""
        self.beginResetModel()
        self._reset_storage()
        self.endResetModel()

    def _remove_top(self, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), 0, count - 1)
        start = self._head
        self._head += count
        # Let go of the removed records now, not at the next compaction: until then they
        # would stay alive with their bytes (up to as many again as the cap allows).
        self._rows[start : self._head] = [_REMOVED] * count
        if self._head * 2 > len(self._rows):
            # Amortised O(1) per removed row: each compaction copies fewer rows than
            # were dropped since the last one.
            self._compact(self._head)
            self._head = 0
        self.endRemoveRows()

    def _compact(self, head: int) -> None:
        """Forget the first ``head`` physical rows."""
        del self._rows[:head]

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
                self.index(0, self.data_column),
                self.index(last, self.data_column),
                list(self.data_roles),
            )

    # -- drawing helpers --------------------------------------------------------------

    def _more_bytes(self, count: int) -> str:
        """The translated note for ``count`` bytes not drawn: ``… (+N bytes)``."""
        raise NotImplementedError

    def _data_text(self, data: bytes) -> str:
        """The DATA cell's text: the preview in the current mode, then what is left out."""
        preview = data[: self._preview_bytes]
        text = bytes_text(preview, self._mode, self._encoding)
        hidden = len(data) - len(preview)
        if hidden:
            text += " " + self._more_bytes(hidden)
        return text

    def _bytes_tooltip(self, first_line: str, data: bytes) -> str:
        """``first_line``, then up to :data:`TOOLTIP_BYTES` of ``data`` as hex lines."""
        shown = data[:TOOLTIP_BYTES]
        lines = [first_line, *hex_lines(shown, _TOOLTIP_LINE_BYTES)]
        if len(data) > len(shown):
            lines.append(self._more_bytes(len(data) - len(shown)))
        return "\n".join(lines)
