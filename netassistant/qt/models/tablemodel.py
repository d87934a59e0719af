"""The plumbing the list models share: a read-only flat table and a row filter over it.

:class:`ReadOnlyTableModel` answers the row and column counts, flags and header titles
of a table whose rows are selected (for copying or acting on) but never edited.
:class:`RowFilterProxy` hides rows and keeps the source's order.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from typing import Any, ClassVar, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex

# data() runs for every visible cell on every repaint; comparing plain ints is the
# cheapest dispatch PySide allows.
DISPLAY_ROLE: Final = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP_ROLE: Final = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND_ROLE: Final = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND_ROLE: Final = int(Qt.ItemDataRole.BackgroundRole)
FONT_ROLE: Final = int(Qt.ItemDataRole.FontRole)
ALIGNMENT_ROLE: Final = int(Qt.ItemDataRole.TextAlignmentRole)
#: A model's own roles are USER_ROLE + 1, + 2, ...
USER_ROLE: Final = int(Qt.ItemDataRole.UserRole)
#: How numbers sit in a cell.
ALIGN_RIGHT: Final = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat table of selectable, never editable rows with translated column titles.

    A subclass sets :attr:`columns` and implements :meth:`column_titles`,
    :meth:`_row_count` and ``data()``. It translates its titles itself, with its own
    ``self.tr()``, so every title keeps the subclass's translation context.

    ``flags()`` is deliberately not overridden: QAbstractTableModel's own answer
    (selectable, enabled, never has children; nothing for an invalid index) is what a
    read-only row wants, and a view asks it of every cell it paints, so answering it in
    C++ spares a call into Python (and a wait for the GIL) per cell.

    Attributes:
        columns: The column enum, in display order.
        right_aligned_titles: Columns whose header title is right-aligned.
    """

    columns: ClassVar[type[enum.IntEnum]]
    right_aligned_titles: ClassVar[Collection[int]] = ()

    def column_titles(self) -> tuple[str, ...]:
        """The translated column titles, in column order.

        Translated on every call, not cached, so a language switch shows up at once.
        """
        raise NotImplementedError

    def _row_count(self) -> int:
        """The number of rows held."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows held (0 under a valid parent: this is a table)."""
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent: this is a table)."""
        return 0 if parent.isValid() else len(self.columns)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Return the index of a cell (invalid outside the table).

        A view asks it of every cell it paints. QAbstractTableModel's own index() calls
        back into Python twice per cell (rowCount and columnCount); under a flood every
        call into Python from a repaint waits for the GIL the session's engine holds.
        """
        if 0 <= row < self._row_count() and 0 <= column < self.columnCount(parent):
            return self.createIndex(row, column)  # columnCount() is 0 under a valid parent
        return QModelIndex()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Return the translated column titles (and the alignment of those aligned)."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == DISPLAY_ROLE:
                return self.column_titles()[section]
            if role == ALIGNMENT_ROLE and section in self.right_aligned_titles:
                return int(ALIGN_RIGHT)
        return super().headerData(section, orientation, role)


class RowFilterProxy(QSortFilterProxyModel):
    """A proxy that hides rows and never sorts: rows keep the source model's order.

    A subclass implements ``filterAcceptsRow()`` and changes its filters between
    :meth:`_begin_filter_change` and :meth:`_end_filter_change`.
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Do nothing: rows keep the source's order, even under a view with sorting enabled."""

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
